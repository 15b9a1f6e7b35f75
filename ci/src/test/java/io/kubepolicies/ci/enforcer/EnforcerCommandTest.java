package io.kubepolicies.ci.enforcer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubepolicies.ci.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EnforcerCommandTest {
  @TempDir
  Path dir;

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return new Run(cli.execute(args), out.toString(), err.toString());
  }

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
