package io.kubepolicies.rego.ast;

import java.util.List;

/**
 * {@code some x, y} declares local variables ({@code symbols} are {@link Var}s). {@code some x in xs} and
 * {@code some k, v in xs} hold a single symbol: the membership {@link Call}
 * ({@code internal.member_2} or {@code internal.member_3}), which also iterates.
 */
public record SomeDecl(List<Term> symbols, Location location) implements Statement {
  public SomeDecl {
    symbols = List.copyOf(symbols);
  }
}
