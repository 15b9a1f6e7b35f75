package io.kubepolicies.rego.ast;

import io.kubepolicies.rego.value.Value;

/** A constant: null, a boolean, a number or a string. Also used for ground composite values the compiler folds. */
public record Scalar(Value value, Location location) implements Term {
  @Override
  public String typeName() {
    return value.typeName();
  }
}
