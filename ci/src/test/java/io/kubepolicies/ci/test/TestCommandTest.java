package io.kubepolicies.ci.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubepolicies.ci.support.Cli;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.ObjectValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCommandTest {
  @TempDir
  Path dir;

  private void write(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text);
  }

  @Test
  void countsPassesAndFailuresAndExitsOneOnFailure() throws IOException {
    write("p.rego", "package p\nallow if input.ok\n");
    write("p_test.rego", """
        package p
        test_allowed if allow with input as {"ok": true}
        test_refused if not allow with input as {"ok": false}
        test_wrong if allow with input as {"ok": false}
        """);
    Cli.Run run = Cli.run("test", dir.toString());
    assertEquals(1, run.exit());
    assertTrue(run.out().contains("data.p.test_wrong: FAIL"), run.out());
    assertTrue(run.out().strip().endsWith("2 passed, 1 failed"), run.out());
  }

  @Test
  void runsRulesWithTheSameNameSeparately() throws IOException {
    write("p_test.rego", """
        package p
        test_same if true
        test_same if false
        """);
    Cli.Run run = Cli.run("test", "-v", dir.toString());
    assertTrue(run.out().strip().endsWith("1 passed, 1 failed"), run.out());
  }

  @Test
  void erroringTestsFailWithTheError() throws IOException {
    write("p_test.rego", "package p\nf(x) := x\nf(x) := 2\ntest_conflict if f(1) == 1\n");
    Cli.Run run = Cli.run("test", dir.toString());
    assertEquals(1, run.exit());
    assertTrue(run.out().contains("ERROR"), run.out());
    assertTrue(run.out().contains("eval_conflict_error"), run.out());
  }

  @Test
  void coverageReportsLinesAndRules() throws IOException {
    write("p.rego", "package p\nallow if input.ok\nunused := 1\n");
    write("p_test.rego", "package p\ntest_allowed if allow with input as {\"ok\": true}\n");
    Cli.Run run = Cli.run("test", "--coverage", dir.toString());
    assertEquals(0, run.exit(), run.err());
    ObjectValue report = (ObjectValue) Json.parse(run.out());
    assertEquals(Json.parse("50"), report.get("coverage"));
    assertTrue(report.get("not_covered_rules").toString().contains("unused"));
    assertTrue(run.err().contains("1 passed, 0 failed"), run.err());
  }

  @Test
  void parseErrorsAreReportedNotCrashes() throws IOException {
    write("p_test.rego", "package p\ntest_x if {\n");
    Cli.Run run = Cli.run("test", dir.toString());
    assertEquals(1, run.exit());
    assertTrue(run.err().contains("rego_parse_error"), run.err());
  }
}
