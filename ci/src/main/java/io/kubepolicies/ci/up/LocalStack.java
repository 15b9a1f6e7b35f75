package io.kubepolicies.ci.up;

import io.kubepolicies.enforcer.Enforcer;
import io.kubepolicies.enforcer.bundle.ActiveBundle;
import io.kubepolicies.enforcer.config.AdmissionConfig;
import io.kubepolicies.enforcer.config.BundleConfig;
import io.kubepolicies.enforcer.config.ConfigException;
import io.kubepolicies.enforcer.config.DecisionLogConfig;
import io.kubepolicies.enforcer.config.EnforcerConfig;
import io.kubepolicies.enforcer.config.ServerConfig;
import io.kubepolicies.server.BundleServer;
import io.kubepolicies.server.local.EmbeddedS3;
import io.kubepolicies.server.local.LocalKeys;
import io.kubepolicies.server.local.LocalTls;
import io.kubepolicies.server.local.LocalTokens;
import io.kubepolicies.server.release.Environments;
import io.kubepolicies.server.release.SoakPolicy;
import io.kubepolicies.server.store.S3ObjectStore;
import io.kubepolicies.server.store.StoreConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;

/**
 * Everything {@code kube-policies up} runs, on loopback: an embedded S3-compatible store with its
 * data under the state directory, the bundle-server, and (once something is published, so that its
 * first poll finds it) an enforcer for the first environment; the local CA, signing keys and tokens
 * are made on first use. {@link #close} stops them in reverse.
 */
public final class LocalStack implements AutoCloseable {
  public static final String HOST = "127.0.0.1";
  public static final Environments ENVIRONMENTS = Environments.DEFAULT;
  private static final Duration POLL_INTERVAL = Duration.ofSeconds(2);
  private static final Duration TLS_RELOAD_INTERVAL = Duration.ofSeconds(10);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
  private static final long MAX_BUNDLE_BYTES = 64L << 20;

  /** Where state lives, the ports of the store and the bundle-server (0: any free port), the soak time. */
  public record Options(Path stateDir, int serverPort, int storePort, Duration soak) {}

  private final Deque<AutoCloseable> running;
  private final Path state;
  private final EmbeddedS3 store;
  private final BundleServer server;
  private final LocalTls tls;
  private final LocalKeys keys;
  private final LocalTokens tokens;
  private Enforcer enforcer;

  private LocalStack(Deque<AutoCloseable> running, Path state, EmbeddedS3 store, BundleServer server, LocalTls tls,
      LocalKeys keys, LocalTokens tokens) {
    this.running = running;
    this.state = state;
    this.store = store;
    this.server = server;
    this.tls = tls;
    this.keys = keys;
    this.tokens = tokens;
  }

  /** Starts the store and the bundle-server. */
  public static LocalStack start(Options options) throws IOException {
    Path state = options.stateDir().toAbsolutePath().normalize();
    Deque<AutoCloseable> running = new ArrayDeque<>();
    try {
      LocalTls tls = LocalTls.ensure(state.resolve("tls"));
      LocalKeys keys = LocalKeys.ensure(state.resolve("keys"), ENVIRONMENTS.order());
      LocalTokens tokens = LocalTokens.ensure(state);
      EmbeddedS3 store = EmbeddedS3.startWithStoredCredentials(state.resolve("store"), state.resolve("store.credentials"),
          HOST, options.storePort());
      running.push(store);
      StoreConfig storeConfig = store.config(StoreConfig.DEFAULT_BUCKET);
      try (S3ObjectStore objects = S3ObjectStore.open(storeConfig)) {
        objects.ensureBucket();
      }
      BundleServer server = BundleServer.start(new BundleServer.Config(storeConfig, ENVIRONMENTS, keys.signingKeys(),
          SoakPolicy.of(options.soak()), tokens.tokens(), HOST, options.serverPort(), Optional.of(tls.server())));
      running.push(server);
      return new LocalStack(running, state, store, server, tls, keys, tokens);
    } catch (IOException | RuntimeException e) {
      closeAll(running);
      throw e;
    }
  }

  /** Starts the first environment's enforcer on {@code port}, trusting that environment's local key. */
  public void startEnforcer(int port) throws ConfigException {
    String environment = ENVIRONMENTS.first();
    StoreConfig storeConfig = store.config(StoreConfig.DEFAULT_BUCKET);
    enforcer = Enforcer.start(new EnforcerConfig(
        new ServerConfig(HOST, port, tls.server().certificateChain(), tls.server().privateKey(), TLS_RELOAD_INTERVAL),
        AdmissionConfig.DEFAULT,
        new BundleConfig(environment, enforcerStore(storeConfig),
            Map.of(LocalKeys.keyId(environment), keys.publicKey(environment)), POLL_INTERVAL, 0.1, MAX_BACKOFF,
            state.resolve("enforcer-cache"), MAX_BUNDLE_BYTES),
        new DecisionLogConfig(DecisionLogConfig.Mode.STDOUT, Optional.empty())));
    running.push(enforcer);
  }

  private static io.kubepolicies.enforcer.config.StoreConfig enforcerStore(StoreConfig config) {
    return new io.kubepolicies.enforcer.config.StoreConfig(Optional.of(config.endpoint()), config.region(),
        config.bucket(), config.pathStyle(), Optional.of(new io.kubepolicies.enforcer.config.StoreConfig.Credentials(
            config.accessKeyId(), config.secretAccessKey())));
  }

  public BundleServer server() {
    return server;
  }

  public String storeUrl() {
    return store.endpoint().toString();
  }

  public String enforcerUrl() {
    return "https://" + HOST + ":" + enforcer.port();
  }

  public Path caCertificate() {
    return tls.caCertificate();
  }

  public LocalTokens tokens() {
    return tokens;
  }

  /** The enforcer's active bundle sequence, if it runs and has one. */
  public Optional<Long> activeSequence() {
    return Optional.ofNullable(enforcer).flatMap(Enforcer::activeBundle).map(ActiveBundle::sequence);
  }

  @Override
  public void close() {
    closeAll(running);
  }

  private static void closeAll(Deque<AutoCloseable> running) {
    while (!running.isEmpty()) {
      try {
        running.pop().close();
      } catch (Exception e) {
        // Keep stopping the rest: one component failing to stop must not leave the others running.
      }
    }
  }
}
