package io.kubepolicies.policies;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubepolicies.rego.builtins.Builtins;
import io.kubepolicies.rego.eval.EvalOptions;
import io.kubepolicies.rego.testing.TestRunner;
import io.kubepolicies.rego.testing.TestRunner.Outcome;
import io.kubepolicies.rego.testing.TestRunner.TestResult;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.ObjectValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the Rego unit tests of the guardrail library the way {@code kube-policies test policies/} does:
 * every module under {@code lib/}, with {@code stages.yaml} loaded as data at the root.
 */
class PoliciesRegoTest {

  @Test
  void regoTestsPass() throws IOException {
    ObjectValue data = (ObjectValue) Json.fromNode(Library.yaml(Library.STAGES));
    List<TestResult> results = TestRunner.run(Library.modules(), data, Builtins.standard(), EvalOptions.of(null));

    List<String> failures = results.stream()
        .filter(r -> r.outcome() == Outcome.FAIL || r.outcome() == Outcome.ERROR)
        .map(r -> String.format("%s:%d: %s.%s: %s%s", r.file(), r.line(), r.pkg(), r.name(), r.outcome(),
            r.error() == null ? "" : " " + r.error()))
        .toList();
    assertFalse(results.isEmpty(), "no Rego tests found under " + Library.LIB);
    assertTrue(failures.isEmpty(),
        () -> failures.size() + " of " + results.size() + " Rego tests failed:\n" + String.join("\n", failures));
  }

  @Test
  void everyModuleHasTestsBesideIt() throws IOException {
    List<String> untested = new ArrayList<>();
    for (Path file : Library.regoFiles()) {
      String name = file.getFileName().toString();
      if (!name.endsWith("_test.rego")
          && !Files.exists(file.resolveSibling(name.replace(".rego", "_test.rego")))) {
        untested.add(Library.MODULE_DIR.relativize(file).toString());
      }
    }
    assertTrue(untested.isEmpty(), () -> "modules without a *_test.rego beside them: " + untested);
  }
}
