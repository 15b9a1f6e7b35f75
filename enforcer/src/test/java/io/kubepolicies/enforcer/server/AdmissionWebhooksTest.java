package io.kubepolicies.enforcer.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubepolicies.enforcer.Enforcer;
import io.kubepolicies.enforcer.config.AdmissionConfig;
import io.kubepolicies.enforcer.config.DecisionLogConfig;
import io.kubepolicies.enforcer.config.EnforcerConfig;
import io.kubepolicies.enforcer.decision.FailureMode;
import io.kubepolicies.enforcer.testing.Reviews;
import io.kubepolicies.enforcer.testing.TestBundles;
import io.kubepolicies.enforcer.testing.TestEnforcers;
import io.kubepolicies.enforcer.testing.TestPki;
import io.kubepolicies.enforcer.testing.TestStore;
import io.kubepolicies.enforcer.testing.Waits;
import io.kubepolicies.enforcer.testing.WebhookClient;
import io.kubepolicies.enforcer.testing.WebhookClient.Reply;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The webhooks end to end: a signed bundle in an S3-compatible store, the enforcer on HTTPS, and real
 * AdmissionReview JSON over a real HTTPS client. One enforcer fails closed (and logs decisions to a
 * file), one fails open with a short deadline, one has no bundle at all.
 */
class AdmissionWebhooksTest {
  private static final String OWNED = "{\"owner\": \"team-a\"}";
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir
  static Path dir;

  private static TestStore store;
  private static Enforcer closed;
  private static Enforcer open;
  private static Enforcer empty;
  private static WebhookClient client;
  private static WebhookClient openClient;
  private static WebhookClient emptyClient;
  private static Path decisionLog;

  @BeforeAll
  static void start() throws Exception {
    TestPki pki = new TestPki();
    TestBundles bundles = new TestBundles();
    store = new TestStore(Files.createDirectories(dir.resolve("s3")));
    store.publish("dev", 1, "rev-1", "bundles/dev/1.tar.gz", bundles.build("dev", 1, "rev-1"));
    decisionLog = dir.resolve("decisions.jsonl");
    EnforcerConfig base = TestEnforcers.config(dir.resolve("closed"), pki, bundles, store, Duration.ofMillis(200));
    closed = Enforcer.start(base.withDecisionLog(new DecisionLogConfig(DecisionLogConfig.Mode.FILE, Optional.of(decisionLog)))
        .withAdmission(AdmissionConfig.DEFAULT.withMaxRequestBytes(64 * 1024)));
    open = Enforcer.start(TestEnforcers.config(dir.resolve("open"), pki, bundles, store, Duration.ofMillis(200))
        .withAdmission(AdmissionConfig.DEFAULT.withFailureMode(FailureMode.OPEN).withDeadline(Duration.ofMillis(200))));
    EnforcerConfig noBundle = TestEnforcers.config(dir.resolve("empty"), pki, bundles, store, Duration.ofMillis(200));
    empty = Enforcer.start(noBundle.withBundles(noBundle.bundles().withEnvironment("qa")));
    client = new WebhookClient(pki.clientContext(), closed.port());
    openClient = new WebhookClient(pki.clientContext(), open.port());
    emptyClient = new WebhookClient(pki.clientContext(), empty.port());
    Waits.until("both enforcers are ready", WAIT, () -> closed.ready() && open.ready());
  }

  @AfterAll
  static void stop() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {closed, open, empty, store}) {
      if (c != null) {
        c.close();
      }
    }
  }

  @Test
  void deniesWithStatus403AndDeniedAnnotation() throws Exception {
    Reply r = client.validate(Reviews.pod("uid-deny", "apps", OWNED, Reviews.LATEST_SPEC));
    assertEquals(200, r.status());
    assertEquals(Json.parse("""
        {"uid": "uid-deny", "allowed": false,
         "status": {"code": 403, "reason": "Forbidden", "message":
           "denied by kube-policies: no_latest: Resource Pod/apps/web (container=app) uses the latest tag"},
         "auditAnnotations": {
           "all_rules": "no_latest: Resource Pod/apps/web (container=app) uses the latest tag",
           "denied": "no_latest: Resource Pod/apps/web (container=app) uses the latest tag",
           "bundle_revision": "rev-1"}}"""), r.response());
    assertEquals(Json.parse("\"admission.k8s.io/v1\""), ((ObjectValue) r.json()).get("apiVersion"));
  }

  @Test
  void warnsWithoutDenying() throws Exception {
    Reply r = client.validate(Reviews.pod("uid-warn", "apps", "{}", Reviews.GOOD_SPEC));
    assertEquals(BooleanValue.TRUE, r.response().get("allowed"));
    assertEquals(Json.parse("[\"owner_label: Resource Pod/apps/web has no owner label\"]"),
        r.response().get("warnings"));
    assertEquals("owner_label: Resource Pod/apps/web has no owner label", r.annotation("warned"));
    assertNull(r.response().get("status"));
  }

  @Test
  void monitorsWithoutWarningOrDenying() throws Exception {
    Reply r = client.validate(Reviews.pod("uid-monitor", "apps", OWNED,
        "{\"hostNetwork\": true, \"containers\": [{\"name\": \"app\", \"image\": \"app:1\"}]}"));
    assertEquals(BooleanValue.TRUE, r.response().get("allowed"));
    assertNull(r.response().get("warnings"));
    assertEquals("host_network: Resource Pod/apps/web uses the host network", r.annotation("monitored"));
    assertEquals(r.annotation("monitored"), r.annotation("all_rules"));
  }

  @Test
  void patchesAsBase64JsonPatch() throws Exception {
    Reply r = client.mutate(Reviews.pod("uid-patch", "apps", OWNED, """
        {"securityContext": {"runAsNonRoot": true}, "containers": [{"name": "a", "image": "a:1"}, {"name": "b", "image": "b:1"}]}"""));
    assertEquals(BooleanValue.TRUE, r.response().get("allowed"));
    assertEquals(StringValue.of("JSONPatch"), r.response().get("patchType"));
    String patch = new String(Base64.getDecoder().decode(((StringValue) r.response().get("patch")).value()),
        StandardCharsets.UTF_8);
    assertEquals(Json.parse("""
        [{"op": "add", "path": "/spec/containers/0/securityContext", "value": {"readOnlyRootFilesystem": true}},
         {"op": "add", "path": "/spec/containers/1/securityContext", "value": {"readOnlyRootFilesystem": true}}]"""),
        Json.parse(patch));
    assertEquals("readonly_root_fs: patch", r.annotation("all_rules"));
    assertNull(r.annotation("dryrun_patch"));
  }

  @Test
  void dryrunMutationsOnlyAnnotateThePatch() throws Exception {
    Reply r = client.mutate(Reviews.pod("uid-dryrun", "apps", OWNED,
        "{\"containers\": [{\"name\": \"a\", \"image\": \"a:1\", \"securityContext\": {}}]}"));
    assertNull(r.response().get("patch"));
    assertNull(r.response().get("patchType"));
    assertEquals(Json.parse("""
        [{"op": "add", "path": "/spec/securityContext", "value": {"seccompProfile": {"type": "RuntimeDefault"}}}]"""),
        Json.parse(r.annotation("dryrun_patch")));
    assertEquals("seccomp_default: dryrun", r.annotation("all_rules"));
  }

  @Test
  void breakglassBypassesThePolicies() throws Exception {
    Reply r = client.validate(Reviews.pod("uid-breakglass", "apps", "bob", "[\"breakglass:sre\"]", "{}",
        Reviews.LATEST_SPEC, false));
    assertEquals(BooleanValue.TRUE, r.response().get("allowed"));
    assertEquals("group", r.annotation("breakglass_authorized"));
    assertNull(r.annotation("denied"));
    assertTrue(client.metric("kube_policies_breakglass_uses_total{webhook=\"validating\"}") >= 1);
  }

  @Test
  void criticalWorkloadsAreNeitherDeniedNorMutated() throws Exception {
    Reply validated = client.validate(Reviews.pod("uid-critical", "kube-system", "{}", Reviews.LATEST_SPEC));
    assertEquals(BooleanValue.TRUE, validated.response().get("allowed"));
    assertEquals("namespace", validated.annotation("critical"));
    Reply mutated = client.mutate(Reviews.pod("uid-critical-m", "kube-system", "{}",
        "{\"containers\": [{\"name\": \"a\", \"image\": \"a:1\"}]}"));
    assertNull(mutated.response().get("patch"));
    assertEquals("namespace", mutated.annotation("critical"));
  }

  @Test
  void defaultAllowWhenNoPolicyFires() throws Exception {
    Reply r = client.validate(Reviews.pod("uid-default", "apps", OWNED, Reviews.GOOD_SPEC));
    assertEquals(BooleanValue.TRUE, r.response().get("allowed"));
    assertEquals("request triggers no policy", r.annotation("default-allow"));
    assertEquals("rev-1", r.annotation("bundle_revision"));
  }

  @Test
  void failsClosedOnAnEvaluationError() throws Exception {
    Reply r = client.validate(Reviews.pod("uid-explode", "apps", "{\"explode\": \"yes\", \"owner\": \"a\"}", Reviews.GOOD_SPEC));
    assertEquals(200, r.status());
    assertEquals(BooleanValue.FALSE, r.response().get("allowed"));
    assertTrue(r.annotation("failing-closed").contains("divide by zero"), r.annotation("failing-closed"));
    assertTrue(client.metric("kube_policies_failure_mode_decisions_total{mode=\"closed\",webhook=\"validating\"}") >= 1);
  }

  @Test
  void failsOpenOnAnEvaluationError() throws Exception {
    Reply r = openClient.validate(Reviews.pod("uid-explode-open", "apps", "{\"explode\": \"yes\"}", Reviews.GOOD_SPEC));
    assertEquals(BooleanValue.TRUE, r.response().get("allowed"));
    assertTrue(r.annotation("failing-open").contains("divide by zero"), r.annotation("failing-open"));
  }

  @Test
  void failsOpenWhenTheDeadlinePasses() throws Exception {
    long start = System.nanoTime();
    Reply r = openClient.validate(Reviews.pod("uid-slow", "apps", "{\"slow\": \"yes\"}", Reviews.GOOD_SPEC));
    assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(5)) < 0);
    assertEquals(BooleanValue.TRUE, r.response().get("allowed"));
    assertTrue(r.annotation("failing-open") != null, r.body());
    assertTrue(openClient.metric("kube_policies_failure_mode_decisions_total{mode=\"open\",webhook=\"validating\"}") >= 1);
  }

  @Test
  void withoutABundleIsNotReadyAndFailsByMode() throws Exception {
    assertEquals(503, emptyClient.get("/readyz").status());
    Reply r = emptyClient.validate(Reviews.pod("uid-nobundle", "apps", OWNED, Reviews.GOOD_SPEC));
    assertEquals(200, r.status());
    assertEquals(BooleanValue.FALSE, r.response().get("allowed"));
    assertEquals("no verified policy bundle is active yet", r.annotation("failing-closed"));
    assertEquals("none", r.annotation("bundle_revision"));
  }

  @Test
  void healthAndReadiness() throws Exception {
    assertEquals(200, client.get("/healthz").status());
    Reply ready = client.get("/readyz");
    assertEquals(200, ready.status());
    assertEquals(Json.parse("{\"ready\": true, \"environment\": \"dev\", \"revision\": \"rev-1\", \"sequence\": 1}"),
        ready.json());
  }

  @Test
  void refusesMalformedRequestsWith400AndTheReason() throws Exception {
    assertRefused(client.post("/v1/admit/validating", "{not json".getBytes(StandardCharsets.UTF_8)), 400,
        "request body is not valid JSON: Unexpected character ('n' (code 110)): was expecting double-quote to start field name");
    assertRefused(client.validate("[1, 2]"), 400, "an AdmissionReview must be a JSON object, not array");
    assertRefused(client.validate(Reviews.pod("u", "apps", OWNED, Reviews.GOOD_SPEC).replace("admission.k8s.io/v1", "admission.k8s.io/v1beta1")),
        400, "apiVersion must be admission.k8s.io/v1, got admission.k8s.io/v1beta1");
    assertRefused(client.validate(Reviews.pod("", "apps", OWNED, Reviews.GOOD_SPEC)), 400, "AdmissionReview request has no uid");
    assertRefused(client.validate("{\"apiVersion\": \"admission.k8s.io/v1\", \"kind\": \"AdmissionReview\"}"), 400,
        "AdmissionReview has no request object");
    assertRefused(client.post("/v1/admit/mutating", new byte[0]), 400, "request body is empty");
    assertTrue(client.metric("kube_policies_requests_total{code=\"400\",decision=\"invalid\",endpoint=\"validating\"}") >= 5);
  }

  @Test
  void refusesAnOversizedBodyWith400() throws Exception {
    byte[] big = Reviews.pod("uid-big", "apps", "{\"pad\": \"" + "x".repeat(70 * 1024) + "\"}", Reviews.GOOD_SPEC)
        .getBytes(StandardCharsets.UTF_8);
    assertRefused(client.post("/v1/admit/validating", big), 400, "request body of " + big.length
        + " bytes is over the limit of 65536 bytes");
  }

  /** A refusal with the Status shape, {@code code}, and a message starting with {@code message}. */
  private static void assertRefused(Reply r, int code, String message) {
    assertEquals(code, r.status(), r.body());
    ObjectValue body = (ObjectValue) r.json();
    assertTrue(((StringValue) body.get("message")).value().startsWith(message), r.body());
    assertFalse(r.body().contains("Exception"), r.body());
  }

  @Test
  void logsEveryDecisionAsAJsonLineMarkingDryRuns() throws Exception {
    client.validate(Reviews.pod("uid-logged-dry", "apps", "carol", "[]", "{}", Reviews.LATEST_SPEC, true));
    Waits.until("the decision log has the line", WAIT, () -> Files.exists(decisionLog)
        && Files.readString(decisionLog).contains("uid-logged-dry"));
    String line = Files.readAllLines(decisionLog).stream().filter(l -> l.contains("uid-logged-dry")).findFirst().orElseThrow();
    ObjectValue entry = (ObjectValue) Json.parse(line);
    assertEquals(StringValue.of("denied"), entry.get("decision"));
    assertEquals(BooleanValue.TRUE, entry.get("dry_run"));
    assertEquals(StringValue.of("carol"), entry.get("user"));
    assertEquals(StringValue.of("Pod"), entry.get("kind"));
    assertEquals(StringValue.of("apps"), entry.get("namespace"));
    assertEquals(StringValue.of("web"), entry.get("name"));
    assertEquals(StringValue.of("rev-1"), entry.get("bundle_revision"));
    assertEquals(Json.parse("[\"no_latest\", \"owner_label\"]"), entry.get("rules"));
    assertTrue(entry.get("latency_ms") instanceof NumberValue);
  }

  @Test
  void metricsCountRulesByModeAndTimeRequests() throws Exception {
    client.validate(Reviews.pod("uid-metrics", "apps", "{}", Reviews.LATEST_SPEC));
    String metrics = client.get("/metrics").body();
    for (String sample : List.of(
        "kube_policies_rule_matches_total{mode=\"deny\",rule=\"no_latest\"}",
        "kube_policies_rule_matches_total{mode=\"warn\",rule=\"owner_label\"}",
        "kube_policies_requests_total{code=\"200\",decision=\"denied\",endpoint=\"validating\"}",
        "kube_policies_decisions_total{outcome=\"evaluated\",webhook=\"validating\"}",
        "kube_policies_bundle_info{environment=\"dev\",revision=\"rev-1\",sequence=\"1\"} 1",
        "kube_policies_bundle_sequence 1",
        "kube_policies_request_duration_seconds_bucket{endpoint=\"validating\",le=\"1.0E-4\"}",
        "kube_policies_evaluation_duration_seconds_bucket{webhook=\"validating\",le=\"0.001\"}",
        "kube_policies_bundle_last_activation_timestamp_seconds")) {
      assertTrue(metrics.contains(sample), sample + " missing from:\n" + metrics);
    }
  }
}
