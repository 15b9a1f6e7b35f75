package io.kubepolicies.rego.ast;

/** {@code [head | body]}. */
public record ArrayComprehension(Term head, Body body, Location location) implements Term {
  @Override
  public String typeName() {
    return "arraycomprehension";
  }
}
