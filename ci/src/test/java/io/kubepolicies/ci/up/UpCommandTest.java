package io.kubepolicies.ci.up;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubepolicies.ci.support.Cli;
import io.kubepolicies.ci.support.Processes;
import io.kubepolicies.ci.support.Processes.Running;
import io.kubepolicies.ci.support.Repository;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives {@code kube-policies up} as a user does: a separate process, an AdmissionReview over HTTPS
 * to the printed enforcer URL trusting the printed CA, a publication of an edited library through
 * the printed bundle-server URL that the enforcer hot-swaps in, then SIGTERM. A second run on the
 * same state after another edit publishes the next sequence, which the enforcer serves.
 */
class UpCommandTest {
  private static final Pattern ENFORCER = Pattern.compile("enforcer \\(dev\\): (https://127\\.0\\.0\\.1:\\d+) \\(serving dev#(\\d+)\\)");
  private static final Pattern SERVER = Pattern.compile("bundle-server:  (https://127\\.0\\.0\\.1:\\d+)");
  private static final String READY = "Ctrl-C stops everything.";
  private static final long HOT_SWAP_SECONDS = 30;

  @TempDir
  Path dir;

  private static Running start(Path source, Path state) throws IOException {
    return Processes.start("up", "--state-dir", state.toString(), "--source", source.toString(),
        "--enforcer-port", "0", "--server-port", "0", "--store-port", "0");
  }

  private static void stop(Running up) throws InterruptedException {
    up.terminate();
    up.awaitLine("kube-policies stopped");
  }

  @Test
  void upServesDecisionsOverHttpsAndPublishesEditsOnTheNextRun() throws Exception {
    Path source = Repository.copyTo(dir.resolve("repo"));
    Path state = dir.resolve("state");

    Running first = start(source, state);
    try {
      first.awaitLine(READY);
      Matcher enforcer = ENFORCER.matcher(first.seen());
      assertTrue(enforcer.find(), first.seen().toString());
      assertEquals("1", enforcer.group(2));
      assertTrue(first.seen().toString().contains("published dev#1"), first.seen().toString());
      assertTrue(first.seen().toString().contains("--cacert " + state.toAbsolutePath().normalize().resolve("tls/ca.crt")));

      byte[] review = Files.readAllBytes(source.resolve("examples/admission-review-pod.json"));
      JsonNode answer = admit(enforcer.group(1), state.resolve("tls/ca.crt"), review);
      JsonNode request = new ObjectMapper().readTree(review);
      assertEquals("AdmissionReview", answer.path("kind").asText());
      assertEquals(request.at("/request/uid").asText(), answer.at("/response/uid").asText());
      assertTrue(answer.at("/response/allowed").isBoolean(), answer.toString());
      assertTrue(answer.at("/response/auditAnnotations/all_rules").asText().contains("privileged"), answer.toString());

      Matcher server = SERVER.matcher(first.seen());
      assertTrue(server.find(), first.seen().toString());
      edit(source, "first edit");
      Cli.Run published = Cli.run("publish", "--source", source.toString(), "--server", server.group(1),
          "--ca-cert", state.resolve("tls/ca.crt").toString(), "--token-file", state.resolve("release-engineer.token").toString());
      assertEquals(0, published.exit(), published.err());
      assertTrue(published.out().startsWith("published dev#2"), published.out());
      assertEquals(2, awaitSequence(enforcer.group(1), state.resolve("tls/ca.crt"), 2));
    } finally {
      stop(first);
    }

    edit(source, "second edit");
    Running second = start(source, state);
    try {
      second.awaitLine(READY);
      assertTrue(second.seen().toString().contains("published dev#3"), second.seen().toString());
      Matcher enforcer = ENFORCER.matcher(second.seen());
      assertTrue(enforcer.find(), second.seen().toString());
      assertEquals("3", enforcer.group(2));
    } finally {
      stop(second);
    }
  }

  private static void edit(Path source, String note) throws IOException {
    Files.writeString(source.resolve("policies/stages.yaml"), "\n# " + note + "\n", StandardOpenOption.APPEND);
  }

  /** Polls the enforcer's {@code /readyz} until it serves {@code sequence}; the sequence it serves at the end. */
  private static long awaitSequence(String enforcer, Path ca, long sequence) throws Exception {
    HttpClient http = HttpClient.newBuilder().sslContext(trusting(ca)).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(HOT_SWAP_SECONDS);
    long serving = -1;
    while (serving < sequence && System.nanoTime() < deadline) {
      HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(enforcer + "/readyz")).build(),
          HttpResponse.BodyHandlers.ofString());
      serving = new ObjectMapper().readTree(ready.body()).path("sequence").asLong(-1);
      Thread.sleep(200);
    }
    return serving;
  }

  private static SSLContext trusting(Path ca) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    try (InputStream in = Files.newInputStream(ca)) {
      trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, factory.getTrustManagers(), null);
    return ssl;
  }

  private static JsonNode admit(String enforcer, Path ca, byte[] review) throws Exception {
    HttpResponse<String> response = HttpClient.newBuilder().sslContext(trusting(ca)).build().send(
        HttpRequest.newBuilder(URI.create(enforcer + "/v1/admit/validating"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(review)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return new ObjectMapper().readTree(response.body());
  }
}
