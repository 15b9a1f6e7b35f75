package io.kubepolicies.ci.check;

import io.kubepolicies.allowlists.Allowlist;
import io.kubepolicies.rego.Policy;
import io.kubepolicies.rego.eval.EvalOptions;
import io.kubepolicies.rego.eval.QueryResult;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import io.kubepolicies.server.build.BuildException;
import io.kubepolicies.server.build.EnvironmentConfig;
import io.kubepolicies.server.build.PolicyLibrary;
import io.kubepolicies.server.build.Stage;
import io.kubepolicies.server.build.ValidatingMode;
import java.util.Map;
import java.util.TreeMap;

/**
 * The configuration that makes the library behave like Pod Security Admission at one level: the
 * validating controls whose {@code metadata.pss} belongs to the level deny, everything else is off,
 * and nothing is allowlisted.
 */
final class PssStages {
  private static final String LEVELS_QUERY =
      "levels := {id: level | level := data.kube_policies.policies[id].metadata.pss}";

  private PssStages() {}

  static EnvironmentConfig config(PolicyLibrary library, PssLevel level) throws BuildException {
    Map<String, Stage> stages = new TreeMap<>();
    levels(library.compile(ObjectValue.EMPTY)).forEach((id, controlLevel) -> {
      if (level.includes(controlLevel)) {
        stages.put(id, Stage.validating(ValidatingMode.DENY));
      }
    });
    String environment = "pss-" + level.id();
    return new EnvironmentConfig(environment, stages, Allowlist.empty(environment));
  }

  /** Each validating control's PSS level, read through the policies' own metadata. */
  private static Map<String, String> levels(Policy policy) throws BuildException {
    QueryResult result = policy.prepare(LEVELS_QUERY).eval(EvalOptions.of(null));
    Map<String, String> levels = new TreeMap<>();
    if (result.rows().isEmpty() || !(result.rows().get(0).bindings().get("levels") instanceof ObjectValue found)) {
      return levels;
    }
    for (Map.Entry<Value, Value> entry : found.entries()) {
      if (!(entry.getKey() instanceof StringValue id) || !(entry.getValue() instanceof StringValue controlLevel)) {
        throw new BuildException("policy " + entry.getKey() + " has a metadata.pss that is not a string: "
            + entry.getValue());
      }
      levels.put(id.value(), controlLevel.value());
    }
    return levels;
  }
}
