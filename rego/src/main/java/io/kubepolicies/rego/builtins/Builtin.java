package io.kubepolicies.rego.builtins;

import io.kubepolicies.rego.types.Type;
import java.util.List;

/**
 * One entry of the built-in table: its name as written in Rego ({@code count},
 * {@code strings.replace_n}, infix operators by OPA's names such as {@code plus} or {@code gt}), its
 * signature for compile-time checks, and its implementation: a {@code function} or, for the few
 * built-ins that yield several outputs, a {@code relation} (exactly one of the two is set).
 */
public record Builtin(String name, List<Type> args, Type result, BuiltinFunction function, BuiltinRelation relation) {
  public Builtin {
    args = List.copyOf(args);
    if ((function == null) == (relation == null)) {
      throw new IllegalArgumentException(name + ": exactly one of function and relation");
    }
  }

  public int arity() {
    return args.size();
  }

  public boolean isRelation() {
    return relation != null;
  }
}
