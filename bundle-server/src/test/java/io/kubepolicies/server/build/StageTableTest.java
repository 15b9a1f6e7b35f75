package io.kubepolicies.server.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubepolicies.allowlists.document.ConfigException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StageTableTest {
  /** privileged validates; readonly_root_fs validates and mutates; run_as_non_root only mutates. */
  private static final Controls CONTROLS = Controls.of(List.of(
      List.of("kube_policies", "policies", "privileged"),
      List.of("kube_policies", "policies", "readonly_root_fs"),
      List.of("kube_policies", "mutations", "readonly_root_fs"),
      List.of("kube_policies", "mutations", "run_as_non_root"),
      List.of("kube_policies", "lib", "workload"),
      List.of("validating")));

  private static final String VALID = """
      environments:
        dev:
          privileged: {validating: monitor}
          readonly_root_fs: {validating: warn, mutating: dryrun}
        staging:
          readonly_root_fs: {validating: deny, mutating: patch}
        prod:
          privileged: {validating: deny}
          run_as_non_root: {mutating: patch}
      """;

  private static String rejected(String text) {
    return assertThrows(ConfigException.class, () -> StageTable.parse("policies/stages.yaml", text, CONTROLS))
        .getMessage();
  }

  @Test
  void readsEachEnvironmentsStages() throws ConfigException {
    StageTable table = StageTable.parse("policies/stages.yaml", VALID, CONTROLS);
    assertEquals(Map.of(
            "privileged", Stage.validating(ValidatingMode.MONITOR),
            "readonly_root_fs", new Stage(Optional.of(ValidatingMode.WARN), Optional.of(MutatingMode.DRYRUN))),
        table.stages("dev"));
    assertEquals(Map.of("readonly_root_fs", new Stage(Optional.of(ValidatingMode.DENY), Optional.of(MutatingMode.PATCH))),
        table.stages("staging"));
    assertEquals(Map.of("privileged", Stage.validating(ValidatingMode.DENY),
        "run_as_non_root", Stage.mutating(MutatingMode.PATCH)), table.stages("prod"));
  }

  @Test
  void knowsTheControlsOfALibrary() {
    assertEquals(java.util.Set.of("privileged", "readonly_root_fs", "run_as_non_root"), CONTROLS.ids());
  }

  @Test
  void acceptsAnEmptyEnvironment() throws ConfigException {
    StageTable table = StageTable.parse("s.yaml", "environments: {dev: {}, staging: {}, prod: {}}\n", CONTROLS);
    assertEquals(Map.of(), table.stages("prod"));
  }

  @Test
  void requiresEveryEnvironment() {
    assertEquals("policies/stages.yaml:2: $.environments: missing environment \"prod\": every environment needs a table "
        + "(an empty one turns every policy off)", rejected(VALID.replaceAll("(?s)  prod:.*", "")));
  }

  @Test
  void rejectsUnknownEnvironments() {
    assertEquals("policies/stages.yaml:11: $.environments.qa: unknown environment \"qa\" (expected one of dev, staging, prod)",
        rejected(VALID + "  qa:\n    privileged: {validating: deny}\n"));
  }

  @Test
  void rejectsUnknownPolicies() {
    assertEquals("policies/stages.yaml:3: $.environments.dev.privilegd: unknown policy \"privilegd\"",
        rejected(VALID.replace("privileged: {validating: monitor}", "privilegd: {validating: monitor}")));
  }

  @Test
  void rejectsAMutatingModeForAValidatingControl() {
    assertEquals("policies/stages.yaml:8: $.environments.prod.privileged.mutating: policy privileged has no mutating "
            + "control (it is validating only)",
        rejected(VALID.replace("privileged: {validating: deny}", "privileged: {validating: deny, mutating: patch}")));
  }

  @Test
  void rejectsAValidatingModeForAMutationControl() {
    assertEquals("policies/stages.yaml:9: $.environments.prod.run_as_non_root.validating: policy run_as_non_root has no "
            + "validating control (it is mutating only)",
        rejected(VALID.replace("run_as_non_root: {mutating: patch}", "run_as_non_root: {validating: warn}")));
  }

  @Test
  void rejectsAModeOfTheOtherKind() {
    assertEquals("policies/stages.yaml:3: $.environments.dev.privileged.validating: must be one of off, monitor, warn, deny",
        rejected(VALID.replace("{validating: monitor}", "{validating: patch}")));
  }

  @Test
  void explainsAnUnquotedOff() {
    assertEquals("policies/stages.yaml:4: $.environments.dev.readonly_root_fs.mutating: must be one of off, dryrun, patch "
            + "(YAML reads the unquoted off as a boolean; write \"off\" in quotes)",
        rejected(VALID.replace("mutating: dryrun", "mutating: off")));
  }

  @Test
  void acceptsAQuotedOff() throws ConfigException {
    StageTable table = StageTable.parse("s.yaml", VALID.replace("mutating: dryrun", "mutating: \"off\""), CONTROLS);
    assertEquals(Optional.of(MutatingMode.OFF), table.stages("dev").get("readonly_root_fs").mutating());
  }

  @Test
  void rejectsAStageWithoutModes() {
    assertEquals("policies/stages.yaml:3: $.environments.dev.privileged: must set a validating or a mutating mode",
        rejected(VALID.replace("{validating: monitor}", "{}")));
  }

  @Test
  void rejectsUnknownModeKeys() {
    assertEquals("policies/stages.yaml:3: $.environments.dev.privileged.validation: unknown field \"validation\"",
        rejected(VALID.replace("{validating: monitor}", "{validation: monitor}")));
  }

  @Test
  void rejectsAnEnvironmentThatIsNotATable() {
    assertEquals("policies/stages.yaml:5: $.environments.staging: null found, object expected",
        rejected(VALID.replace("  staging:\n    readonly_root_fs: {validating: deny, mutating: patch}\n", "  staging:\n")));
  }

  @Test
  void reportsEveryProblemInLineOrder() {
    String broken = VALID.replace("privileged: {validating: monitor}", "nope: {validating: monitor}")
        .replace("run_as_non_root: {mutating: patch}", "run_as_non_root: {validating: warn}");
    assertEquals("policies/stages.yaml:3: $.environments.dev.nope: unknown policy \"nope\"\n"
        + "policies/stages.yaml:9: $.environments.prod.run_as_non_root.validating: policy run_as_non_root has no "
        + "validating control (it is mutating only)", rejected(broken));
  }

  @Test
  void rejectsMalformedYaml() {
    assertEquals("policies/stages.yaml:3: invalid YAML: while parsing a flow mapping: expected ',' or '}', but got "
        + "<scalar> (column 3)", rejected("environments:\n  dev: {privileged: {validating: deny}\n  prod: {}\n"));
  }
}
