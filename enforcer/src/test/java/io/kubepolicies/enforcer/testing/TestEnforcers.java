package io.kubepolicies.enforcer.testing;

import io.kubepolicies.enforcer.config.AdmissionConfig;
import io.kubepolicies.enforcer.config.BundleConfig;
import io.kubepolicies.enforcer.config.DecisionLogConfig;
import io.kubepolicies.enforcer.config.EnforcerConfig;
import io.kubepolicies.enforcer.config.ServerConfig;
import io.kubepolicies.enforcer.config.StoreConfig;
import java.net.URI;
import java.util.Optional;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Enforcer configurations for tests: loopback, a free port, a short poll interval, the test CA's certificate. */
public final class TestEnforcers {
  public static final String ENVIRONMENT = "dev";
  /** A store nobody listens at (the discard port on loopback). */
  public static final StoreConfig UNREACHABLE = new StoreConfig(Optional.of(URI.create("http://127.0.0.1:9")),
      "us-east-1", "kube-policies", true, Optional.empty());

  private TestEnforcers() {}

  /** {@code store} null: an unreachable store. */
  public static EnforcerConfig config(Path dir, TestPki pki, TestBundles bundles, TestStore store, Duration pollInterval)
      throws Exception {
    Files.createDirectories(dir);
    Path cert = dir.resolve("tls.crt");
    Path key = dir.resolve("tls.key");
    if (!Files.exists(cert)) {
      pki.issue("enforcer", cert, key);
    }
    Path trusted = bundles.writePublicKey(dir.resolve("signing.pub.pem"));
    return new EnforcerConfig(
        new ServerConfig("127.0.0.1", 0, cert, key, Duration.ofMillis(100)),
        AdmissionConfig.DEFAULT,
        new BundleConfig(ENVIRONMENT, store == null ? UNREACHABLE : store.config(), Map.of(TestBundles.KEY_ID, trusted), pollInterval, 0.2,
            Duration.ofSeconds(2), dir.resolve("cache"), 64L << 20),
        DecisionLogConfig.OFF);
  }
}
