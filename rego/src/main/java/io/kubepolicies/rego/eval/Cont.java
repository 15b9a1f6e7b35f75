package io.kubepolicies.rego.eval;

/**
 * What to do after a step succeeds: the rest of the body. Returns false to stop the search (an
 * answer was enough, e.g. under {@code not}), true to let it backtrack for more solutions.
 */
@FunctionalInterface
interface Cont {
  Cont STOP = () -> false;

  boolean run();
}
