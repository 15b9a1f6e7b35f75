package io.kubepolicies.enforcer.bundle;

import io.kubepolicies.enforcer.config.BundleConfig;
import io.kubepolicies.enforcer.metrics.EnforcerMetrics;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the active bundle current: polls the environment's pointer (an unchanged one costs a 304),
 * fetches and activates what it names, and swaps it in atomically; in-flight requests keep the bundle
 * they started with. A refused bundle is counted and logged, and the last good one keeps serving.
 * Store failures back off exponentially. One thread does all of it, so activations never overlap.
 */
public final class BundlePoller implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BundlePoller.class);
  // Worth fetching again later: the object may appear, the store may come back. Anything else is
  // about immutable content, so the pointer's ETag is kept and the same content is not fetched again.
  private static final Set<BundleFailure> TRANSIENT = Set.of(BundleFailure.STORE_UNAVAILABLE, BundleFailure.NOT_FOUND);

  /** What one poll did; the {@code result} label of {@code kube_policies_bundle_polls_total}. */
  enum Result {
    NOT_MODIFIED, UNCHANGED, ACTIVATED, REJECTED, FAILED;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final BundleConfig config;
  private final BundleStore store;
  private final BundleActivator activator;
  private final BundleCache cache;
  private final EnforcerMetrics metrics;
  private final PollSchedule schedule;
  private final AtomicReference<ActiveBundle> active = new AtomicReference<>();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "kube-policies-bundle-poller");
    t.setDaemon(true);
    return t;
  });
  // Touched only by the poller thread (and by start() before the thread runs).
  private String pointerEtag;
  private int consecutiveFailures;

  public BundlePoller(BundleConfig config, BundleStore store, BundleActivator activator, BundleCache cache,
      EnforcerMetrics metrics) {
    this.config = config;
    this.store = store;
    this.activator = activator;
    this.cache = cache;
    this.metrics = metrics;
    this.schedule = new PollSchedule(config.pollInterval(), config.jitter(), config.maxBackoff());
  }

  /** Serves the persisted bundle, if it still verifies, then polls right away and from then on. */
  public void start() {
    restoreFromCache();
    scheduler.execute(this::pollAndReschedule);
  }

  /** The bundle new requests decide on, or null before any bundle was activated. */
  public ActiveBundle current() {
    return active.get();
  }

  private void restoreFromCache() {
    try {
      Optional<byte[]> archive = cache.load();
      if (archive.isPresent()) {
        ActiveBundle restored = activator.activate(archive.get(), Optional.empty(), 0);
        swapIn(restored, "persisted copy " + cache.file());
      }
    } catch (BundleRejectedException e) {
      metrics.bundleFailed(e.reason());
      LOG.warn("not serving the persisted bundle {} ({}): {}", cache.file(), e.reason().label(), e.getMessage());
    }
  }

  private void pollAndReschedule() {
    Result result;
    try {
      result = pollOnce();
    } catch (RuntimeException e) {
      // A defect must not end the polling: the next poll may well succeed.
      LOG.error("bundle poll failed unexpectedly; still serving {}", describe(active.get()), e);
      result = Result.FAILED;
    }
    metrics.polled(result.label());
    consecutiveFailures = result == Result.FAILED ? consecutiveFailures + 1 : 0;
    try {
      Duration delay = schedule.delayAfter(consecutiveFailures, ThreadLocalRandom.current().nextDouble());
      scheduler.schedule(this::pollAndReschedule, delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      LOG.debug("bundle poller stopped");
    }
  }

  /** One poll: the pointer, then (if it changed) the bundle it names. */
  Result pollOnce() {
    BundleStore.StoredObject stored;
    try {
      Optional<BundleStore.StoredObject> changed = store.pointer(config.environment(), pointerEtag);
      if (changed.isEmpty()) {
        return Result.NOT_MODIFIED;
      }
      stored = changed.get();
    } catch (BundleRejectedException e) {
      return failed(e, "bundle pointer");
    }
    try {
      BundlePointer pointer = BundlePointer.parse(stored.content(), config.environment());
      ActiveBundle current = active.get();
      if (current != null && current.sha256().equals(pointer.sha256())) {
        pointerEtag = stored.etag();
        return Result.UNCHANGED;
      }
      long start = System.nanoTime();
      byte[] archive = store.bundle(pointer.key(), config.maxBundleBytes());
      ActiveBundle next = activator.activate(archive, Optional.of(pointer), current == null ? 0 : current.sequence());
      swapIn(next, pointer.key() + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
      pointerEtag = stored.etag();
      persist(archive);
      return Result.ACTIVATED;
    } catch (BundleRejectedException e) {
      if (TRANSIENT.contains(e.reason())) {
        return failed(e, "bundle");
      }
      pointerEtag = stored.etag();
      metrics.bundleFailed(e.reason());
      LOG.warn("rejected bundle ({}): {}; still serving {}", e.reason().label(), e.getMessage(), describe(active.get()));
      return Result.REJECTED;
    }
  }

  private Result failed(BundleRejectedException e, String what) {
    metrics.bundleFailed(e.reason());
    LOG.warn("cannot fetch the {} ({}): {}; still serving {}", what, e.reason().label(), e.getMessage(),
        describe(active.get()));
    return Result.FAILED;
  }

  private void persist(byte[] archive) {
    try {
      cache.save(archive);
    } catch (BundleRejectedException e) {
      metrics.bundleFailed(e.reason());
      LOG.warn("the active bundle is not persisted ({}): {}", e.reason().label(), e.getMessage());
    }
  }

  private void swapIn(ActiveBundle next, String source) {
    active.set(next);
    metrics.bundleActivated(next);
    LOG.info("activated bundle revision {} (sequence {}, environment {}) from {}", next.revision(), next.sequence(),
        next.environment(), source);
  }

  private static String describe(ActiveBundle b) {
    return b == null ? "no bundle" : "revision " + b.revision() + " (sequence " + b.sequence() + ")";
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
