package io.kubepolicies.rego.ast;

/** {@code {key: value | body}}. */
public record ObjectComprehension(Term key, Term value, Body body, Location location) implements Term {
  @Override
  public String typeName() {
    return "objectcomprehension";
  }
}
