package io.kubepolicies.rego.ast;

import java.util.List;

/** One expression of a body: a statement, possibly negated with {@code not}, possibly with {@code with} modifiers. */
public record Expr(Statement statement, boolean negated, List<With> with, Location location) {
  public Expr {
    with = List.copyOf(with);
  }

  public static Expr of(Statement statement, Location location) {
    return new Expr(statement, false, List.of(), location);
  }
}
