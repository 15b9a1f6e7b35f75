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
 * data under the state directory, the bundle-server, and an enforcer for the first environment,
 * with the local CA, signing keys and tokens made on first use. {@link #close} stops them in reverse.
 */
public final class LocalStack implements AutoCloseable {
  public static final String HOST = "127.0.0.1";
  public static final Environments ENVIRONMENTS = Environments.DEFAULT;
  private static final Duration POLL_INTERVAL = Duration.ofSeconds(2);
  private static final Duration TLS_RELOAD_INTERVAL = Duration.ofSeconds(10);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
  private static final long MAX_BUNDLE_BYTES = 64L << 20;

  /** Where state lives and which ports to use (0: any free port). */
  public record Options(Path stateDir, int enforcerPort, int serverPort, int storePort, Duration soak) {}

  private final Deque<AutoCloseable> running;
  private final EmbeddedS3 store;
  private final BundleServer server;
  private final Enforcer enforcer;
  private final LocalTls tls;
  private final LocalTokens tokens;

  private LocalStack(Deque<AutoCloseable> running, EmbeddedS3 store, BundleServer server, Enforcer enforcer,
      LocalTls tls, LocalTokens tokens) {
    this.running = running;
    this.store = store;
    this.server = server;
    this.enforcer = enforcer;
    this.tls = tls;
    this.tokens = tokens;
  }

  public static LocalStack start(Options options) throws IOException, ConfigException {
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
      String environment = ENVIRONMENTS.first();
      Enforcer enforcer = Enforcer.start(new EnforcerConfig(
          new ServerConfig(HOST, options.enforcerPort(), tls.server().certificateChain(), tls.server().privateKey(),
              TLS_RELOAD_INTERVAL),
          AdmissionConfig.DEFAULT,
          new BundleConfig(environment, enforcerStore(storeConfig),
              Map.of(LocalKeys.keyId(environment), keys.publicKey(environment)), POLL_INTERVAL, 0.1, MAX_BACKOFF,
              state.resolve("enforcer-cache"), MAX_BUNDLE_BYTES),
          new DecisionLogConfig(DecisionLogConfig.Mode.STDOUT, Optional.empty())));
      running.push(enforcer);
      return new LocalStack(running, store, server, enforcer, tls, tokens);
    } catch (IOException | ConfigException | RuntimeException e) {
      closeAll(running);
      throw e;
    }
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

  /** The enforcer's active bundle sequence, if any. */
  public Optional<Long> activeSequence() {
    return enforcer.activeBundle().map(ActiveBundle::sequence);
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
