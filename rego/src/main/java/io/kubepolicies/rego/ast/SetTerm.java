package io.kubepolicies.rego.ast;

import java.util.List;

/** A set literal {@code {a, b}}; {@code set()} is the empty set. */
public record SetTerm(List<Term> items, Location location) implements Term {
  public SetTerm {
    items = List.copyOf(items);
  }

  @Override
  public String typeName() {
    return "set";
  }
}
