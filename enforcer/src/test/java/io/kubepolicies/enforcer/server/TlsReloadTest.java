package io.kubepolicies.enforcer.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubepolicies.enforcer.Enforcer;
import io.kubepolicies.enforcer.config.EnforcerConfig;
import io.kubepolicies.enforcer.testing.TestBundles;
import io.kubepolicies.enforcer.testing.TestEnforcers;
import io.kubepolicies.enforcer.testing.TestPki;
import io.kubepolicies.enforcer.testing.Waits;
import io.kubepolicies.enforcer.testing.WebhookClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The serving certificate is read again when its files change; open connections keep working. */
class TlsReloadTest {
  @TempDir
  Path dir;

  /** An enforcer whose store is unreachable: TLS does not need a bundle. */
  private EnforcerConfig config(TestPki pki) throws Exception {
    return TestEnforcers.config(dir, pki, new TestBundles(), null, Duration.ofSeconds(10));
  }

  private static String servedName(HttpClient client, int port) throws Exception {
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/healthz")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode());
    X509Certificate cert = (X509Certificate) r.sslSession().orElseThrow().getPeerCertificates()[0];
    return cert.getSubjectX500Principal().getName();
  }

  private static HttpClient newClient(SSLContext tls) {
    return HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1).build();
  }

  @Test
  void reloadsARotatedCertificateWithoutDroppingOpenConnections() throws Exception {
    TestPki pki = new TestPki();
    EnforcerConfig config = config(pki);
    try (Enforcer enforcer = Enforcer.start(config)) {
      SSLContext tls = pki.clientContext();
      try (SSLSocket open = (SSLSocket) tls.getSocketFactory().createSocket("localhost", enforcer.port())) {
        assertEquals("HTTP/1.1 200 OK", healthOn(open));
        assertEquals("CN=enforcer", peerName(open));

        pki.issue("rotated", config.server().certFile(), config.server().keyFile());
        Waits.until("new connections get the rotated certificate", Duration.ofSeconds(10),
            () -> servedName(newClient(tls), enforcer.port()).equals("CN=rotated"));
        assertEquals("HTTP/1.1 200 OK", healthOn(open), "the connection opened before the rotation still works");
        assertEquals("CN=enforcer", peerName(open));
      }
      WebhookClient client = new WebhookClient(tls, enforcer.port());
      assertEquals(1, client.metric("kube_policies_tls_reloads_total{result=\"ok\"}"));
    }
  }

  /** Sends {@code GET /healthz} on an open keep-alive connection; returns the status line. */
  private static String healthOn(SSLSocket socket) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
    String status = in.readLine();
    int length = 0;
    for (String header = in.readLine(); !header.isEmpty(); header = in.readLine()) {
      if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(header.substring("content-length:".length()).strip());
      }
    }
    char[] body = new char[length];
    for (int read = 0; read < length; ) {
      int n = in.read(body, read, length - read);
      if (n < 0) {
        throw new IOException("the connection closed in the middle of the body");
      }
      read += n;
    }
    return status;
  }

  private static String peerName(SSLSocket socket) throws IOException {
    return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSubjectX500Principal().getName();
  }

  @Test
  void keepsThePreviousCertificateWhenTheNewKeyDoesNotMatch() throws Exception {
    TestPki pki = new TestPki();
    EnforcerConfig config = config(pki);
    try (Enforcer enforcer = Enforcer.start(config)) {
      Path otherCert = dir.resolve("other.crt");
      pki.issue("other", otherCert, dir.resolve("other.key"));
      Files.copy(otherCert, config.server().certFile(), StandardCopyOption.REPLACE_EXISTING);
      WebhookClient client = new WebhookClient(pki.clientContext(), enforcer.port());
      Waits.until("the failed reload is counted", Duration.ofSeconds(10),
          () -> client.metric("kube_policies_tls_reloads_total{result=\"failed\"}") >= 1);
      assertEquals("CN=enforcer", servedName(newClient(pki.clientContext()), enforcer.port()));
    }
  }
}
