package io.kubepolicies.rego.ast;

/**
 * {@code with target as value}: target is a reference to {@code input}, into {@code data}, or to a
 * function. When the compiler finds that the value names a built-in function (as in
 * {@code with count as mock_count} the other way round, {@code with f as count}), it moves that name
 * to {@code function} and leaves {@code value} null.
 */
public record With(Ref target, Term value, Ref function, Location location) {
  public With(Ref target, Term value, Location location) {
    this(target, value, null, location);
  }
}
