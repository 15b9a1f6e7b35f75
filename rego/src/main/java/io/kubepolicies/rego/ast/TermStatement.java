package io.kubepolicies.rego.ast;

/**
 * A term used as an expression. A call such as {@code x = y} or {@code count(xs) > 2} succeeds when it
 * does; any other term succeeds when it is defined and not {@code false}.
 */
public record TermStatement(Term term) implements Statement {
  @Override
  public Location location() {
    return term.location();
  }
}
