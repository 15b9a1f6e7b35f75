package io.kubepolicies.server.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubepolicies.server.source.SourceSnapshot;
import io.kubepolicies.server.testing.FixtureBuilder;
import io.kubepolicies.server.testing.Fixtures;
import io.kubepolicies.signing.bundle.Bundle;
import io.kubepolicies.signing.bundle.BundleFile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GateTest {
  private final Gate gate = new Gate(List.of());

  private static GateCheck check(GateResult result, String name) {
    return result.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void passingSourceReportsModulesAndTests() {
    GateResult result = gate.checkSource(Fixtures.source("v1"));
    assertTrue(result.passed(), result::describeFailures);
    assertEquals("3 modules", check(result, Gate.COMPILE).summary());
    assertEquals("2 passed, 0 failed", check(result, Gate.TESTS).summary());
    assertEquals("", result.describeFailures());
  }

  @Test
  void failingTestNamesFileLineAndRule() {
    GateResult result = gate.checkSource(Fixtures.withFile("v1", "policies/lib/broken_test.rego", Fixtures.FAILING_TEST));
    assertFalse(result.passed());
    GateCheck tests = check(result, Gate.TESTS);
    assertEquals("2 passed, 1 failed", tests.summary());
    assertEquals(List.of("policies/lib/broken_test.rego:5: data.kube_policies.policies.privileged_broken_test"
        + ".test_expects_the_impossible: FAIL"), tests.failures());
  }

  @Test
  void erroringTestFailsTheGate() {
    String erroring = """
        package kube_policies.erroring_test

        f(x) := 1 if x
        f(x) := 2 if x

        test_conflicting_function_outputs if {
          f(true) == 1
        }
        """;
    GateResult result = gate.checkSource(Fixtures.withFile("v1", "policies/lib/erroring_test.rego", erroring));
    GateCheck tests = check(result, Gate.TESTS);
    assertFalse(tests.passed());
    assertTrue(tests.failures().get(0).contains("test_conflicting_function_outputs: ERROR"), tests.failures().toString());
  }

  @Test
  void parseErrorStopsBeforeTheTests() {
    GateResult result = gate.checkSource(Fixtures.withFile("v1", "policies/lib/bad.rego", "package bad\n\nallow if {\n"));
    assertFalse(result.passed());
    assertEquals(1, result.checks().size(), "no tests run on modules that do not parse");
    assertTrue(check(result, Gate.COMPILE).failures().get(0).startsWith("policies/lib/bad.rego:"),
        check(result, Gate.COMPILE).failures().toString());
  }

  @Test
  void compileErrorIsReported() {
    GateResult result = gate.checkSource(Fixtures.withFile("v1", "policies/lib/unsafe.rego",
        "package unsafe\n\nallow if { x == 1 }\n"));
    GateCheck compile = check(result, Gate.COMPILE);
    assertFalse(compile.passed());
    assertTrue(compile.failures().get(0).contains("unsafe"), compile.failures().toString());
  }

  @Test
  void malformedDataFileIsReported() {
    GateResult result = gate.checkSource(Fixtures.withFile("v1", "policies/stages.yaml", "environments: [unclosed\n"));
    GateCheck compile = check(result, Gate.COMPILE);
    assertFalse(compile.passed());
    assertTrue(compile.failures().get(0).startsWith("policies/stages.yaml: not valid YAML"), compile.failures().toString());
  }

  @Test
  void dataFileMustHoldAnObject() {
    GateResult result = gate.checkSource(Fixtures.withFile("v1", "policies/extra.json", "[1, 2]"));
    assertEquals(List.of("policies/extra.json: a data file must hold an object"), check(result, Gate.COMPILE).failures());
  }

  @Test
  void testsSeeDataFilesAtTheRoot() {
    String usesStages = """
        package stages_test

        test_dev_monitors_privileged if {
          data.environments.dev.privileged.validating == "monitor"
        }
        """;
    assertTrue(gate.checkSource(Fixtures.withFile("v1", "policies/lib/stages_test.rego", usesStages)).passed());
  }

  @Test
  void extraChecksRunAndCanFailTheGate() {
    Gate withSchema = new Gate(List.of(source -> GateCheck.fail("allowlist schema", "1 invalid file",
        List.of("allowlists/dev.yaml: /exceptions/0: owner is required"))));
    GateResult result = withSchema.checkSource(Fixtures.source("v1"));
    assertFalse(result.passed());
    assertTrue(result.describeFailures().contains("allowlist schema: 1 invalid file\n  allowlists/dev.yaml"),
        result.describeFailures());
  }

  @Test
  void longFailureListsAreCut() {
    StringBuilder many = new StringBuilder("package many_test\n\n");
    for (int i = 0; i < 60; i++) {
      many.append("test_").append(i).append(" if { false }\n");
    }
    GateCheck tests = check(gate.checkSource(Fixtures.withFile("v1", "policies/lib/many_test.rego", many.toString())),
        Gate.TESTS);
    assertEquals(51, tests.failures().size());
    assertEquals("... and 10 more", tests.failures().get(50));
  }

  @Test
  void bundleCheckCompilesTheModulesWithTheEnvironmentsData() throws Exception {
    Bundle good = new FixtureBuilder().build(Fixtures.source("v1"), "dev");
    assertTrue(gate.checkBundle("dev", good).passed());

    Bundle bad = Bundle.of(List.of(BundleFile.of("p.rego",
        "package p\n\nx := data.q.r + \"s\"\nallow if { y }\n".getBytes(StandardCharsets.UTF_8))));
    GateResult result = gate.checkBundle("prod", bad);
    assertFalse(result.passed());
    assertEquals("bundle compiles (prod)", result.checks().get(0).name());
  }

  @Test
  void emptySourceHasNoTestsAndPasses() {
    SourceSnapshot empty = SourceSnapshot.of(Map.of("policies/stages.yaml",
        "environments: {}\n".getBytes(StandardCharsets.UTF_8)), "x");
    GateResult result = gate.checkSource(empty);
    assertTrue(result.passed());
    assertEquals("0 passed, 0 failed", check(result, Gate.TESTS).summary());
  }
}
