package io.kubepolicies.enforcer.bundle;

import java.time.Duration;

/**
 * When to poll next: every {@code interval}, doubled per consecutive failure up to {@code maxBackoff},
 * then shortened by up to the {@code jitter} fraction so a fleet of enforcers spreads out. Jitter
 * never lengthens a wait, so a new bundle is seen within one interval while the store is healthy.
 */
record PollSchedule(Duration interval, double jitter, Duration maxBackoff) {
  /** {@code random} is uniform in [0, 1). */
  Duration delayAfter(int consecutiveFailures, double random) {
    Duration base = interval;
    if (consecutiveFailures > 0) {
      Duration ceiling = maxBackoff.compareTo(interval) > 0 ? maxBackoff : interval;
      Duration backoff = interval.multipliedBy(1L << Math.min(consecutiveFailures - 1, 30));
      base = backoff.compareTo(ceiling) > 0 ? ceiling : backoff;
    }
    return Duration.ofNanos((long) (base.toNanos() * (1 - jitter * random)));
  }
}
