package io.kubepolicies.rego.ast;

import java.util.List;

/**
 * A rule head. {@code ref} is the rule's reference relative to its package ({@code p},
 * {@code a.b[x]}); {@code args} are a function's parameters (empty otherwise); {@code key} is the
 * element of a multi-value rule ({@code contains key}; null for other kinds); {@code value} is the
 * value term (for {@code p if ...} it is the constant {@code true}; null for a multi-value rule).
 * {@code assign} tells {@code :=} from {@code =}.
 */
public record RuleHead(Ref ref, RuleKind kind, List<Term> args, Term key, Term value, boolean assign, Location location) {
  public RuleHead {
    args = List.copyOf(args);
  }
}
