package io.kubepolicies.ci.check;

import io.kubepolicies.allowlists.Allowlist;
import io.kubepolicies.rego.Policy;
import io.kubepolicies.rego.eval.EvalOptions;
import io.kubepolicies.rego.eval.QueryResult;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import io.kubepolicies.server.build.BuildException;
import io.kubepolicies.server.build.EnvironmentConfig;
import io.kubepolicies.server.build.PolicyLibrary;
import io.kubepolicies.server.build.Stage;
import io.kubepolicies.server.build.ValidatingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The configuration that makes the library behave like Pod Security Admission enforcing one level:
 * the validating controls whose {@code metadata.pss} belongs to the level deny, except those a
 * control of the level overrides ({@code metadata.overrides}, as Restricted checks replace their
 * Baseline counterparts in Pod Security Admission); everything else is off, nothing is allowlisted.
 */
final class PssStages {
  private static final String CONTROLS_QUERY = "controls := {id: [m.pss, object.get(m, \"overrides\", [])] |"
      + " m := data.kube_policies.policies[id].metadata}";

  private PssStages() {}

  /** One validating control as its metadata describes it. */
  private record Control(String level, List<String> overrides) {}

  static EnvironmentConfig config(PolicyLibrary library, PssLevel level) throws BuildException {
    Map<String, Control> controls = controls(library.compile(ObjectValue.EMPTY));
    Set<String> overridden = new HashSet<>();
    controls.values().stream().filter(control -> level.includes(control.level()))
        .forEach(control -> overridden.addAll(control.overrides()));
    Map<String, Stage> stages = new TreeMap<>();
    controls.forEach((id, control) -> {
      if (level.includes(control.level()) && !overridden.contains(id)) {
        stages.put(id, Stage.validating(ValidatingMode.DENY));
      }
    });
    String environment = "pss-" + level.id();
    return new EnvironmentConfig(environment, stages, Allowlist.empty(environment));
  }

  private static Map<String, Control> controls(Policy policy) throws BuildException {
    QueryResult result = policy.prepare(CONTROLS_QUERY).eval(EvalOptions.of(null));
    Map<String, Control> controls = new TreeMap<>();
    if (result.rows().isEmpty() || !(result.rows().get(0).bindings().get("controls") instanceof ObjectValue found)) {
      return controls;
    }
    for (Map.Entry<Value, Value> entry : found.entries()) {
      ArrayValue fields = (ArrayValue) entry.getValue();
      if (!(entry.getKey() instanceof StringValue id) || !(fields.elements().get(0) instanceof StringValue level)
          || !(fields.elements().get(1) instanceof ArrayValue overrides)
          || !overrides.elements().stream().allMatch(StringValue.class::isInstance)) {
        throw new BuildException("policy " + entry.getKey() + " has malformed metadata: pss must be a string and "
            + "overrides a list of policy ids");
      }
      controls.put(id.value(), new Control(level.value(),
          overrides.elements().stream().map(v -> ((StringValue) v).value()).toList()));
    }
    return controls;
  }
}
