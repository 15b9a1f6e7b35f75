package io.kubepolicies.policies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubepolicies.rego.Policy;
import io.kubepolicies.rego.builtins.Builtins;
import io.kubepolicies.rego.eval.EvalOptions;
import io.kubepolicies.rego.eval.QueryResult;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.Value;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The manifests under examples/ (used by the CLI, the enforcer and their tests) are what their
 * comments say, judged by the library with the prod stage table and strict built-in errors.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExamplesTest {
  private static final String FAILING_CONTROLS =
      "{id | some id; count(data.kube_policies.policies[id].violation) > 0}";
  private static final String CONTROLS_AT_LEVEL =
      "{id | some id, control in data.kube_policies.policies; control.metadata.pss in %s}";

  private Policy policy;

  @BeforeAll
  void compileWithProdStages() throws IOException {
    ObjectNode data = (ObjectNode) Library.yaml(Library.STAGES);
    ObjectNode config = data.putObject("kube_policies").putObject("config");
    config.put("environment", "prod");
    config.set("stages", data.path("environments").path("prod"));
    config.putObject("allowlist");
    policy = Policy.compile(Library.modules(), (ObjectValue) Json.fromNode(data), Builtins.standard());
  }

  @Test
  void compliantPodPassesEveryControl() throws IOException {
    assertEquals(Set.of(), strings(eval(FAILING_CONTROLS, pod("pod-restricted-compliant.yaml"))));
  }

  @Test
  void minimalRestrictedPodPassesEveryPssControlAndOnlyTheReadOnlyRootControlFindsIt() throws IOException {
    Value review = pod("pod-restricted-minimal.yaml");
    assertEquals(Set.of("readonly_root_fs"), strings(eval(FAILING_CONTROLS, review)));
  }

  @Test
  void violatingPodFailsEveryControl() throws IOException {
    Set<String> all = strings(eval(String.format(CONTROLS_AT_LEVEL, "{\"baseline\", \"restricted\", \"none\"}"), null));
    assertEquals(25, all.size());
    assertEquals(all, strings(eval(FAILING_CONTROLS, pod("pod-violating-all-policies.yaml"))));
  }

  @Test
  void admissionReviewWrapsTheViolatingPod() throws IOException {
    JsonNode review = new ObjectMapper().readTree(Library.EXAMPLES.resolve("admission-review-pod.json").toFile());
    assertEquals(Library.yaml(Library.EXAMPLES.resolve("pod-violating-all-policies.yaml")), review.path("request").path("object"));
    assertEquals(strings(eval(FAILING_CONTROLS, pod("pod-violating-all-policies.yaml"))),
        strings(eval(FAILING_CONTROLS, Json.fromNode(review))));
  }

  @Test
  void prodPatchTurnsTheMutablePodIntoOneProdAllows() throws IOException {
    Value review = pod("pod-fixed-by-mutations.yaml");
    Set<String> deniedBefore = strings(eval("{f.policy | some f in data.validating.deny}", review));
    assertEquals(Set.of("readonly_root_fs", "deny_privilege_escalation", "drop_all_capabilities", "seccomp_baseline"), deniedBefore);

    QueryResult result = policy.prepare(
            "patched := json.patch(input.request.object, [object.remove(op, [\"policy\"]) | some op in data.mutating.patch]);"
                + " denied := data.validating.deny with input.request.object as patched")
        .eval(EvalOptions.of(review).withStrictBuiltinErrors(true));
    assertNull(result.error());
    assertEquals(1, result.rows().size(), "the patch must apply");
    assertEquals(Set.of(), strings(result.rows().get(0).bindings().get("denied")));
  }

  @Test
  void entrypointsRaiseNoBuiltinErrorsOnExamplesOrMalformedInput() throws IOException {
    List<Value> inputs = List.of(
        pod("pod-restricted-compliant.yaml"),
        pod("pod-restricted-minimal.yaml"),
        pod("pod-violating-all-policies.yaml"),
        pod("pod-fixed-by-mutations.yaml"),
        Json.parse("\"AdmissionReview\""),
        Json.parse("{\"request\": {\"kind\": {\"kind\": \"Pod\"}, \"object\": {\"spec\": {\"containers\": [1, null, {\"securityContext\": \"x\", \"ports\": \"x\"}],"
            + " \"securityContext\": {\"sysctls\": [1], \"seccompProfile\": \"x\", \"seLinuxOptions\": {\"type\": 1}}, \"volumes\": [1, {\"nfs\": {}}]}}}}"));
    for (Value input : inputs) {
      for (String query : List.of("data.validating", "data.mutating")) {
        QueryResult result = policy.prepare(query).eval(EvalOptions.of(input).withStrictBuiltinErrors(true));
        assertNull(result.error(), () -> query + " on " + Json.write(input));
        assertFalse(result.isUndefined(), query);
      }
    }
  }

  private Value eval(String query, Value input) {
    QueryResult result = policy.prepare(query).eval(EvalOptions.of(input).withStrictBuiltinErrors(true));
    assertNull(result.error(), query);
    assertTrue(result.rows().size() == 1, query + " must have one result");
    return result.rows().get(0).expressions().get(0);
  }

  /** An AdmissionReview creating the manifest, as the API server sends it. */
  private static Value pod(String example) throws IOException {
    JsonNode object = Library.yaml(Library.EXAMPLES.resolve(example));
    ObjectNode review = JsonNodeFactory.instance.objectNode();
    review.put("apiVersion", "admission.k8s.io/v1").put("kind", "AdmissionReview");
    ObjectNode request = review.putObject("request");
    request.putObject("kind").put("group", "").put("version", "v1").put("kind", object.path("kind").asText());
    request.put("operation", "CREATE");
    request.put("namespace", object.path("metadata").path("namespace").asText());
    request.put("name", object.path("metadata").path("name").asText());
    request.set("object", object);
    return Json.fromNode(review);
  }

  private static Set<String> strings(Value set) {
    Set<String> result = new TreeSet<>();
    Json.toNode(set).forEach(node -> result.add(node.asText()));
    return result;
  }
}
