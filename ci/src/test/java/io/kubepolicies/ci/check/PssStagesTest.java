package io.kubepolicies.ci.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubepolicies.rego.value.Json;
import io.kubepolicies.server.build.BuildException;
import io.kubepolicies.server.build.EnvironmentConfig;
import io.kubepolicies.server.build.PolicyLibrary;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PssStagesTest {
  private static String control(String id, String metadata) {
    return "package kube_policies.policies." + id + "\n\nmetadata := " + metadata + "\n\nviolation contains {} if false\n";
  }

  private static final Map<String, String> LIBRARY = Map.of(
      "policies/lib/a.rego", control("host_ports", "{\"id\": \"host_ports\", \"pss\": \"baseline\"}"),
      "policies/lib/b.rego", control("caps_baseline", "{\"id\": \"caps_baseline\", \"pss\": \"baseline\"}"),
      "policies/lib/c.rego", control("caps_restricted",
          "{\"id\": \"caps_restricted\", \"pss\": \"restricted\", \"overrides\": [\"caps_baseline\"]}"),
      "policies/lib/d.rego", control("run_as_user", "{\"id\": \"run_as_user\", \"pss\": \"restricted\"}"),
      "policies/lib/e.rego", control("readonly_root_fs", "{\"id\": \"readonly_root_fs\", \"pss\": \"none\"}"),
      "policies/lib/f.rego", "package kube_policies.mutations.readonly_root_fs\n\n"
          + "metadata := {\"id\": \"readonly_root_fs\", \"pss\": \"none\"}\n");

  private static String stages(Map<String, String> library, PssLevel level) throws BuildException {
    EnvironmentConfig config = PssStages.config(PolicyLibrary.of(library), level);
    return Json.write(config.toValue());
  }

  @Test
  void baselineDeniesTheBaselineControlsOnly() throws BuildException {
    assertEquals("{\"allowlist\":{},\"breakglass\":{\"groups\":[],\"username_prefixes\":[],\"usernames\":[]},"
        + "\"critical\":{\"namespaces\":[],\"service_accounts\":[],\"workloads\":[]},\"environment\":\"pss-baseline\","
        + "\"stages\":{\"caps_baseline\":{\"validating\":\"deny\"},\"host_ports\":{\"validating\":\"deny\"}}}",
        stages(LIBRARY, PssLevel.BASELINE));
  }

  @Test
  void restrictedAddsItsControlsAndDropsTheBaselineControlsTheyOverride() throws BuildException {
    assertEquals("{\"allowlist\":{},\"breakglass\":{\"groups\":[],\"username_prefixes\":[],\"usernames\":[]},"
        + "\"critical\":{\"namespaces\":[],\"service_accounts\":[],\"workloads\":[]},\"environment\":\"pss-restricted\","
        + "\"stages\":{\"caps_restricted\":{\"validating\":\"deny\"},\"host_ports\":{\"validating\":\"deny\"},"
        + "\"run_as_user\":{\"validating\":\"deny\"}}}", stages(LIBRARY, PssLevel.RESTRICTED));
  }

  @Test
  void rejectsMalformedMetadata() {
    BuildException e = assertThrows(BuildException.class, () -> stages(
        Map.of("policies/lib/a.rego", control("odd", "{\"id\": \"odd\", \"pss\": 1}")), PssLevel.BASELINE));
    assertEquals("policy \"odd\" has malformed metadata: pss must be a string and overrides a list of policy ids",
        e.getMessage());
  }
}
