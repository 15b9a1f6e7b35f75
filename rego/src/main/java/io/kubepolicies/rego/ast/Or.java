package io.kubepolicies.rego.ast;

import java.util.List;

/**
 * The experimental {@code or} keyword: {@code a or b and c} tries each alternative in order and
 * succeeds once, with the bindings of the first alternative that succeeds ({@code and} binds tighter,
 * so each alternative is a conjunction).
 *
 * <p>An {@code Or} with a single alternative is a scope, not a choice: the parser makes one of an
 * explicit body {@code { ... }} used as an operand of {@code and}/{@code or} or negated with
 * {@code not} (with {@code import future.keywords.not}), so that variables bound inside stay inside.
 * In an {@code Or} of several alternatives, the expressions of an alternative are implicit operands
 * (which OPA does not let assign variables); an explicit body among them is a nested
 * single-alternative {@code Or}.
 */
public record Or(List<Body> alternatives, Location location) implements Statement {
  public Or {
    alternatives = List.copyOf(alternatives);
  }
}
