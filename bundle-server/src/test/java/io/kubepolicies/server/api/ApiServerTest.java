package io.kubepolicies.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubepolicies.server.client.ApiClientException;
import io.kubepolicies.server.client.ReleaseClient;
import io.kubepolicies.server.gate.Gate;
import io.kubepolicies.server.local.LocalTls;
import io.kubepolicies.server.release.Environments;
import io.kubepolicies.server.release.EnvironmentStatus;
import io.kubepolicies.server.release.ReleaseException;
import io.kubepolicies.server.release.ReleaseException.Reason;
import io.kubepolicies.server.release.ReleaseOperations;
import io.kubepolicies.server.release.Releases;
import io.kubepolicies.server.release.SoakPolicy;
import io.kubepolicies.server.store.HistoryRecord;
import io.kubepolicies.server.store.ObjectStore;
import io.kubepolicies.server.store.ReleaseStore;
import io.kubepolicies.server.testing.FixtureBuilder;
import io.kubepolicies.server.testing.Fixtures;
import io.kubepolicies.server.testing.LocalStore;
import io.kubepolicies.server.testing.MutableClock;
import io.kubepolicies.server.testing.TestKeys;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP API over HTTPS against an embedded store: authentication, roles, operations, JSON errors. */
class ApiServerTest {
  @RegisterExtension
  static final LocalStore LOCAL = new LocalStore();

  private static final String ENGINEER_TOKEN = "engineer-token-0123456789";
  private static final String VIEWER_TOKEN = "viewer-token-0123456789ab";

  @TempDir
  Path dir;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T09:00:00Z"));
  private ObjectStore objects;
  private LocalTls tls;
  private ApiServer server;

  @BeforeEach
  void start() throws Exception {
    objects = LOCAL.newBucket();
    Releases releases = new Releases(new ReleaseStore(objects), Environments.DEFAULT,
        new TestKeys(Environments.DEFAULT.order()).signing(), SoakPolicy.of(Duration.ofHours(1)), new Gate(List.of()),
        new FixtureBuilder(), clock);
    Tokens tokens = Tokens.of(List.of(
        new Tokens.Entry("ci-pipeline", Role.RELEASE_ENGINEER, Tokens.hash(ENGINEER_TOKEN)),
        new Tokens.Entry("dashboard", Role.VIEWER, Tokens.hash(VIEWER_TOKEN))));
    tls = LocalTls.ensure(dir.resolve("tls"));
    server = ApiServer.start(releases, tokens, "127.0.0.1", 0, Optional.of(tls.server()));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private ReleaseOperations client(String token) throws Exception {
    return ReleaseClient.connect(URI.create(server.url()), token, Optional.of(tls.caCertificate()));
  }

  private HttpResponse<String> raw(String method, String path, String token, String body) throws Exception {
    HttpClient http = HttpClient.newBuilder().sslContext(sslTrustingLocalCa()).build();
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private SSLContext sslTrustingLocalCa() throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    try (InputStream in = Files.newInputStream(tls.caCertificate())) {
      trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }

  @Test
  void releaseEngineerPublishesPromotesAndRollsBackAsTheTokensHolder() throws Exception {
    ReleaseOperations engineer = client(ENGINEER_TOKEN);
    HistoryRecord first = engineer.publish(Fixtures.source("v1"));
    assertEquals("ci-pipeline", first.actor());
    assertEquals(1, first.sequence());
    assertEquals(first, engineer.history("dev").get(0));

    clock.advance(Duration.ofHours(1));
    HistoryRecord staging = engineer.promote("staging", Optional.empty());
    assertEquals(first.ref(), staging.from());

    engineer.publish(Fixtures.source("v2"));
    HistoryRecord back = engineer.rollback("dev", OptionalLong.empty());
    assertEquals(first.revision(), back.revision());
    EnvironmentStatus dev = engineer.status("dev");
    assertEquals(back.pointer(), dev.current());
    assertEquals(List.of("dev", "staging", "prod"), engineer.status().stream().map(EnvironmentStatus::environment).toList());
  }

  @Test
  void viewerReadsButCannotChangeAnything() throws Exception {
    client(ENGINEER_TOKEN).publish(Fixtures.source("v1"));
    ReleaseOperations viewer = client(VIEWER_TOKEN);
    assertEquals(1, viewer.status("dev").current().sequence());
    assertEquals(1, viewer.history("dev").size());
    List<String> before = objects.list("");

    ApiClientException publish = assertThrows(ApiClientException.class, () -> viewer.publish(Fixtures.source("v2")));
    assertEquals(403, publish.status());
    assertEquals("forbidden", publish.code());
    assertTrue(publish.getMessage().contains("dashboard has the viewer role"), publish.getMessage());
    assertEquals(403, assertThrows(ApiClientException.class,
        () -> viewer.promote("staging", Optional.empty())).status());
    assertEquals(403, assertThrows(ApiClientException.class,
        () -> viewer.rollback("dev", OptionalLong.empty())).status());
    assertEquals(before, objects.list(""), "a refused request writes nothing");
  }

  @Test
  void everyApiRequestNeedsAValidToken() throws Exception {
    for (String[] call : new String[][] {{"GET", "/v1/environments"}, {"GET", "/v1/environments/dev"},
        {"GET", "/v1/environments/dev/history"}, {"POST", "/v1/publish"}, {"POST", "/v1/environments/staging/promote"},
        {"POST", "/v1/environments/dev/rollback"}}) {
      HttpResponse<String> none = raw(call[0], call[1], null, null);
      assertEquals(401, none.statusCode(), call[1]);
      assertTrue(none.body().contains("\"error\" : \"unauthorized\""), none.body());
      assertEquals("Bearer", none.headers().firstValue("WWW-Authenticate").orElseThrow());
      HttpResponse<String> wrong = raw(call[0], call[1], "not-a-configured-token-at-all", null);
      assertEquals(401, wrong.statusCode(), call[1]);
      assertTrue(wrong.body().contains("the bearer token is not valid"), wrong.body());
    }
    assertEquals(401, assertThrows(ApiClientException.class,
        () -> client("wrong-token-0123456789").status()).status());
    assertTrue(objects.list("").isEmpty());
  }

  @Test
  void healthNeedsNoToken() throws Exception {
    HttpResponse<String> health = raw("GET", "/healthz", null, null);
    assertEquals(200, health.statusCode());
    assertEquals("{\"status\":\"ok\"}", health.body());
  }

  @Test
  void releaseErrorsKeepTheirReasonAcrossTheWire() throws Exception {
    ReleaseOperations engineer = client(ENGINEER_TOKEN);
    ReleaseException gate = assertThrows(ReleaseException.class, () -> engineer.publish(
        Fixtures.withFile("v1", "policies/lib/broken_test.rego", Fixtures.FAILING_TEST)));
    assertEquals(Reason.GATE_FAILED, gate.reason());
    assertTrue(gate.getMessage().contains("test_expects_the_impossible"), gate.getMessage());
    assertTrue(gate.gate().isPresent() && !gate.gate().get().passed());

    engineer.publish(Fixtures.source("v1"));
    ReleaseException soak = assertThrows(ReleaseException.class, () -> engineer.promote("staging", Optional.empty()));
    assertEquals(Reason.REFUSED, soak.reason());
    assertTrue(soak.getMessage().contains("soak time"), soak.getMessage());
    assertEquals(Reason.NOT_FOUND, assertThrows(ReleaseException.class, () -> engineer.status("qa")).reason());
    assertEquals(Reason.NOT_FOUND, assertThrows(ReleaseException.class,
        () -> engineer.rollback("prod", OptionalLong.empty())).reason());
  }

  @Test
  void malformedRequestsAreJsonErrors() throws Exception {
    HttpResponse<String> body = raw("POST", "/v1/publish", ENGINEER_TOKEN, "not an archive");
    assertEquals(400, body.statusCode());
    assertTrue(body.body().contains("not a source snapshot archive"), body.body());
    HttpResponse<String> json = raw("POST", "/v1/environments/staging/promote", ENGINEER_TOKEN, "{\"revision\": [");
    assertEquals(400, json.statusCode());
    assertTrue(json.body().contains("\"error\" : \"invalid\""), json.body());
    HttpResponse<String> sequence = raw("POST", "/v1/environments/dev/rollback", ENGINEER_TOKEN, "{\"sequence\": \"x\"}");
    assertEquals(400, sequence.statusCode());
    HttpResponse<String> unknown = raw("GET", "/v1/nothing-here", ENGINEER_TOKEN, null);
    assertEquals(404, unknown.statusCode());
    assertTrue(unknown.body().contains("no such endpoint"), unknown.body());
    HttpResponse<String> env = raw("GET", "/v1/environments/qa", ENGINEER_TOKEN, null);
    assertEquals(404, env.statusCode());
    assertTrue(env.body().contains("unknown environment"), env.body());
  }

  @Test
  void clientRefusesAServerItsCaDidNotCertify(@TempDir Path other) throws Exception {
    LocalTls stranger = LocalTls.ensure(other);
    ReleaseOperations client = ReleaseClient.connect(URI.create(server.url()), ENGINEER_TOKEN,
        Optional.of(stranger.caCertificate()));
    ApiClientException e = assertThrows(ApiClientException.class, client::status);
    assertEquals("unreachable", e.code());
    assertNotNull(e.getCause());
  }
}
