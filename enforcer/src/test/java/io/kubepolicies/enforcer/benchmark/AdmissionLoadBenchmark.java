package io.kubepolicies.enforcer.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubepolicies.enforcer.Enforcer;
import io.kubepolicies.enforcer.config.DecisionLogConfig;
import io.kubepolicies.enforcer.config.EnforcerConfig;
import io.kubepolicies.enforcer.testing.TestBundles;
import io.kubepolicies.enforcer.testing.TestEnforcers;
import io.kubepolicies.enforcer.testing.TestPki;
import io.kubepolicies.enforcer.testing.TestStore;
import io.kubepolicies.enforcer.testing.Waits;
import io.kubepolicies.enforcer.testing.WebhookClient;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load benchmark, not run in CI. Starts the store and the enforcer (decision log to a file), then
 * runs {@code wrk} (Debian package {@code wrk}) with 100 keep-alive HTTPS connections posting a typical
 * Pod (a ReplicaSet's: two containers and an init container) to the validating webhook, and prints
 * wrk's report. Command and results: docs/benchmarks.md.
 */
@EnabledIfSystemProperty(named = "kube-policies.benchmark", matches = "true")
class AdmissionLoadBenchmark {
  private static final String CONNECTIONS = System.getProperty("kube-policies.benchmark.connections", "100");
  private static final String DURATION = System.getProperty("kube-policies.benchmark.duration", "30s");

  @TempDir
  Path dir;

  @Test
  void validatingWebhookUnderLoad() throws Exception {
    assumeTrue(onPath("wrk"), "wrk is not installed (apt-get install wrk)");
    TestPki pki = new TestPki();
    TestBundles bundles = new TestBundles();
    Path review = dir.resolve("review.json");
    try (InputStream in = getClass().getResourceAsStream("/typical-pod-review.json")) {
      Files.write(review, in.readAllBytes());
    }
    Path script = dir.resolve("post.lua");
    Files.writeString(script, """
        wrk.method = "POST"
        wrk.headers["Content-Type"] = "application/json"
        local f = io.open("%s", "rb")
        wrk.body = f:read("*a")
        f:close()
        """.formatted(review));
    try (TestStore store = new TestStore(Files.createDirectories(dir.resolve("s3")))) {
      store.publish("dev", 1, "bench", "bundles/dev/1.tar.gz", bundles.build("dev", 1, "bench"));
      EnforcerConfig config = TestEnforcers.config(dir.resolve("enforcer"), pki, bundles, store, Duration.ofSeconds(10))
          .withDecisionLog(new DecisionLogConfig(DecisionLogConfig.Mode.FILE, Optional.of(dir.resolve("decisions.jsonl"))));
      try (Enforcer enforcer = Enforcer.start(config)) {
        Waits.until("the bundle is active", Duration.ofSeconds(30), enforcer::ready);
        String url = "https://127.0.0.1:" + enforcer.port() + "/v1/admit/validating";
        wrk(List.of("wrk", "-t2", "-c" + CONNECTIONS, "-d10s", "-s", script.toString(), url), false);
        wrk(List.of("wrk", "-t2", "-c" + CONNECTIONS, "-d" + DURATION, "--latency", "-s", script.toString(), url), true);
        WebhookClient client = new WebhookClient(pki.clientContext(), enforcer.port());
        assertEquals(0, client.metric("kube_policies_requests_total{code=\"400\",decision=\"invalid\",endpoint=\"validating\"}"));
        System.out.println(client.get("/metrics").body().lines()
            .filter(l -> l.startsWith("kube_policies_evaluation_duration_seconds") || l.startsWith("kube_policies_requests_total"))
            .reduce("", (a, b) -> a + b + "\n"));
      }
    }
  }

  private static void wrk(List<String> command, boolean print) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    if (print) {
      System.out.println(String.join(" ", command) + "\n" + out);
    }
  }

  private static boolean onPath(String program) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(d, program))) {
        return true;
      }
    }
    return false;
  }
}
