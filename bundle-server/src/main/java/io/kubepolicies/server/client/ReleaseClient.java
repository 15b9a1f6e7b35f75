package io.kubepolicies.server.client;

import io.kubepolicies.server.api.Bodies;
import io.kubepolicies.server.api.Bodies.PromoteRequest;
import io.kubepolicies.server.api.Bodies.RollbackRequest;
import io.kubepolicies.server.release.EnvironmentStatus;
import io.kubepolicies.server.release.ReleaseException;
import io.kubepolicies.server.release.ReleaseException.Reason;
import io.kubepolicies.server.release.ReleaseOperations;
import io.kubepolicies.server.source.SourceSnapshot;
import io.kubepolicies.server.store.HistoryRecord;
import io.kubepolicies.server.store.StoreJson;
import io.kubepolicies.signing.BundleException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** The release operations through a bundle-server's HTTP API, as the holder of one bearer token. */
public final class ReleaseClient implements ReleaseOperations {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** Publishing runs the whole gate on the server. */
  private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(10);

  private final URI base;
  private final String token;
  private final HttpClient http;
  private final StoreJson json = new StoreJson();

  private ReleaseClient(URI base, String token, HttpClient http) {
    this.base = base;
    this.token = token;
    this.http = http;
  }

  /**
   * @param server e.g. {@code https://bundle-server.example:8181}
   * @param caCertificates PEM certificates to trust for HTTPS instead of the JDK's (e.g. a private CA)
   */
  public static ReleaseClient connect(URI server, String token, Optional<Path> caCertificates) throws IOException {
    if (!"http".equals(server.getScheme()) && !"https".equals(server.getScheme()) || server.getHost() == null) {
      throw new IOException("the server must be an http(s) URL, not " + server);
    }
    if (token == null || token.isBlank()) {
      throw new IOException("a bearer token is required to talk to the bundle-server");
    }
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT);
    if (caCertificates.isPresent()) {
      builder.sslContext(trusting(caCertificates.get()));
    }
    String path = server.getPath() == null ? "" : server.getPath().replaceAll("/+$", "");
    return new ReleaseClient(server.resolve(path + "/"), token.strip(), builder.build());
  }

  private static SSLContext trusting(Path pem) throws IOException {
    try {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      int i = 0;
      for (Certificate certificate : CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(Files.readAllBytes(pem)))) {
        trust.setCertificateEntry("ca-" + i++, certificate);
      }
      if (i == 0) {
        throw new IOException(pem + ": no certificate found");
      }
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IOException(pem + ": cannot use as CA certificates: " + e.getMessage(), e);
    }
  }

  @Override
  public HistoryRecord publish(SourceSnapshot source) {
    byte[] archive;
    try {
      archive = source.toArchive();
    } catch (BundleException e) {
      throw new ReleaseException(Reason.INVALID, "cannot archive the source: " + e.getMessage());
    }
    return send(post("v1/publish", "application/gzip", archive), HistoryRecord.class);
  }

  @Override
  public HistoryRecord promote(String environment, Optional<String> revision) {
    return send(post(environmentPath(environment) + "/promote", "application/json",
        json.write(new PromoteRequest(revision.orElse(null)))), HistoryRecord.class);
  }

  @Override
  public HistoryRecord rollback(String environment, OptionalLong sequence) {
    RollbackRequest request = new RollbackRequest(sequence.isPresent() ? sequence.getAsLong() : null);
    return send(post(environmentPath(environment) + "/rollback", "application/json", json.write(request)),
        HistoryRecord.class);
  }

  @Override
  public List<EnvironmentStatus> status() {
    return send(get("v1/environments"), Bodies.StatusList.class).environments();
  }

  @Override
  public EnvironmentStatus status(String environment) {
    return send(get(environmentPath(environment)), EnvironmentStatus.class);
  }

  @Override
  public List<HistoryRecord> history(String environment) {
    return send(get(environmentPath(environment) + "/history"), Bodies.History.class).records();
  }

  private static String environmentPath(String environment) {
    return "v1/environments/" + URLEncoder.encode(environment, StandardCharsets.UTF_8);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT)
        .header("Authorization", "Bearer " + token).header("Accept", "application/json");
  }

  private HttpRequest get(String path) {
    return request(path).GET().build();
  }

  private HttpRequest post(String path, String contentType, byte[] body) {
    return request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
  }

  private <T> T send(HttpRequest request, Class<T> type) {
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new ApiClientException(0, "unreachable", "cannot reach the bundle-server at " + base + ": " + describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiClientException(0, "interrupted", "interrupted while waiting for the bundle-server", e);
    }
    String what = request.method() + " " + request.uri().getPath();
    if (response.statusCode() / 100 == 2) {
      try {
        return json.read(response.body(), type, "the answer to " + what);
      } catch (IOException e) {
        throw new ApiClientException(response.statusCode(), "bad_answer", e.getMessage(), e);
      }
    }
    throw failure(response, what);
  }

  private RuntimeException failure(HttpResponse<byte[]> response, String what) {
    Bodies.Error error;
    try {
      error = json.read(response.body(), Bodies.Error.class, "error");
    } catch (IOException e) {
      return new ApiClientException(response.statusCode(), "bad_answer", what + ": HTTP " + response.statusCode()
          + " without a JSON error (is " + base + " a bundle-server?)", e);
    }
    Optional<Reason> reason = Arrays.stream(Reason.values())
        .filter(r -> r.name().toLowerCase(Locale.ROOT).equals(error.error())).findFirst();
    if (reason.isPresent()) {
      return new ReleaseException(reason.get(), error.message(), error.gate());
    }
    return new ApiClientException(response.statusCode(), error.error(), error.message(), null);
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
