package io.kubepolicies.enforcer.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubepolicies.enforcer.config.ConfigException;
import io.kubepolicies.enforcer.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloadingTlsTest {
  @TempDir
  Path dir;

  private TestPki pki;
  private Path cert;
  private Path key;

  @BeforeEach
  void issue() throws Exception {
    pki = new TestPki();
    cert = dir.resolve("tls.crt");
    key = dir.resolve("tls.key");
    pki.issue("first", cert, key);
  }

  private static String servedName(ReloadingTls tls) throws Exception {
    KeyStore store = tls.factory().getKeyStore();
    return ((X509Certificate) store.getCertificate(store.aliases().nextElement())).getSubjectX500Principal().getName();
  }

  @Test
  void offersOnlyTls12And13() throws Exception {
    ReloadingTls tls = ReloadingTls.load(cert, key);
    tls.factory().start();
    try {
      assertEquals(Set.of("TLSv1.2", "TLSv1.3"), Set.of(tls.factory().getSelectedProtocols()));
    } finally {
      tls.factory().stop();
    }
  }

  @Test
  void loadsTheWholeChain() throws Exception {
    ReloadingTls tls = ReloadingTls.load(cert, key);
    KeyStore store = tls.factory().getKeyStore();
    assertEquals(2, store.getCertificateChain(store.aliases().nextElement()).length, "leaf and CA");
    assertEquals("CN=first", servedName(tls));
  }

  @Test
  void reloadsOnlyWhenTheFilesChange() throws Exception {
    ReloadingTls tls = ReloadingTls.load(cert, key);
    tls.factory().start();
    try {
      assertFalse(tls.reloadIfChanged());
      pki.issue("second", cert, key);
      assertTrue(tls.reloadIfChanged());
      assertEquals("CN=second", servedName(tls));
      assertFalse(tls.reloadIfChanged());
    } finally {
      tls.factory().stop();
    }
  }

  @Test
  void keepsTheLoadedPairWhenTheNewOneDoesNotMatch() throws Exception {
    ReloadingTls tls = ReloadingTls.load(cert, key);
    pki.issue("other", cert, dir.resolve("other.key"));
    ConfigException e = assertThrows(ConfigException.class, tls::reloadIfChanged);
    assertEquals("TLS key " + key + " does not belong to the certificate in " + cert, e.getMessage());
    assertEquals("CN=first", servedName(tls));
  }

  @Test
  void refusesFilesThatAreNotPem() throws Exception {
    Files.writeString(cert, "not a certificate");
    ConfigException e = assertThrows(ConfigException.class, () -> ReloadingTls.load(cert, key));
    assertTrue(e.getMessage().startsWith("TLS certificate " + cert), e.getMessage());
    pki.issue("first", cert, key);
    Files.writeString(key, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
    e = assertThrows(ConfigException.class, () -> ReloadingTls.load(cert, key));
    assertTrue(e.getMessage().startsWith("TLS key " + key), e.getMessage());
  }
}
