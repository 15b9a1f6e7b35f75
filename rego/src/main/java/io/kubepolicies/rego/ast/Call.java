package io.kubepolicies.rego.ast;

import java.util.List;

/**
 * A call of a built-in or a user function: {@code count(x)}, {@code data.lib.f(1)}. Infix operators
 * are calls too, with OPA's built-in names as operator: {@code a = b} is {@code eq(a, b)},
 * {@code a := b} is {@code assign(a, b)}, {@code a + b} is {@code plus(a, b)}, {@code x in xs} is
 * {@code internal.member_2(x, xs)}, {@code k, v in xs} is {@code internal.member_3(k, v, xs)}.
 */
public record Call(Ref operator, List<Term> args, Location location) implements Term {
  public Call {
    args = List.copyOf(args);
  }

  @Override
  public String typeName() {
    return "call";
  }
}
