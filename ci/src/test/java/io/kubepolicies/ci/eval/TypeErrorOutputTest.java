package io.kubepolicies.ci.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubepolicies.ci.support.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eval} and {@code test} report compile-time type errors as {@code file:line:col: rego_type_error: ...} and exit 1. */
class TypeErrorOutputTest {
  private static final String UPPER_OF_NUMBER = """
      rego_type_error: upper: invalid argument(s)
      \thave: (number, ???)
      \twant: (x: string, y: string)
      """;

  @TempDir
  Path dir;

  private Path policy() throws IOException {
    Path file = dir.resolve("p.rego");
    Files.writeString(file, "package p\n\nallow if upper(1) == \"A\"\n\ntest_allow if allow\n");
    return file;
  }

  @Test
  void evalPrintsTheTypeErrorWithItsLocation() throws IOException {
    Path file = policy();
    Cli.Run run = Cli.run("eval", "-d", file.toString(), "data.p.allow");
    assertEquals(1, run.exit());
    assertEquals(file + ":3:10: " + UPPER_OF_NUMBER, run.err());
    assertEquals("", run.out());
  }

  @Test
  void evalPrintsTypeErrorsInTheQuery() {
    Cli.Run run = Cli.run("eval", "x := upper(1)");
    assertEquals(1, run.exit());
    assertEquals("1:6: " + UPPER_OF_NUMBER, run.err());
  }

  @Test
  void testPrintsTheTypeErrorInsteadOfRunning() throws IOException {
    Path file = policy();
    Cli.Run run = Cli.run("test", file.toString());
    assertEquals(1, run.exit());
    assertEquals(file + ":3:10: " + UPPER_OF_NUMBER, run.err());
  }
}
