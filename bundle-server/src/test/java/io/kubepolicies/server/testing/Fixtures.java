package io.kubepolicies.server.testing;

import io.kubepolicies.server.source.SourceSnapshot;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small policy library (one control, its tests, a stage table, allowlists) and variants of it. */
public final class Fixtures {
  public static final String POLICY = """
      package kube_policies.policies.privileged

      violation contains {"message": msg, "container": c.name} if {
        some c in input.request.object.spec.containers
        c.securityContext.privileged == true
        msg := sprintf("privileged: container %s is privileged", [c.name])
      }
      """;

  public static final String POLICY_TEST = """
      package kube_policies.policies.privileged_test

      import data.kube_policies.policies.privileged

      pod(flag) := {"request": {"object": {"spec": {"containers": [{"name": "app", "securityContext": {"privileged": flag}}]}}}}

      test_privileged_container_is_a_violation if {
        count(privileged.violation) == 1 with input as pod(true)
      }

      test_unprivileged_container_passes if {
        count(privileged.violation) == 0 with input as pod(false)
      }
      """;

  public static final String FAILING_TEST = """
      package kube_policies.policies.privileged_broken_test

      import data.kube_policies.policies.privileged

      test_expects_the_impossible if {
        count(privileged.violation) == 5 with input as {"request": {"object": {"spec": {"containers": []}}}}
      }
      """;

  public static final String ENTRYPOINT = """
      package validating

      deny contains {"policy": "privileged", "message": v.message} if {
        data.kube_policies.config.stages.privileged.validating == "deny"
        some v in data.kube_policies.policies.privileged.violation
      }
      """;

  public static final String STAGES = """
      environments:
        dev: {privileged: {validating: monitor}}
        staging: {privileged: {validating: warn}}
        prod: {privileged: {validating: deny}}
      """;

  private Fixtures() {}

  /** The library; {@code variant} goes into a comment, so each variant is a distinct revision. */
  public static Map<String, byte[]> files(String variant) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    put(files, "policies/lib/privileged.rego", POLICY + "\n# " + variant + "\n");
    put(files, "policies/lib/privileged_test.rego", POLICY_TEST);
    put(files, "policies/lib/validating.rego", ENTRYPOINT);
    put(files, "policies/stages.yaml", STAGES);
    for (String env : new String[] {"dev", "staging", "prod"}) {
      put(files, "allowlists/" + env + ".yaml", "environment: " + env + "\nexceptions: []\n");
    }
    return files;
  }

  public static SourceSnapshot source(String variant) {
    return SourceSnapshot.of(files(variant), "test");
  }

  public static SourceSnapshot withFile(String variant, String path, String content) {
    Map<String, byte[]> files = files(variant);
    put(files, path, content);
    return SourceSnapshot.of(files, "test");
  }

  private static void put(Map<String, byte[]> files, String path, String content) {
    files.put(path, content.getBytes(StandardCharsets.UTF_8));
  }
}
