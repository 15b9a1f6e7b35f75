package io.kubepolicies.enforcer.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Which bundles to enforce and how to fetch them: the environment's pointer is polled every
 * {@code pollInterval}, shortened at random by up to {@code jitter} (a fraction) so a fleet spreads
 * out yet still looks within one interval; failures back off exponentially up to {@code maxBackoff}.
 * The last good bundle is kept in {@code cacheDir}.
 *
 * @param trustedKeys key id to PEM public key (or certificate) file; several during a rotation
 */
public record BundleConfig(String environment, StoreConfig store, Map<String, Path> trustedKeys, Duration pollInterval,
    double jitter, Duration maxBackoff, Path cacheDir, long maxBundleBytes) {

  public BundleConfig {
    if (environment.isEmpty()) {
      throw new IllegalArgumentException("the environment must not be empty");
    }
    if (trustedKeys.isEmpty()) {
      throw new IllegalArgumentException("at least one trusted key is needed");
    }
    trustedKeys = Map.copyOf(trustedKeys);
    Durations.requirePositive("poll interval", pollInterval);
    Durations.requirePositive("max backoff", maxBackoff);
    if (!(jitter >= 0 && jitter < 1)) {
      throw new IllegalArgumentException("jitter must be at least 0 and below 1, got " + jitter);
    }
    if (maxBundleBytes <= 0) {
      throw new IllegalArgumentException("max bundle bytes must be positive");
    }
  }

  public BundleConfig withEnvironment(String value) {
    return new BundleConfig(value, store, trustedKeys, pollInterval, jitter, maxBackoff, cacheDir, maxBundleBytes);
  }
}
