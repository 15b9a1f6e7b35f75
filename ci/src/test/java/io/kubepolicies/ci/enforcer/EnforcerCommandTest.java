package io.kubepolicies.ci.enforcer;

import static io.kubepolicies.ci.support.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubepolicies.ci.support.Cli.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnforcerCommandTest {
  @TempDir
  Path dir;

  @Test
  void requiresAConfigFile() {
    Run r = run("enforcer");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("Missing required option: '--config=FILE'"), r.err());
  }

  @Test
  void reportsAnUnreadableConfigWithoutAStackTrace() {
    Path missing = dir.resolve("missing.yaml");
    Run r = run("enforcer", "--config", missing.toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().startsWith("error: cannot read the config file " + missing), r.err());
  }

  @Test
  void reportsAnInvalidConfigByKey() throws Exception {
    Path file = dir.resolve("enforcer.yaml");
    Files.writeString(file, "server: {tls_cert_file: c.pem, tls_key_file: k.pem, prot: 1}\n");
    Run r = run("enforcer", "--config", file.toString());
    assertEquals(1, r.exit());
    assertEquals("error: " + file + ": bundles.environment is required", r.err().strip());
  }

  @Test
  void reportsMissingCertificateFilesBeforeListening() throws Exception {
    Path file = dir.resolve("enforcer.yaml");
    Files.writeString(file, """
        server: {tls_cert_file: tls.crt, tls_key_file: tls.key}
        bundles: {environment: dev, trusted_keys: {dev-1: dev.pem}}
        """);
    Run r = run("enforcer", "--config", file.toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().startsWith("error: cannot read the TLS certificate " + dir.resolve("tls.crt")), r.err());
  }
}
