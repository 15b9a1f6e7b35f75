package io.kubepolicies.rego.eval;

import io.kubepolicies.rego.value.Value;

/** Receives each value a term evaluates to; returns false to stop the search, like {@link Cont}. */
@FunctionalInterface
interface ValueCont {
  boolean accept(Value value);
}
