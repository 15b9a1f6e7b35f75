package io.kubepolicies.rego.ast;

import java.util.List;

/** An object literal {@code {k: v, ...}}; keys may be any term. */
public record ObjectTerm(List<Entry> entries, Location location) implements Term {
  public ObjectTerm {
    entries = List.copyOf(entries);
  }

  /** One {@code key: value} pair. */
  public record Entry(Term key, Term value) {}

  @Override
  public String typeName() {
    return "object";
  }
}
