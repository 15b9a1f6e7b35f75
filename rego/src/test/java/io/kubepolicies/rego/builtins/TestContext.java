package io.kubepolicies.rego.builtins;

import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.Value;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/** A query context for calling built-ins directly in unit tests: a fixed clock and a fresh memo. */
public final class TestContext implements BuiltinContext {
  private final long now;
  private final Map<Object, Value> memo = new HashMap<>();

  public TestContext(long nowNanos) {
    this.now = nowNanos;
  }

  public TestContext() {
    this(1_700_000_000_000_000_000L);
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
    return false;
  }

  @Override
  public Value runtime() {
    return ObjectValue.EMPTY;
  }

  @Override
  public void checkCancelled() {}

  /** Calls the built-in {@code name} from {@code builtins} with {@code args}. */
  public Value call(Builtins builtins, String name, Value... args) {
    Builtin b = builtins.get(name);
    if (b == null) {
      throw new IllegalArgumentException("no built-in " + name);
    }
    return b.function().call(this, args);
  }
}
