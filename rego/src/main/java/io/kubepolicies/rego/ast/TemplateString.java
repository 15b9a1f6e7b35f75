package io.kubepolicies.rego.ast;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A string template {@code $"hello {input.name}"}: literal text parts are string {@link Scalar}s,
 * every {@code {expr}} part is the term inside the braces. {@code modifiers.get(i)} are the
 * {@code with} modifiers written inside the braces of part {@code i}, as in
 * {@code $"{a with input as x}"}; they are empty for text and for most expressions.
 */
public record TemplateString(List<Term> parts, List<List<With>> modifiers, Location location) implements Term {
  public TemplateString {
    parts = List.copyOf(parts);
    List<List<With>> copies = new ArrayList<>(modifiers.size());
    modifiers.forEach(m -> copies.add(List.copyOf(m)));
    modifiers = Collections.unmodifiableList(copies);
    if (modifiers.size() != parts.size()) {
      throw new IllegalArgumentException("one list of modifiers per part");
    }
  }

  /** A template without {@code with} modifiers. */
  public TemplateString(List<Term> parts, Location location) {
    this(parts, Collections.nCopies(parts.size(), List.of()), location);
  }

  @Override
  public String typeName() {
    return "templatestring";
  }
}
