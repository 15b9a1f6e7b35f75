package io.kubepolicies.rego.ast;

import java.util.List;

/**
 * The experimental {@code or} keyword: {@code a or b and c} tries each alternative in order and
 * succeeds once, with the bindings of the first alternative that succeeds ({@code and} binds tighter,
 * so each alternative is a conjunction).
 */
public record Or(List<Body> alternatives, Location location) implements Statement {
  public Or {
    alternatives = List.copyOf(alternatives);
  }
}
