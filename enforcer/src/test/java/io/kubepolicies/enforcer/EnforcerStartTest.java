package io.kubepolicies.enforcer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubepolicies.enforcer.config.BundleConfig;
import io.kubepolicies.enforcer.config.ConfigException;
import io.kubepolicies.enforcer.config.EnforcerConfig;
import io.kubepolicies.enforcer.config.ServerConfig;
import io.kubepolicies.enforcer.testing.TestBundles;
import io.kubepolicies.enforcer.testing.TestEnforcers;
import io.kubepolicies.enforcer.testing.TestPki;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What stops an enforcer at start, each with one clear message; an unreachable store does not. */
class EnforcerStartTest {
  @TempDir
  Path dir;

  private EnforcerConfig config() throws Exception {
    return TestEnforcers.config(dir, new TestPki(), new TestBundles(), null, Duration.ofSeconds(10));
  }

  @Test
  void startsWithoutAStoreButIsNotReady() throws Exception {
    try (Enforcer enforcer = Enforcer.start(config())) {
      assertFalse(enforcer.ready());
      assertTrue(enforcer.activeBundle().isEmpty());
      assertTrue(enforcer.port() > 0);
    }
  }

  @Test
  void refusesAKeyThatDoesNotMatchTheCertificate() throws Exception {
    TestPki pki = new TestPki();
    EnforcerConfig config = TestEnforcers.config(dir, pki, new TestBundles(), null, Duration.ofSeconds(10));
    pki.issue("other", dir.resolve("other.crt"), config.server().keyFile());
    ConfigException e = assertThrows(ConfigException.class, () -> Enforcer.start(config));
    assertEquals("TLS key " + config.server().keyFile() + " does not belong to the certificate in "
        + config.server().certFile(), e.getMessage());
  }

  @Test
  void refusesAMissingCertificateFile() throws Exception {
    EnforcerConfig config = config();
    Files.delete(config.server().certFile());
    ConfigException e = assertThrows(ConfigException.class, () -> Enforcer.start(config));
    assertTrue(e.getMessage().startsWith("cannot read the TLS certificate " + config.server().certFile()), e.getMessage());
  }

  @Test
  void refusesAnUnreadableTrustedKey() throws Exception {
    EnforcerConfig config = config();
    Path bad = Files.writeString(dir.resolve("bad.pem"), "not a key");
    EnforcerConfig withBadKey = config.withBundles(new BundleConfig("dev",
        config.bundles().store(), Map.of("dev-1", bad), config.bundles().pollInterval(), 0, Duration.ofSeconds(1),
        config.bundles().cacheDir(), 1 << 20));
    ConfigException e = assertThrows(ConfigException.class, () -> Enforcer.start(withBadKey));
    assertEquals("trusted key dev-1 (" + bad + "): no PEM key found", e.getMessage());
  }

  @Test
  void refusesAPortInUse() throws Exception {
    EnforcerConfig config = config();
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      ServerConfig s = config.server();
      EnforcerConfig onTakenPort = new EnforcerConfig(new ServerConfig(s.host(), taken.getLocalPort(), s.certFile(),
          s.keyFile(), s.tlsReloadInterval()), config.admission(), config.bundles(), config.decisionLog());
      ConfigException e = assertThrows(ConfigException.class, () -> Enforcer.start(onTakenPort));
      assertTrue(e.getMessage().startsWith("cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": "), e.getMessage());
    }
  }
}
