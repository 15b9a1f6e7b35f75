package io.kubepolicies.policies;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kubepolicies.rego.ast.Module;
import io.kubepolicies.rego.ast.RegoVersion;
import io.kubepolicies.rego.builtins.Builtins;
import io.kubepolicies.rego.eval.EvalOptions;
import io.kubepolicies.rego.syntax.Parser;
import io.kubepolicies.rego.testing.TestRunner;
import io.kubepolicies.rego.testing.TestRunner.Outcome;
import io.kubepolicies.rego.testing.TestRunner.TestResult;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.ObjectValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the Rego unit tests of the guardrail library the way {@code kube-policies test policies/} does:
 * every module under {@code lib/}, with {@code stages.yaml} loaded as data at the root.
 */
class PoliciesRegoTest {
  private static final Path MODULE_DIR = Path.of("").toAbsolutePath();
  private static final Path LIB = MODULE_DIR.resolve("lib");
  private static final Path STAGES = MODULE_DIR.resolve("stages.yaml");

  @Test
  void regoTestsPass() throws IOException {
    List<TestResult> results = TestRunner.run(modules(), stagesAsData(), Builtins.standard(), EvalOptions.of(null));

    List<String> failures = results.stream()
        .filter(r -> r.outcome() == Outcome.FAIL || r.outcome() == Outcome.ERROR)
        .map(r -> String.format("%s:%d: %s.%s: %s%s", r.file(), r.line(), r.pkg(), r.name(), r.outcome(),
            r.error() == null ? "" : " " + r.error()))
        .toList();
    assertFalse(results.isEmpty(), "no Rego tests found under " + LIB);
    assertTrue(failures.isEmpty(),
        () -> failures.size() + " of " + results.size() + " Rego tests failed:\n" + String.join("\n", failures));
  }

  @Test
  void everyModuleHasTestsBesideIt() throws IOException {
    List<String> untested = new ArrayList<>();
    for (Path file : regoFiles()) {
      String name = file.getFileName().toString();
      if (!name.endsWith("_test.rego")
          && !Files.exists(file.resolveSibling(name.replace(".rego", "_test.rego")))) {
        untested.add(MODULE_DIR.relativize(file).toString());
      }
    }
    assertTrue(untested.isEmpty(), () -> "modules without a *_test.rego beside them: " + untested);
  }

  private static List<Module> modules() throws IOException {
    List<Module> modules = new ArrayList<>();
    for (Path file : regoFiles()) {
      modules.add(Parser.parseModule(MODULE_DIR.relativize(file).toString(),
          Files.readString(file, StandardCharsets.UTF_8), RegoVersion.V1));
    }
    return modules;
  }

  private static List<Path> regoFiles() throws IOException {
    try (Stream<Path> walk = Files.walk(LIB)) {
      return walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".rego")).sorted().toList();
    }
  }

  private static ObjectValue stagesAsData() throws IOException {
    return (ObjectValue) Json.fromNode(new YAMLMapper().readTree(STAGES.toFile()));
  }
}
