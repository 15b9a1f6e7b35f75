package io.kubepolicies.rego.builtins.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.builtins.BuiltinException;
import io.kubepolicies.rego.builtins.FamilyCalls;
import io.kubepolicies.rego.builtins.TestContext;
import io.kubepolicies.rego.builtins.support.TestPki;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.NullValue;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpTest {
  private static final TestPki.Issued CA = TestPki.root("HTTP Test CA");
  private static final AtomicInteger COUNTED = new AtomicInteger();
  private static HttpServer http;
  private static HttpsServer https;

  private final FamilyCalls calls = new FamilyCalls(new HttpFamily());

  @BeforeAll
  static void startServers() throws Exception {
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.createContext("/json", ex -> reply(ex, 200, "application/json; charset=utf-8", "{\"a\":[1,2]}"));
    http.createContext("/yaml", ex -> reply(ex, 200, "application/yaml", "a: 1\nb: [x]\n"));
    http.createContext("/text", ex -> reply(ex, 200, "text/plain", "{\"not\":\"decoded\"}"));
    http.createContext("/echo", ex -> {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String json = "{\"method\":\"" + ex.getRequestMethod() + "\",\"body\":" + Json.write(StringValue.of(body))
          + ",\"x\":" + Json.write(StringValue.of(String.valueOf(ex.getRequestHeaders().getFirst("X-Test")))) + "}";
      ex.getResponseHeaders().add("X-Multi", "one");
      ex.getResponseHeaders().add("X-Multi", "two");
      reply(ex, 201, "application/json", json);
    });
    http.createContext("/redirect", ex -> {
      ex.getResponseHeaders().add("Location", "/json");
      reply(ex, 302, "text/plain", "");
    });
    http.createContext("/counted", ex -> reply(ex, 200, "text/plain", String.valueOf(COUNTED.incrementAndGet())));
    http.start();

    TestPki.Issued server = TestPki.leaf("localhost", CA, List.of(
        new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")),
        List.of(KeyPurposeId.id_kp_serverAuth));
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
    store.setKeyEntry("server", server.keys().getPrivate(), new char[0],
        new X509Certificate[] {converter.getCertificate(server.holder()), converter.getCertificate(CA.holder())});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(store, new char[0]);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(kmf.getKeyManagers(), null, null);
    https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    https.setHttpsConfigurator(new HttpsConfigurator(ssl));
    https.createContext("/json", ex -> reply(ex, 200, "application/json", "{\"secure\":true}"));
    https.start();
  }

  @AfterAll
  static void stopServers() {
    http.stop(0);
    https.stop(0);
  }

  private static void reply(HttpExchange ex, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + http.getAddress().getPort() + path;
  }

  private static String secureUrl() {
    return "https://127.0.0.1:" + https.getAddress().getPort() + "/json";
  }

  private Value send(TestContext ctx, String request) {
    return calls.call(ctx, "http.send", Json.parse(request));
  }

  private ObjectValue send(String request) {
    return (ObjectValue) send(new TestContext().withNetwork(), request);
  }

  private BuiltinException failure(String request) {
    return assertThrows(BuiltinException.class, () -> send(request));
  }

  @Test
  void rejectsUnknownKeysBeforeAnyNetworkUse() {
    BuiltinException e = calls.failure("http.send",
        Json.parse("{\"bad_key\": \"bad_value\", \"method\": \"get\", \"url\": \"http://127.0.0.1:51113\"}"));
    assertEquals(RegoError.EVAL_TYPE, e.code());
    assertEquals("operand 1 invalid request parameters(s): {\"bad_key\"}", e.getMessage());
    BuiltinException missing = assertThrows(BuiltinException.class,
        () -> calls.call("http.send", Json.parse("{\"method\": \"get\"}")));
    assertEquals(RegoError.EVAL_TYPE, missing.code());
    assertEquals("operand 1 missing required request parameters(s): {\"url\"}", missing.getMessage());
  }

  @Test
  void invalidRequestsBecomeErrorObjectsWithoutRaiseError() {
    Value result = calls.call("http.send", Json.parse("{\"method\": \"get\", \"raise_error\": false}"));
    assertEquals(Json.parse("{\"status_code\": 0, \"error\": {\"code\": \"eval_http_send_internal_error\","
        + " \"message\": \"http.send: operand 1 missing required request parameters(s): {\\\"url\\\"}\"}}"), result);
    assertEquals("invalid value for raise_error field", assertThrows(BuiltinException.class,
        () -> calls.call("http.send", Json.parse("{\"method\": \"get\", \"url\": \"u\", \"raise_error\": 1}")))
        .getMessage());
  }

  @Test
  void refusesWhenNetworkIsDisabled() {
    BuiltinException e = calls.failure("http.send",
        Json.parse("{\"method\": \"get\", \"url\": \"" + url("/json") + "\"}"));
    assertEquals(RegoError.EVAL_BUILTIN, e.code());
    assertTrue(e.getMessage().contains("network access is disabled"), e.getMessage());
  }

  @Test
  void getsAndDecodesJson() {
    ObjectValue r = send("{\"method\": \"get\", \"url\": \"" + url("/json") + "\"}");
    assertEquals(NumberValue.of(200), r.get("status_code"));
    assertEquals(StringValue.of("200 OK"), r.get("status"));
    assertEquals(Json.parse("{\"a\":[1,2]}"), r.get("body"));
    assertEquals(StringValue.of("{\"a\":[1,2]}"), r.get("raw_body"));
    assertEquals(Json.parse("[\"application/json; charset=utf-8\"]"), ((ObjectValue) r.get("headers")).get("content-type"));
  }

  @Test
  void decodesYamlAndForcedJson() {
    assertEquals(Json.parse("{\"a\":1,\"b\":[\"x\"]}"), send("{\"method\": \"get\", \"url\": \"" + url("/yaml") + "\"}").get("body"));
    assertEquals(NullValue.NULL, send("{\"method\": \"get\", \"url\": \"" + url("/text") + "\"}").get("body"));
    assertEquals(Json.parse("{\"not\":\"decoded\"}"),
        send("{\"method\": \"get\", \"url\": \"" + url("/text") + "\", \"force_json_decode\": true}").get("body"));
    assertEquals(Json.parse("{\"not\":\"decoded\"}"),
        send("{\"method\": \"get\", \"url\": \"" + url("/text") + "\", \"force_yaml_decode\": true}").get("body"));
  }

  @Test
  void sendsBodiesAndHeaders() {
    ObjectValue r = send("{\"method\": \"post\", \"url\": \"" + url("/echo") + "\", \"headers\": {\"x-test\": \"yes\"},"
        + " \"body\": {\"b\": 1, \"a\": \"<\"}}");
    assertEquals(NumberValue.of(201), r.get("status_code"));
    assertEquals(StringValue.of("201 Created"), r.get("status"));
    assertEquals(Json.parse("{\"method\":\"POST\",\"body\":\"{\\\"a\\\":\\\"\\\\u003c\\\",\\\"b\\\":1}\",\"x\":\"yes\"}"), r.get("body"));
    assertEquals(Json.parse("[\"one\",\"two\"]"), ((ObjectValue) r.get("headers")).get("x-multi"));
    ObjectValue raw = send("{\"method\": \"put\", \"url\": \"" + url("/echo") + "\", \"raw_body\": \"plain\", \"body\": {\"x\": 1}}");
    assertEquals(StringValue.of("plain"), ((ObjectValue) raw.get("body")).get("body"));
  }

  @Test
  void followsRedirectsOnlyWhenAsked() {
    assertEquals(NumberValue.of(302), send("{\"method\": \"get\", \"url\": \"" + url("/redirect") + "\"}").get("status_code"));
    ObjectValue followed = send("{\"method\": \"get\", \"url\": \"" + url("/redirect") + "\", \"enable_redirect\": true}");
    assertEquals(Json.parse("{\"a\":[1,2]}"), followed.get("body"));
  }

  @Test
  void sendsTheSameRequestOncePerQuery() {
    TestContext ctx = new TestContext().withNetwork();
    String request = "{\"method\": \"get\", \"url\": \"" + url("/counted") + "\"}";
    Value first = send(ctx, request);
    assertEquals(first, send(ctx, request));
    Value other = send(new TestContext().withNetwork(), request);
    assertTrue(!first.equals(other));
  }

  @Test
  void networkFailures() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String target = "http://127.0.0.1:" + port + "/";
    ObjectValue quiet = send("{\"method\": \"get\", \"url\": \"" + target + "\", \"raise_error\": false}");
    assertEquals(NumberValue.of(0), quiet.get("status_code"));
    assertEquals(StringValue.of(HttpFamily.NETWORK_ERROR), ((ObjectValue) quiet.get("error")).get("code"));
    BuiltinException loud = failure("{\"method\": \"get\", \"url\": \"" + target + "\"}");
    assertEquals(RegoError.EVAL_BUILTIN, loud.code());
    assertTrue(loud.getMessage().startsWith("Get \"" + target + "\": "), loud.getMessage());
  }

  @Test
  void optionErrors() {
    assertEquals("\"url\" must be a string", failure("{\"method\": \"get\", \"url\": 1}").getMessage());
    assertEquals("invalid timeout value \"soon\": time: invalid duration \"soon\"",
        failure("{\"method\": \"get\", \"url\": \"" + url("/json") + "\", \"timeout\": \"soon\"}").getMessage());
    assertEquals("invalid value for \"force_json_decode\" field",
        failure("{\"method\": \"get\", \"url\": \"" + url("/json") + "\", \"force_json_decode\": \"yes\"}").getMessage());
    assertEquals("strconv.ParseBool: parsing \"\\\"yes\\\"\": invalid syntax",
        failure("{\"method\": \"get\", \"url\": \"" + url("/json") + "\", \"enable_redirect\": \"yes\"}").getMessage());
    assertEquals("'force_cache' set but 'force_cache_duration_seconds' parameter is missing",
        failure("{\"method\": \"get\", \"url\": \"" + url("/json") + "\", \"force_cache\": true}").getMessage());
    assertEquals("invalid value -1 for field \"max_retry_attempts\"",
        failure("{\"method\": \"get\", \"url\": \"" + url("/json") + "\", \"max_retry_attempts\": -1}").getMessage());
    assertEquals("the \"Host\" header cannot be set by this HTTP client",
        failure("{\"method\": \"get\", \"url\": \"" + url("/json") + "\", \"headers\": {\"host\": \"x\"}}").getMessage());
    assertTrue(failure("{\"method\": \"get\", \"url\": \"ftp://x/\"}").getMessage().contains("unsupported protocol scheme"));
    ObjectValue quiet = send("{\"method\": \"get\", \"url\": 1, \"raise_error\": false}");
    assertEquals(StringValue.of(HttpFamily.INTERNAL_ERROR), ((ObjectValue) quiet.get("error")).get("code"));
  }

  @Test
  void timeoutsAcceptGoDurationsAndNanoseconds() {
    assertEquals(NumberValue.of(200), send("{\"method\": \"get\", \"url\": \"" + url("/json") + "\", \"timeout\": \"2s\"}").get("status_code"));
    assertEquals(NumberValue.of(200), send("{\"method\": \"get\", \"url\": \"" + url("/json") + "\", \"timeout\": 2000000000}").get("status_code"));
    assertEquals(NumberValue.of(200), send("{\"method\": \"get\", \"url\": \"" + url("/json") + "\", \"timeout\": \"1500ms\"}").get("status_code"));
  }

  @Test
  void trustsTheGivenCaOnly() {
    String ca = Json.write(StringValue.of(CA.pem()));
    ObjectValue ok = send("{\"method\": \"get\", \"url\": \"" + secureUrl() + "\", \"tls_ca_cert\": " + ca + "}");
    assertEquals(Json.parse("{\"secure\":true}"), ok.get("body"));
    ObjectValue insecure = send("{\"method\": \"get\", \"url\": \"" + secureUrl() + "\", \"tls_insecure_skip_verify\": true}");
    assertEquals(NumberValue.of(200), insecure.get("status_code"));
    ObjectValue untrusted = send("{\"method\": \"get\", \"url\": \"" + secureUrl() + "\", \"raise_error\": false}");
    assertEquals(StringValue.of(HttpFamily.NETWORK_ERROR), ((ObjectValue) untrusted.get("error")).get("code"));
    assertEquals("could not append certificates",
        failure("{\"method\": \"get\", \"url\": \"" + secureUrl() + "\", \"tls_ca_cert\": \"nothing\"}").getMessage());
  }
}
