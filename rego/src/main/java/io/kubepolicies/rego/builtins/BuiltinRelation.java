package io.kubepolicies.rego.builtins;

import io.kubepolicies.rego.value.Value;
import java.util.function.Consumer;

/** A built-in that yields several outputs for one call (OPA calls these relations, e.g. {@code walk}). */
@FunctionalInterface
public interface BuiltinRelation {
  void call(BuiltinContext ctx, Value[] args, Consumer<Value> outputs);
}
