package io.kubepolicies.enforcer.testing;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waiting for something another thread does (a poll, an activation), with a generous limit. */
public final class Waits {
  private Waits() {}

  /** Returns how long it took until {@code condition} held; fails after {@code limit}. */
  public static Duration until(String what, Duration limit, Callable<Boolean> condition) throws Exception {
    long start = System.nanoTime();
    long end = start + limit.toNanos();
    while (!condition.call()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out after " + limit + " waiting until " + what);
      }
      Thread.sleep(10);
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
