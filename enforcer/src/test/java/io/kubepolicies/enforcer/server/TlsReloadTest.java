package io.kubepolicies.enforcer.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubepolicies.enforcer.Enforcer;
import io.kubepolicies.enforcer.config.ConfigException;
import io.kubepolicies.enforcer.config.EnforcerConfig;
import io.kubepolicies.enforcer.testing.TestBundles;
import io.kubepolicies.enforcer.testing.TestEnforcers;
import io.kubepolicies.enforcer.testing.TestPki;
import io.kubepolicies.enforcer.testing.Waits;
import io.kubepolicies.enforcer.testing.WebhookClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
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
      HttpClient kept = newClient(tls);
      assertEquals("CN=enforcer", servedName(kept, enforcer.port()));

      pki.issue("rotated", config.server().certFile(), config.server().keyFile());
      Waits.until("new connections get the rotated certificate", Duration.ofSeconds(10),
          () -> servedName(newClient(tls), enforcer.port()).equals("CN=rotated"));
      assertEquals("CN=enforcer", servedName(kept, enforcer.port()), "the open connection was kept");

      WebhookClient client = new WebhookClient(tls, enforcer.port());
      assertEquals(1, client.metric("kube_policies_tls_reloads_total{result=\"ok\"}"));
    }
  }

  @Test
  void keepsThePreviousCertificateWhenTheNewKeyDoesNotMatch() throws Exception {
    TestPki pki = new TestPki();
    EnforcerConfig config = config(pki);
    try (Enforcer enforcer = Enforcer.start(config)) {
      Path otherCert = dir.resolve("other.crt");
      pki.issue("other", otherCert, dir.resolve("other.key"));
      Files.copy(otherCert, config.server().certFile(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      WebhookClient client = new WebhookClient(pki.clientContext(), enforcer.port());
      Waits.until("the failed reload is counted", Duration.ofSeconds(10),
          () -> client.metric("kube_policies_tls_reloads_total{result=\"failed\"}") >= 1);
      assertEquals("CN=enforcer", servedName(newClient(pki.clientContext()), enforcer.port()));
    }
  }

  @Test
  void refusesToStartWithAKeyThatDoesNotMatchTheCertificate() throws Exception {
    TestPki pki = new TestPki();
    EnforcerConfig config = config(pki);
    pki.issue("other", dir.resolve("other.crt"), config.server().keyFile());
    ConfigException e = assertThrows(ConfigException.class, () -> Enforcer.start(config));
    assertTrue(e.getMessage().contains("does not belong to the certificate"), e.getMessage());
  }

  @Test
  void refusesToStartWithoutTheCertificateFile() throws Exception {
    TestPki pki = new TestPki();
    EnforcerConfig config = config(pki);
    Files.delete(config.server().certFile());
    ConfigException e = assertThrows(ConfigException.class, () -> Enforcer.start(config));
    assertTrue(e.getMessage().startsWith("cannot read the TLS certificate " + config.server().certFile()), e.getMessage());
  }

  @Test
  void servesOnlyTls12AndLater() throws Exception {
    TestPki pki = new TestPki();
    try (Enforcer enforcer = Enforcer.start(config(pki))) {
      SSLContext tls = pki.clientContext();
      javax.net.ssl.SSLParameters old = tls.getDefaultSSLParameters();
      old.setProtocols(new String[] {"TLSv1.1"});
      HttpClient legacy = HttpClient.newBuilder().sslContext(tls).sslParameters(old).build();
      assertThrows(java.io.IOException.class, () -> legacy.send(
          HttpRequest.newBuilder(URI.create("https://localhost:" + enforcer.port() + "/healthz")).build(),
          HttpResponse.BodyHandlers.ofString()));
    }
  }
}
