package io.kubepolicies.rego.plan;

/** What one expression does. */
public sealed interface Step permits Step.Truth, Step.Unify, Step.Member, Step.Every, Step.Or, Step.Print {

  /** Succeeds for each value of the term that is not {@code false}. */
  record Truth(Node term) implements Step {}

  /** {@code a = b}, {@code a := b}, and calls with an output argument. */
  record Unify(Node left, Node right) implements Step {}

  /** {@code some [key,] value in domain}: unify key/value with each element of the domain ({@code key} may be null). */
  record Member(Node key, Node value, Node domain) implements Step {}

  /** {@code every [key,] value in domain { body }}. */
  record Every(Node key, Node value, Node domain, Body body) implements Step {}

  /** The experimental {@code or}: the first alternative that succeeds, once. */
  record Or(Body[] alternatives) implements Step {}

  /** {@code print(args...)}: always succeeds; undefined arguments print as {@code <undefined>}. */
  record Print(Node[] args) implements Step {}
}
