package io.kubepolicies.enforcer.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubepolicies.enforcer.decision.FailureMode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
  private static final String MINIMAL = """
      server:
        tls_cert_file: tls/tls.crt
        tls_key_file: tls/tls.key
      bundles:
        environment: dev
        trusted_keys:
          dev-2026-11: keys/dev.pem
      """;
  private static final Path BASE = Path.of("/etc/kube-policies");

  @TempDir
  Path dir;

  private static EnforcerConfig parse(String yaml) throws ConfigException {
    return ConfigFile.parse(yaml, BASE, Map.of());
  }

  private static String error(String yaml) {
    return assertThrows(ConfigException.class, () -> parse(yaml)).getMessage();
  }

  @Test
  void fillsInEveryDefault() throws Exception {
    EnforcerConfig c = parse(MINIMAL);
    assertEquals(new ServerConfig("0.0.0.0", 8443, BASE.resolve("tls/tls.crt"), BASE.resolve("tls/tls.key"),
        Duration.ofSeconds(10)), c.server());
    assertEquals(new AdmissionConfig(FailureMode.CLOSED, Duration.ofSeconds(1), 3 << 20), c.admission());
    assertEquals(new BundleConfig("dev", new StoreConfig(Optional.empty(), "us-east-1", "kube-policies", false,
        Optional.empty()), Map.of("dev-2026-11", BASE.resolve("keys/dev.pem")), Duration.ofSeconds(10), 0.2,
        Duration.ofMinutes(5), Path.of("/var/cache/kube-policies"), 64L << 20), c.bundles());
    assertEquals(new DecisionLogConfig(DecisionLogConfig.Mode.STDOUT, Optional.empty()), c.decisionLog());
  }

  @Test
  void readsEveryKey() throws Exception {
    EnforcerConfig c = parse("""
        server: {host: 127.0.0.1, port: 9443, tls_cert_file: /tls/crt, tls_key_file: /tls/key, tls_reload_interval: 30s}
        admission: {failure_mode: open, deadline: 250ms, max_request_bytes: 1048576}
        bundles:
          environment: prod
          trusted_keys: {prod-2026-11: /keys/a.pem, prod-2027-05: /keys/b.pem}
          poll_interval: 1m
          jitter: 0.5
          max_backoff: 1h
          cache_dir: /cache
          max_bundle_bytes: 1000
          store: {endpoint: "http://minio.storage:9000", region: eu-west-1, bucket: policies, path_style: false}
        decision_log: {mode: file, file: /logs/decisions.jsonl}
        """);
    assertEquals(new ServerConfig("127.0.0.1", 9443, Path.of("/tls/crt"), Path.of("/tls/key"), Duration.ofSeconds(30)),
        c.server());
    assertEquals(new AdmissionConfig(FailureMode.OPEN, Duration.ofMillis(250), 1 << 20), c.admission());
    assertEquals(new BundleConfig("prod", new StoreConfig(Optional.of(URI.create("http://minio.storage:9000")),
        "eu-west-1", "policies", false, Optional.empty()),
        Map.of("prod-2026-11", Path.of("/keys/a.pem"), "prod-2027-05", Path.of("/keys/b.pem")), Duration.ofMinutes(1),
        0.5, Duration.ofHours(1), Path.of("/cache"), 1000), c.bundles());
    assertEquals(new DecisionLogConfig(DecisionLogConfig.Mode.FILE, Optional.of(Path.of("/logs/decisions.jsonl"))),
        c.decisionLog());
  }

  @Test
  void usesPathStyleByDefaultForACustomEndpoint() throws Exception {
    EnforcerConfig c = parse(MINIMAL + "  store: {endpoint: \"https://s3.internal\"}\n");
    assertEquals(true, c.bundles().store().pathStyle());
  }

  @Test
  void takesAnUnquotedOffAsOff() throws Exception {
    assertEquals(DecisionLogConfig.OFF, parse(MINIMAL + "decision_log: {mode: off}\n").decisionLog());
  }

  @Test
  void readsCredentialsFromFilesThenFromTheEnvironment() throws Exception {
    Files.writeString(dir.resolve("id"), "AKIAEXAMPLE\n");
    Files.writeString(dir.resolve("secret"), "s3cr3t\n");
    String yaml = MINIMAL + "  store: {access_key_id_file: id, secret_access_key_file: secret}\n";
    assertEquals(Optional.of(new StoreConfig.Credentials("AKIAEXAMPLE", "s3cr3t")),
        ConfigFile.parse(yaml, dir, Map.of()).bundles().store().credentials());
    assertEquals(Optional.of(new StoreConfig.Credentials("env-id", "env-secret")), ConfigFile.parse(MINIMAL, dir,
        Map.of("AWS_ACCESS_KEY_ID", "env-id", "AWS_SECRET_ACCESS_KEY", "env-secret")).bundles().store().credentials());
    assertEquals("bundles.store.access_key_id_file and bundles.store.secret_access_key_file go together",
        error(MINIMAL + "  store: {access_key_id_file: id}\n"));
  }

  @Test
  void loadsAFileResolvingPathsFromItsDirectory() throws Exception {
    Path file = dir.resolve("enforcer.yaml");
    Files.writeString(file, MINIMAL);
    assertEquals(dir.resolve("tls/tls.crt"), ConfigFile.load(file).server().certFile());
  }

  @Test
  void namesAMissingFile() {
    Path missing = dir.resolve("nope.yaml");
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigFile.load(missing));
    assertEquals(true, e.getMessage().startsWith("cannot read the config file " + missing), e.getMessage());
  }

  @Test
  void rejectsUnknownKeysByFullName() {
    assertEquals("unknown key bundles.store.buckett", error(MINIMAL + "  store: {buckett: x}\n"));
    assertEquals("unknown key admision", error(MINIMAL + "admision: {}\n"));
  }

  @Test
  void requiresTheCertificateTheEnvironmentAndAKey() {
    assertEquals("server.tls_cert_file is required", error("server: {tls_key_file: k}\nbundles: {environment: dev}\n"));
    assertEquals("bundles.environment is required", error("server: {tls_cert_file: c, tls_key_file: k}\n"));
    assertEquals("bundles.trusted_keys needs at least one key id and PEM file",
        error("server: {tls_cert_file: c, tls_key_file: k}\nbundles: {environment: dev}\n"));
  }

  @Test
  void rejectsBadValuesWithTheKey() {
    assertEquals("admission.deadline: \"1 second\" is not a duration like 500ms, 10s, 5m or 1h",
        error(MINIMAL + "admission: {deadline: 1 second}\n"));
    assertEquals("admission.failure_mode must be open or closed, got sideways",
        error(MINIMAL + "admission: {failure_mode: sideways}\n"));
    assertEquals("server.port must be a non-negative integer, got \"https\"", error(MINIMAL.replace("server:\n",
        "server:\n  port: https\n")));
    assertEquals("server.port must be at most 65535", error(MINIMAL.replace("server:\n", "server:\n  port: 70000\n")));
    assertEquals("jitter must be at least 0 and below 1, got 1.5", error(MINIMAL + "  jitter: 1.5\n"));
    assertEquals("poll interval must be positive, got PT0S", error(MINIMAL + "  poll_interval: 0s\n"));
    assertEquals("bundles.store.endpoint must be an http or https URL, got ftp://x",
        error(MINIMAL + "  store: {endpoint: \"ftp://x\"}\n"));
    assertEquals("decision_log.file is required when mode is file", error(MINIMAL + "decision_log: {mode: file}\n"));
    assertEquals("bundles must be a mapping", error("server: {tls_cert_file: c, tls_key_file: k}\nbundles: [1]\n"));
  }

  @Test
  void rejectsMalformedYaml() {
    assertEquals(true, error("server: [unclosed\n").startsWith("not valid YAML: "));
  }
}
