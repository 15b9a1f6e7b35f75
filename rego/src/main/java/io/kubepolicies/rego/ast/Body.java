package io.kubepolicies.rego.ast;

import java.util.List;

/** A conjunction of expressions: a rule body, a query, or the body of a comprehension or {@code every}. */
public record Body(List<Expr> exprs, Location location) {
  public Body {
    exprs = List.copyOf(exprs);
  }

  public int size() {
    return exprs.size();
  }

  public Expr get(int i) {
    return exprs.get(i);
  }
}
