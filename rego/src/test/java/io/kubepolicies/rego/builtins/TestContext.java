package io.kubepolicies.rego.builtins;

import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.Value;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A query context for calling built-ins directly in unit tests (through {@link FamilyCalls}): a fixed
 * clock, a fresh memo, network access off unless asked for, and optionally a query that has been
 * cancelled.
 */
public final class TestContext implements BuiltinContext {
  private static final long DEFAULT_NOW = 1_700_000_000_000_000_000L;

  private final long now;
  private final boolean networkAllowed;
  private final RuntimeException cancellation;
  private final Map<Object, Value> memo = new HashMap<>();

  public TestContext() {
    this(DEFAULT_NOW);
  }

  public TestContext(long nowNanos) {
    this(nowNanos, false, null);
  }

  private TestContext(long nowNanos, boolean networkAllowed, RuntimeException cancellation) {
    this.now = nowNanos;
    this.networkAllowed = networkAllowed;
    this.cancellation = cancellation;
  }

  /** A fresh context with this one's clock in which network built-ins may run. */
  public TestContext withNetwork() {
    return new TestContext(now, true, cancellation);
  }

  /** A fresh context with this one's clock whose query has been cancelled: {@link #checkCancelled()} throws. */
  public TestContext cancelledWith(RuntimeException cancellation) {
    return new TestContext(now, networkAllowed, cancellation);
  }

  @Override
  public long nowNanos() {
    return now;
  }

  @Override
  public Value memo(Object key, Function<Object, Value> compute) {
    return memo.computeIfAbsent(key, compute);
  }

  @Override
  public boolean networkAllowed() {
    return networkAllowed;
  }

  @Override
  public Value runtime() {
    return ObjectValue.EMPTY;
  }

  @Override
  public void checkCancelled() {
    if (cancellation != null) {
      throw cancellation;
    }
  }
}
