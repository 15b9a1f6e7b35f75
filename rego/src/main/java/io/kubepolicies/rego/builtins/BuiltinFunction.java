package io.kubepolicies.rego.builtins;

import io.kubepolicies.rego.value.Value;

/**
 * The implementation of a built-in function. Arguments arrive evaluated and ground; the result is the
 * output value, or {@code null} when the call is undefined. Failures throw {@link BuiltinException}.
 */
@FunctionalInterface
public interface BuiltinFunction {
  Value call(BuiltinContext ctx, Value[] args);
}
