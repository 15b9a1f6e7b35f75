package io.kubepolicies.ci.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubepolicies.ci.support.Cli;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformanceCommandTest {
  @TempDir
  Path dir;

  @Test
  void judgesResultsErrorsAndSortedBindings() throws IOException {
    Path topic = Files.createDirectories(dir.resolve("sample"));
    Files.writeString(topic.resolve("cases.yaml"), """
        ---
        cases:
          - note: sample/set as sorted list
            query: data.t.p = x
            modules:
              - |
                package t
                p contains x if some x in [3, 1, 2]
            want_result:
              - x: [1, 2, 3]
            sort_bindings: true
          - note: sample/divide by zero in strict mode
            query: x := 1 / 0
            want_error_code: eval_builtin_error
            want_error: divide by zero
            strict_error: true
          - note: sample/wrong expectation
            query: x := 1
            want_result:
              - x: 2
          - note: sample/input term with a set
            query: x := count(input)
            input_term: "{1, 2, 2}"
            want_result:
              - x: 2
        """);
    Path report = dir.resolve("report.json");
    Cli.Run run = Cli.run("conformance", "--report", report.toString(), dir.toString());
    assertEquals(1, run.exit());
    assertTrue(run.out().contains("FAIL sample/cases.yaml#2  sample/wrong expectation"), run.out());
    assertTrue(run.out().strip().endsWith("3 passed, 1 failed, 0 skipped"), run.out());
    assertEquals(4, ((ArrayValue) Json.parse(Files.readAllBytes(report))).size());
  }

  @Test
  void malformedCaseFilesAreAnError() throws IOException {
    Path topic = Files.createDirectories(dir.resolve("broken"));
    Files.writeString(topic.resolve("cases.yaml"), "---\nnot_cases: []\n");
    Cli.Run run = Cli.run("conformance", dir.toString());
    assertEquals(1, run.exit());
    assertTrue(run.err().contains("no `cases` list"), run.err());
  }
}
