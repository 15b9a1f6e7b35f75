package io.kubepolicies.enforcer.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kubepolicies.enforcer.decision.FailureMode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the enforcer's YAML configuration (every key and its default: {@code docs/enforcer.md}).
 * Relative paths are taken from the file's directory. Store credentials come from the files named by
 * {@code bundles.store.access_key_id_file} and {@code secret_access_key_file}, else from the
 * {@code AWS_ACCESS_KEY_ID} and {@code AWS_SECRET_ACCESS_KEY} environment variables, else none.
 */
public final class ConfigFile {
  static final String DEFAULT_HOST = "0.0.0.0";
  static final int DEFAULT_PORT = 8443;
  static final Duration DEFAULT_TLS_RELOAD = Duration.ofSeconds(10);
  static final Duration DEFAULT_POLL = Duration.ofSeconds(10);
  static final double DEFAULT_JITTER = 0.2;
  static final Duration DEFAULT_MAX_BACKOFF = Duration.ofMinutes(5);
  static final String DEFAULT_CACHE_DIR = "/var/cache/kube-policies";
  static final long DEFAULT_MAX_BUNDLE_BYTES = 64L << 20;
  static final String DEFAULT_REGION = "us-east-1";
  static final String DEFAULT_BUCKET = "kube-policies";

  private ConfigFile() {}

  public static EnforcerConfig load(Path file) throws ConfigException {
    return load(file, System.getenv());
  }

  static EnforcerConfig load(Path file, Map<String, String> env) throws ConfigException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException("cannot read the config file " + file + ": " + e.getMessage(), e);
    }
    Path baseDir = file.toAbsolutePath().getParent();
    try {
      return parse(text, baseDir, env);
    } catch (ConfigException e) {
      throw new ConfigException(file + ": " + e.getMessage(), e);
    }
  }

  static EnforcerConfig parse(String yaml, Path baseDir, Map<String, String> env) throws ConfigException {
    JsonNode root;
    try {
      root = new YAMLMapper().readTree(yaml);
    } catch (JacksonException e) {
      throw new ConfigException("not valid YAML: " + e.getOriginalMessage());
    }
    YamlSection top = new YamlSection("", root, baseDir);
    try {
      EnforcerConfig config = new EnforcerConfig(server(top.section("server")), admission(top.section("admission")),
          bundles(top.section("bundles"), env), decisionLog(top.section("decision_log")));
      top.rejectUnknownKeys();
      return config;
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  private static ServerConfig server(YamlSection s) throws ConfigException {
    long port = s.number("port", DEFAULT_PORT);
    if (port > 65_535) {
      throw new ConfigException(s.name("port") + " must be at most 65535");
    }
    return new ServerConfig(s.string("host", DEFAULT_HOST), (int) port, s.requiredPath("tls_cert_file"),
        s.requiredPath("tls_key_file"), s.duration("tls_reload_interval", DEFAULT_TLS_RELOAD));
  }

  private static AdmissionConfig admission(YamlSection s) throws ConfigException {
    AdmissionConfig d = AdmissionConfig.DEFAULT;
    String mode = s.word("failure_mode", "closed");
    FailureMode failureMode = switch (mode) {
      case "open" -> FailureMode.OPEN;
      case "closed" -> FailureMode.CLOSED;
      default -> throw new ConfigException(s.name("failure_mode") + " must be open or closed, got " + mode);
    };
    long max = s.number("max_request_bytes", d.maxRequestBytes());
    if (max == 0 || max > Integer.MAX_VALUE) {
      throw new ConfigException(s.name("max_request_bytes") + " must be between 1 and " + Integer.MAX_VALUE);
    }
    return new AdmissionConfig(failureMode, s.duration("deadline", d.deadline()), (int) max);
  }

  private static BundleConfig bundles(YamlSection s, Map<String, String> env) throws ConfigException {
    String environment = s.requiredString("environment");
    Map<String, Path> keys = s.paths("trusted_keys");
    if (keys.isEmpty()) {
      throw new ConfigException(s.name("trusted_keys") + " needs at least one key id and PEM file");
    }
    return new BundleConfig(environment, store(s.section("store"), env), keys,
        s.duration("poll_interval", DEFAULT_POLL), s.fraction("jitter", DEFAULT_JITTER),
        s.duration("max_backoff", DEFAULT_MAX_BACKOFF), s.path("cache_dir").orElse(Path.of(DEFAULT_CACHE_DIR)),
        s.number("max_bundle_bytes", DEFAULT_MAX_BUNDLE_BYTES));
  }

  private static StoreConfig store(YamlSection s, Map<String, String> env) throws ConfigException {
    Optional<URI> endpoint = Optional.empty();
    Optional<String> text = s.string("endpoint");
    if (text.isPresent()) {
      try {
        URI uri = new URI(text.get().strip());
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
          throw new ConfigException(s.name("endpoint") + " must be an http or https URL, got " + text.get());
        }
        endpoint = Optional.of(uri);
      } catch (URISyntaxException e) {
        throw new ConfigException(s.name("endpoint") + " is not a URL: " + e.getMessage());
      }
    }
    return new StoreConfig(endpoint, s.string("region", DEFAULT_REGION), s.string("bucket", DEFAULT_BUCKET),
        s.bool("path_style", endpoint.isPresent()), credentials(s, env));
  }

  private static Optional<StoreConfig.Credentials> credentials(YamlSection s, Map<String, String> env)
      throws ConfigException {
    Optional<Path> idFile = s.path("access_key_id_file");
    Optional<Path> secretFile = s.path("secret_access_key_file");
    if (idFile.isPresent() != secretFile.isPresent()) {
      throw new ConfigException(s.name("access_key_id_file") + " and " + s.name("secret_access_key_file")
          + " go together");
    }
    if (idFile.isPresent()) {
      return Optional.of(new StoreConfig.Credentials(secret(idFile.get()), secret(secretFile.get())));
    }
    String id = env.getOrDefault("AWS_ACCESS_KEY_ID", "");
    String secret = env.getOrDefault("AWS_SECRET_ACCESS_KEY", "");
    return id.isEmpty() || secret.isEmpty() ? Optional.empty() : Optional.of(new StoreConfig.Credentials(id, secret));
  }

  /** A credential file's content without surrounding whitespace (secrets mounted by Kubernetes often end in a newline). */
  private static String secret(Path file) throws ConfigException {
    try {
      String value = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (value.isEmpty()) {
        throw new ConfigException(file + " is empty");
      }
      return value;
    } catch (IOException e) {
      throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static DecisionLogConfig decisionLog(YamlSection s) throws ConfigException {
    String mode = s.word("mode", "stdout");
    Optional<Path> file = s.path("file");
    return switch (mode) {
      case "off" -> DecisionLogConfig.OFF;
      case "stdout" -> new DecisionLogConfig(DecisionLogConfig.Mode.STDOUT, Optional.empty());
      case "file" -> new DecisionLogConfig(DecisionLogConfig.Mode.FILE,
          Optional.of(file.orElseThrow(() -> new ConfigException(s.name("file") + " is required when mode is file"))));
      default -> throw new ConfigException(s.name("mode") + " must be off, stdout or file, got " + mode);
    };
  }
}
