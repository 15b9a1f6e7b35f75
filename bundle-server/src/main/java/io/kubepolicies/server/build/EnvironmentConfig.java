package io.kubepolicies.server.build;

import io.kubepolicies.allowlists.Allowlist;
import io.kubepolicies.allowlists.AllowlistData;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import java.util.Map;
import java.util.TreeMap;

/** What one environment's bundle configures: its name, each policy's stage and its allowlist. */
public record EnvironmentConfig(String environment, Map<String, Stage> stages, Allowlist allowlist) {
  public EnvironmentConfig {
    stages = Map.copyOf(stages);
  }

  /** {@code data.kube_policies.config} exactly as CONTRACT.md lays it out. */
  public ObjectValue toValue() {
    ObjectValue.Builder stageTable = ObjectValue.builder();
    new TreeMap<>(stages).forEach((id, stage) -> stageTable.put(id, stage.toValue()));
    return ObjectValue.builder()
        .put("environment", StringValue.of(environment))
        .put("stages", stageTable.build())
        .put("allowlist", AllowlistData.exceptions(allowlist))
        .put("breakglass", AllowlistData.breakglass(allowlist))
        .put("critical", AllowlistData.critical(allowlist))
        .build();
  }
}
