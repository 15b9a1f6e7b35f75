package io.kubepolicies.rego.builtins.support;

import io.kubepolicies.rego.builtins.Builtin;
import io.kubepolicies.rego.builtins.BuiltinContext;
import io.kubepolicies.rego.builtins.Builtins;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.Value;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/** Like {@code TestContext}, but with network access allowed, for the built-ins that need it. */
public final class NetworkContext implements BuiltinContext {
  private final Map<Object, Value> memo = new HashMap<>();

  @Override
  public long nowNanos() {
    return 1_700_000_000_000_000_000L;
  }

  @Override
  public Value memo(Object key, Function<Object, Value> compute) {
    return memo.computeIfAbsent(key, compute);
  }

  @Override
  public boolean networkAllowed() {
    return true;
  }

  @Override
  public Value runtime() {
    return ObjectValue.EMPTY;
  }

  @Override
  public void checkCancelled() {}

  public Value call(Builtins builtins, String name, Value... args) {
    Builtin b = builtins.get(name);
    if (b == null) {
      throw new IllegalArgumentException("no built-in " + name);
    }
    return b.function().call(this, args);
  }
}
