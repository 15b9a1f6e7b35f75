package io.kubepolicies.rego.ast;

/** The three kinds of rule. */
public enum RuleKind {
  /** {@code p := v}, {@code p.q[k] := v}, {@code p if ...}: defines one value at its path. */
  SINGLE_VALUE,
  /** {@code p contains x}, and v0's {@code p[x] { ... }}: contributes elements to a set. */
  MULTI_VALUE,
  /** {@code f(x) := y}: a function. */
  FUNCTION
}
