package io.kubepolicies.rego.ast;

import java.util.List;

/**
 * A reference such as {@code data.a.b[x]} or {@code input.spec.containers[_]}. The head is the first
 * term (usually a {@link Var}: {@code data}, {@code input} or a local; it may also be a composite or a
 * call, as in {@code [1, 2][i]} or {@code f(x).y}); the rest are the path: {@code .name} is a string
 * {@link Scalar}, {@code [expr]} any term.
 */
public record Ref(List<Term> terms, Location location) implements Term {
  public Ref {
    terms = List.copyOf(terms);
    if (terms.isEmpty()) {
      throw new IllegalArgumentException("a reference needs a head");
    }
  }

  public Term head() {
    return terms.get(0);
  }

  public int size() {
    return terms.size();
  }

  public Term get(int i) {
    return terms.get(i);
  }

  @Override
  public String typeName() {
    return "ref";
  }
}
