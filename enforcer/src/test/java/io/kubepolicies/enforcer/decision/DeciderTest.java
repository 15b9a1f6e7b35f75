package io.kubepolicies.enforcer.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubepolicies.rego.RegoException;
import io.kubepolicies.rego.ast.Module;
import io.kubepolicies.rego.ast.RegoVersion;
import io.kubepolicies.rego.syntax.Parser;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.ObjectValue;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeciderTest {
  private static final String VALIDATING = """
      package validating
      deny contains {"policy": "no_latest", "message": sprintf("image %s uses latest", [c.image])} if {
        some c in input.request.object.spec.containers
        endswith(c.image, ":latest")
      }
      warn contains {"policy": "has_owner", "message": "no owner label"} if {
        input.request.kind.kind == "Pod"
        not input.request.object.metadata.labels.owner
      }
      monitor contains {"policy": "host_network", "message": "uses the host network"} if {
        input.request.object.spec.hostNetwork
      }
      deny contains {"policy": "broken", "message": x} if {
        input.request.object.metadata.labels.explode
        x := 1 / 0
      }
      """;
  private static final String MUTATING = """
      package mutating
      patch contains {"policy": "ro_root", "op": "add", "path": sprintf("/spec/containers/%d/securityContext", [i]),
          "value": {"readOnlyRootFilesystem": true}} if {
        some i, c in input.request.object.spec.containers
        not c.securityContext
      }
      dryrun contains {"policy": "seccomp", "op": "add", "path": "/spec/securityContext",
          "value": {"seccompProfile": {"type": "RuntimeDefault"}}} if {
        not input.request.object.spec.securityContext
      }
      """;
  private static final String CONFIG = """
      {"kube_policies": {"config": {
        "breakglass": {"groups": ["sre"], "usernames": ["alice"], "username_prefixes": ["oidc:oncall-"]},
        "critical": {"namespaces": ["kube-system"], "service_accounts": ["infra/cni"], "workloads": ["infra/DaemonSet/agent"]}
      }}}""";

  private static Decider decider() {
    List<Module> modules = List.of(
        Parser.parseModule("validating.rego", VALIDATING, RegoVersion.V1),
        Parser.parseModule("mutating.rego", MUTATING, RegoVersion.V1));
    return Decider.compile(modules, (ObjectValue) Json.parse(CONFIG));
  }

  private static AdmissionReview review(String namespace, String user, String groups, String pod) throws Exception {
    return AdmissionReview.parse(("""
        {"apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview", "request": {
          "uid": "u-1", "kind": {"group": "", "version": "v1", "kind": "Pod"}, "operation": "CREATE",
          "namespace": "%s", "name": "web", "userInfo": {"username": "%s", "groups": %s},
          "object": %s}}""").formatted(namespace, user, groups, pod).getBytes(StandardCharsets.UTF_8));
  }

  private static AdmissionReview pod(String pod) throws Exception {
    return review("apps", "bob", "[\"dev\"]", pod);
  }

  private static Decision validate(AdmissionReview r) {
    return decider().decide(r, Webhook.VALIDATING, FailureMode.CLOSED, 0);
  }

  @Test
  void deniesWithStatusAndAnnotations() throws Exception {
    Decision d = validate(pod("""
        {"metadata": {"labels": {"owner": "x"}}, "spec": {"containers": [{"name": "a", "image": "nginx:latest"}]}}"""));
    assertFalse(d.allowed());
    assertEquals(Decision.Outcome.EVALUATED, d.outcome());
    assertEquals(List.of(new Finding("no_latest", "image nginx:latest uses latest")), d.denied());
    assertEquals("no_latest: image nginx:latest uses latest", d.auditAnnotations().get("denied"));
    ObjectValue response = (ObjectValue) AdmissionResponses.render(d).get("response");
    assertEquals(Json.parse("{\"code\": 403, \"reason\": \"Forbidden\", "
        + "\"message\": \"denied by kube-policies: no_latest: image nginx:latest uses latest\"}"), response.get("status"));
    assertEquals(Json.parse("\"u-1\""), response.get("uid"));
  }

  @Test
  void warnsAndMonitorsWithoutDenying() throws Exception {
    Decision d = validate(pod("{\"spec\": {\"hostNetwork\": true, \"containers\": [{\"name\": \"a\", \"image\": \"nginx:1\"}]}}"));
    assertTrue(d.allowed());
    assertEquals(List.of("has_owner: no owner label"), d.warnings());
    Map<String, String> a = d.auditAnnotations();
    assertEquals("has_owner: no owner label", a.get("warned"));
    assertEquals("host_network: uses the host network", a.get("monitored"));
    assertEquals("has_owner: no owner label, host_network: uses the host network", a.get("all_rules"));
    ObjectValue response = (ObjectValue) AdmissionResponses.render(d).get("response");
    assertEquals(Json.parse("[\"has_owner: no owner label\"]"), response.get("warnings"));
  }

  @Test
  void defaultAllowWhenNoPolicyFires() throws Exception {
    Decision d = validate(pod("{\"metadata\": {\"labels\": {\"owner\": \"x\"}}, \"spec\": {\"containers\": []}}"));
    assertTrue(d.allowed());
    assertEquals(Decision.Outcome.DEFAULT_ALLOW, d.outcome());
    assertEquals(Map.of("default-allow", "request triggers no policy"), d.auditAnnotations());
  }

  @Test
  void patchesAndDryRunsMutations() throws Exception {
    Decision d = decider().decide(pod("{\"spec\": {\"containers\": [{\"name\": \"a\"}, {\"name\": \"b\"}]}}"),
        Webhook.MUTATING, FailureMode.CLOSED, 0);
    assertTrue(d.allowed());
    ObjectValue response = (ObjectValue) AdmissionResponses.render(d).get("response");
    assertEquals(Json.parse("\"JSONPatch\""), response.get("patchType"));
    String patch = new String(Base64.getDecoder().decode(((io.kubepolicies.rego.value.StringValue) response.get("patch")).value()),
        StandardCharsets.UTF_8);
    assertEquals(Json.parse("""
        [{"op": "add", "path": "/spec/containers/0/securityContext", "value": {"readOnlyRootFilesystem": true}},
         {"op": "add", "path": "/spec/containers/1/securityContext", "value": {"readOnlyRootFilesystem": true}}]"""),
        Json.parse(patch));
    assertEquals(Json.parse("""
        [{"op": "add", "path": "/spec/securityContext", "value": {"seccompProfile": {"type": "RuntimeDefault"}}}]"""),
        Json.parse(d.auditAnnotations().get("dryrun_patch")));
  }

  @Test
  void listsEachFiredRuleOncePerModeAndOnceOverall() throws Exception {
    Decision validation = validate(pod("""
        {"spec": {"hostNetwork": true,
          "containers": [{"name": "a", "image": "a:latest"}, {"name": "b", "image": "b:latest"}]}}"""));
    assertEquals(Map.of("deny", List.of("no_latest"), "warn", List.of("has_owner"), "monitor", List.of("host_network")),
        validation.rulesByMode());
    assertEquals(List.of("no_latest", "has_owner", "host_network"), validation.rules());
    Decision mutation = decider().decide(pod("{\"spec\": {\"containers\": [{\"name\": \"a\"}, {\"name\": \"b\"}]}}"),
        Webhook.MUTATING, FailureMode.CLOSED, 0);
    assertEquals(Map.of("patch", List.of("ro_root"), "dryrun", List.of("seccomp")), mutation.rulesByMode());
    assertEquals(List.of("ro_root", "seccomp"), mutation.rules());
    Decision quiet = validate(pod("{\"metadata\": {\"labels\": {\"owner\": \"x\"}}, \"spec\": {\"containers\": []}}"));
    assertEquals(Map.of(), quiet.rulesByMode());
    assertEquals(List.of(), quiet.rules());
  }

  @Test
  void criticalWorkloadsAreNeverDeniedNorMutated() throws Exception {
    String bad = "{\"spec\": {\"containers\": [{\"name\": \"a\", \"image\": \"x:latest\"}]}}";
    Decision byNamespace = validate(review("kube-system", "bob", "[]", bad));
    assertTrue(byNamespace.allowed());
    assertEquals("namespace", byNamespace.auditAnnotations().get("critical"));
    Decision bySa = validate(review("infra", "bob", "[]",
        "{\"spec\": {\"serviceAccountName\": \"cni\", \"containers\": [{\"name\": \"a\", \"image\": \"x:latest\"}]}}"));
    assertEquals(Decision.Outcome.CRITICAL, bySa.outcome());
    Decision byRequester = validate(review("apps", "system:serviceaccount:infra:cni", "[]", bad));
    assertEquals("service_account", byRequester.auditAnnotations().get("critical"));
    assertFalse(validate(review("apps", "system:serviceaccount:apps:cni", "[]", bad)).allowed());
    Decision byOwner = validate(review("infra", "bob", "[]", """
        {"metadata": {"ownerReferences": [{"kind": "DaemonSet", "name": "agent"}]},
         "spec": {"containers": [{"name": "a", "image": "x:latest"}]}}"""));
    assertEquals("workload", byOwner.auditAnnotations().get("critical"));
    Decision mutated = decider().decide(review("kube-system", "bob", "[]", bad), Webhook.MUTATING, FailureMode.CLOSED, 0);
    assertTrue(mutated.patch().isEmpty());
  }

  @Test
  void breakglassBypassesAndNamesTheMatchedIdentity() throws Exception {
    String bad = "{\"spec\": {\"containers\": [{\"name\": \"a\", \"image\": \"x:latest\"}]}}";
    Decision d = validate(review("apps", "alice", "[\"sre\"]", bad));
    assertTrue(d.allowed());
    assertEquals("group,username", d.auditAnnotations().get("breakglass_authorized"));
    assertEquals("username_prefix",
        validate(review("apps", "oidc:oncall-bob", "[]", bad)).auditAnnotations().get("breakglass_authorized"));
    assertFalse(validate(review("apps", "oidc:dev-bob", "[]", bad)).allowed());
  }

  @Test
  void evaluationErrorsFailClosedOrOpen() throws Exception {
    AdmissionReview r = pod("{\"metadata\": {\"labels\": {\"explode\": true, \"owner\": \"x\"}}, \"spec\": {}}");
    Decision closed = decider().decide(r, Webhook.VALIDATING, FailureMode.CLOSED, 0);
    assertFalse(closed.allowed());
    assertTrue(closed.auditAnnotations().get("failing-closed").contains("divide by zero"), closed.auditAnnotations().toString());
    Decision open = decider().decide(r, Webhook.VALIDATING, FailureMode.OPEN, 0);
    assertTrue(open.allowed());
    assertTrue(open.auditAnnotations().containsKey("failing-open"));
  }

  @Test
  void passedDeadlineFailsByMode() throws Exception {
    AdmissionReview r = pod("{\"spec\": {\"containers\": [{\"name\": \"a\", \"image\": \"nginx:latest\"}]}}");
    Decision d = decider().decide(r, Webhook.VALIDATING, FailureMode.OPEN, System.nanoTime() - 1);
    assertTrue(d.allowed());
    assertTrue(d.auditAnnotations().get("failing-open").contains("eval_cancel_error"), d.auditAnnotations().toString());
  }

  @Test
  void rejectsMalformedReviewsWithTheReason() {
    assertEquals("request body is not valid JSON",
        assertThrows(MalformedReviewException.class, () -> AdmissionReview.parse("{".getBytes(StandardCharsets.UTF_8)))
            .getMessage().substring(0, 30));
    assertEquals("apiVersion must be admission.k8s.io/v1, got admission.k8s.io/v1beta1",
        assertThrows(MalformedReviewException.class, () -> AdmissionReview.parse(
            "{\"apiVersion\": \"admission.k8s.io/v1beta1\", \"kind\": \"AdmissionReview\"}".getBytes(StandardCharsets.UTF_8)))
            .getMessage());
    assertEquals("kind must be AdmissionReview, got Pod", assertThrows(MalformedReviewException.class, () ->
        AdmissionReview.parse("{\"apiVersion\": \"admission.k8s.io/v1\", \"kind\": \"Pod\"}".getBytes(StandardCharsets.UTF_8)))
        .getMessage());
    assertEquals("AdmissionReview request has no uid", assertThrows(MalformedReviewException.class, () ->
        AdmissionReview.parse("{\"apiVersion\": \"admission.k8s.io/v1\", \"kind\": \"AdmissionReview\", \"request\": {}}"
            .getBytes(StandardCharsets.UTF_8))).getMessage());
    assertEquals("an AdmissionReview must be a JSON object, not array", assertThrows(MalformedReviewException.class,
        () -> AdmissionReview.parse("[]".getBytes(StandardCharsets.UTF_8))).getMessage());
  }

  @Test
  void policiesThatDoNotCompileAreRejected() {
    assertThrows(RegoException.class, () -> Decider.compile(
        List.of(Parser.parseModule("v.rego", "package validating\ndeny contains x if { y > 1 }\n", RegoVersion.V1)),
        ObjectValue.EMPTY));
  }
}
