package io.kubepolicies.rego.ast;

import java.util.List;

/**
 * A string template {@code $"hello {input.name}"}: literal text parts are string {@link Scalar}s,
 * every {@code {expr}} part is the term inside the braces.
 */
public record TemplateString(List<Term> parts, Location location) implements Term {
  public TemplateString {
    parts = List.copyOf(parts);
  }
}
