package io.kubepolicies.enforcer.testing;

import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/** A real HTTPS client for the enforcer, trusting only the test CA. */
public final class WebhookClient {
  private final HttpClient http;
  private final String base;

  public WebhookClient(SSLContext tls, int port) {
    this.http = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    this.base = "https://localhost:" + port;
  }

  /** A response: status code and body. */
  public record Reply(int status, String body) {
    public Value json() {
      return Json.parse(body);
    }

    /** {@code response} of an AdmissionReview answer. */
    public ObjectValue response() {
      return (ObjectValue) ((ObjectValue) json()).get("response");
    }

    public String annotation(String key) {
      Value annotations = response().get("auditAnnotations");
      return annotations instanceof ObjectValue o && o.get(key) instanceof StringValue s ? s.value() : null;
    }
  }

  public Reply post(String path, byte[] body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Reply(r.statusCode(), r.body());
  }

  public Reply validate(String review) throws Exception {
    return post("/v1/admit/validating", review.getBytes(StandardCharsets.UTF_8));
  }

  public Reply mutate(String review) throws Exception {
    return post("/v1/admit/mutating", review.getBytes(StandardCharsets.UTF_8));
  }

  public Reply get(String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).GET().build();
    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Reply(r.statusCode(), r.body());
  }

  /** The value of one sample of {@code /metrics}, e.g. {@code metric("kube_policies_bundle_failures_total{reason=\"x\"}")}; 0 when absent. */
  public double metric(String sample) throws Exception {
    Matcher m = Pattern.compile("^" + Pattern.quote(sample) + " (\\S+)$", Pattern.MULTILINE).matcher(get("/metrics").body());
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  public HttpClient http() {
    return http;
  }
}
