package io.kubepolicies.rego.ast;

/**
 * A variable. {@code _} is the wildcard; the parser gives each wildcard a unique name starting with
 * {@code $} so that no two wildcards unify with each other.
 */
public record Var(String name, Location location) implements Term {
  public boolean isWildcard() {
    return name.startsWith("$");
  }

  @Override
  public String typeName() {
    return "var";
  }
}
