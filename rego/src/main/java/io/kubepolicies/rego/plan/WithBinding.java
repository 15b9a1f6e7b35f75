package io.kubepolicies.rego.plan;

import io.kubepolicies.rego.builtins.Builtin;
import io.kubepolicies.rego.value.Value;

/**
 * One {@code with} modifier. Exactly one target kind applies: a path under {@code input}, a path
 * under {@code data}, a function defined in Rego, or a built-in. {@code replacement} is set when a
 * function or built-in is replaced by another function rather than by a value.
 */
public record WithBinding(Target target, Value[] path, DocNode function, Builtin builtin,
    Node value, Replacement replacement) {

  /** What a {@code with} replaces. */
  public enum Target { INPUT, DATA, FUNCTION, BUILTIN }

  /** A function that stands in for the target: a Rego function or a built-in. */
  public record Replacement(DocNode function, Builtin builtin) {}
}
