package io.kubepolicies.enforcer;

import io.kubepolicies.enforcer.bundle.ActiveBundle;
import io.kubepolicies.enforcer.bundle.BundleActivator;
import io.kubepolicies.enforcer.bundle.BundleCache;
import io.kubepolicies.enforcer.bundle.BundlePoller;
import io.kubepolicies.enforcer.bundle.BundleStore;
import io.kubepolicies.enforcer.bundle.S3BundleStore;
import io.kubepolicies.enforcer.bundle.TrustedKeyFiles;
import io.kubepolicies.enforcer.config.ConfigException;
import io.kubepolicies.enforcer.config.EnforcerConfig;
import io.kubepolicies.enforcer.log.DecisionLog;
import io.kubepolicies.enforcer.metrics.EnforcerMetrics;
import io.kubepolicies.enforcer.server.ReloadingTls;
import io.kubepolicies.enforcer.server.WebhookServer;
import io.kubepolicies.signing.bundle.BundleLimits;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running enforcer: the HTTPS admission webhooks, the bundle poller and the certificate reloader.
 * Embeddable: {@link #start} returns once the server listens (serving the persisted bundle, if any
 * verifies, while the first poll runs); {@link #close} stops everything.
 */
public final class Enforcer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Enforcer.class);

  private final WebhookServer server;
  private final BundlePoller poller;
  private final Deque<AutoCloseable> resources;

  private Enforcer(WebhookServer server, BundlePoller poller, Deque<AutoCloseable> resources) {
    this.server = server;
    this.poller = poller;
    this.resources = resources;
  }

  /** Starts an enforcer; a bad certificate, key or trusted key file fails here, an unreachable store does not. */
  public static Enforcer start(EnforcerConfig config) throws ConfigException {
    Deque<AutoCloseable> resources = new ArrayDeque<>();
    try {
      EnforcerMetrics metrics = new EnforcerMetrics();
      ReloadingTls tls = ReloadingTls.load(config.server().certFile(), config.server().keyFile());
      BundleActivator activator = new BundleActivator(config.bundles().environment(),
          TrustedKeyFiles.load(config.bundles().trustedKeys()), BundleLimits.DEFAULT, Clock.systemUTC());
      DecisionLog log = DecisionLog.open(config.decisionLog(), metrics);
      resources.push(log);
      BundleStore store = S3BundleStore.open(config.bundles().store());
      resources.push(store);
      BundlePoller poller = new BundlePoller(config.bundles(), store, activator,
          new BundleCache(config.bundles().cacheDir()), metrics);
      resources.push(poller);
      poller.start();
      WebhookServer server = WebhookServer.start(config.server(), tls, config.admission(), poller::current, metrics, log,
          Clock.systemUTC());
      resources.push(server);
      ScheduledExecutorService tlsWatcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kube-policies-tls-reloader");
        t.setDaemon(true);
        return t;
      });
      resources.push(tlsWatcher::shutdownNow);
      long every = config.server().tlsReloadInterval().toMillis();
      tlsWatcher.scheduleWithFixedDelay(() -> reloadTls(tls, metrics), every, every, TimeUnit.MILLISECONDS);
      LOG.info("kube-policies enforcer for environment {} listening on https://{}:{}", config.bundles().environment(),
          config.server().host(), server.port());
      return new Enforcer(server, poller, resources);
    } catch (ConfigException | RuntimeException e) {
      closeAll(resources);
      throw e;
    }
  }

  private static void reloadTls(ReloadingTls tls, EnforcerMetrics metrics) {
    try {
      if (tls.reloadIfChanged()) {
        metrics.tlsReloaded(true);
        LOG.info("reloaded the serving certificate");
      }
    } catch (ConfigException e) {
      metrics.tlsReloaded(false);
      LOG.warn("keeping the previous serving certificate: {}", e.getMessage());
    }
  }

  /** The HTTPS port. */
  public int port() {
    return server.port();
  }

  /** The bundle new requests are decided on, if one is active. */
  public Optional<ActiveBundle> activeBundle() {
    return Optional.ofNullable(poller.current());
  }

  /** Whether a verified bundle is active (what {@code /readyz} reports). */
  public boolean ready() {
    return poller.current() != null;
  }

  /** Stops serving, polling and reloading; returns when they have stopped. */
  @Override
  public void close() {
    closeAll(resources);
  }

  private static void closeAll(Deque<AutoCloseable> resources) {
    while (!resources.isEmpty()) {
      try {
        resources.pop().close();
      } catch (Exception e) {
        LOG.warn("error while stopping: {}", e.toString());
      }
    }
  }
}
