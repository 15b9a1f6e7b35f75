package io.kubepolicies.server.build;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubepolicies.allowlists.Environment;
import io.kubepolicies.allowlists.document.ConfigException;
import io.kubepolicies.allowlists.document.ConfigProblem;
import io.kubepolicies.allowlists.document.JsonSchemaCheck;
import io.kubepolicies.allowlists.document.SourceDocument;
import io.kubepolicies.allowlists.document.TreePath;
import io.kubepolicies.allowlists.document.YamlDocuments;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The stage table ({@code policies/stages.yaml}): per environment, each policy's validating and
 * mutating mode. Checked against its schema, then against the library's controls: every policy
 * must exist, and a mode may only be set for a kind of control the policy has.
 */
public final class StageTable {
  public static final String FILE = "policies/stages.yaml";

  private static final JsonSchemaCheck SCHEMA = JsonSchemaCheck.fromResource(StageTable.class, "stages.schema.json");

  private final Map<String, Map<String, Stage>> environments;

  private StageTable(Map<String, Map<String, Stage>> environments) {
    this.environments = environments;
  }

  public static StageTable load(Path file, Controls controls) throws ConfigException {
    return check(YamlDocuments.readOne(file), controls);
  }

  /** Checks {@code text} as if read from {@code file}. */
  public static StageTable parse(String file, String text, Controls controls) throws ConfigException {
    return check(YamlDocuments.parseOne(file, text), controls);
  }

  /** The environment's stages by policy id; a policy it does not list is off. */
  public Map<String, Stage> stages(String environment) {
    Map<String, Stage> stages = environments.get(environment);
    if (stages == null) {
      throw new IllegalArgumentException("the stage table has no environment " + environment);
    }
    return stages;
  }

  private static StageTable check(SourceDocument document, Controls controls) throws ConfigException {
    List<ConfigProblem> problems = new ArrayList<>(SCHEMA.check(document));
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    Map<String, Map<String, Stage>> environments = new TreeMap<>();
    document.root().get("environments").properties().forEach(env -> {
      TreePath at = TreePath.of("environments", env.getKey());
      if (Environment.of(env.getKey()).isEmpty()) {
        problems.add(document.problem(at, "unknown environment \"" + env.getKey() + "\" (expected one of "
            + Environment.allIds() + ")"));
        return;
      }
      Map<String, Stage> stages = new TreeMap<>();
      env.getValue().properties().forEach(policy ->
          stages.put(policy.getKey(), stage(document, at.member(policy.getKey()), policy.getKey(), policy.getValue(),
              controls, problems)));
      environments.put(env.getKey(), Map.copyOf(stages));
    });
    if (!problems.isEmpty()) {
      problems.sort(Comparator.comparingInt(ConfigProblem::line));
      throw new ConfigException(problems);
    }
    return new StageTable(Map.copyOf(environments));
  }

  private static Stage stage(SourceDocument document, TreePath at, String id, JsonNode modes, Controls controls,
      List<ConfigProblem> problems) {
    if (controls.kinds(id).isEmpty()) {
      problems.add(document.problem(at, "unknown policy \"" + id + "\""));
    }
    for (ControlKind kind : ControlKind.values()) {
      if (modes.has(kind.modeKey()) && !controls.kinds(id).isEmpty() && !controls.has(id, kind)) {
        problems.add(document.problem(at.member(kind.modeKey()), "policy " + id + " has no " + kind.modeKey()
            + " control (it is " + controls.kinds(id).stream().map(ControlKind::modeKey).sorted()
            .collect(Collectors.joining(" and ")) + " only)"));
      }
    }
    return new Stage(
        Optional.ofNullable(modes.get(ControlKind.VALIDATING.modeKey()))
            .map(node -> ValidatingMode.of(node.textValue())),
        Optional.ofNullable(modes.get(ControlKind.MUTATING.modeKey()))
            .map(node -> MutatingMode.of(node.textValue())));
  }
}
