package io.kubepolicies.rego.builtins;

import io.kubepolicies.rego.types.Type;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.Ordering;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The comparison operators {@code ==}, {@code !=}, {@code <}, {@code <=}, {@code >}, {@code >=}
 * ({@code equal}, {@code neq}, {@code lt}, {@code lte}, {@code gt}, {@code gte}). They accept any two
 * values and compare them in OPA's total order across types, so {@code null < false < 0 < ""}; the
 * result is a boolean, which the evaluator treats as failure when false.
 */
public final class Comparison implements BuiltinFamily {
  @Override
  public void register(Builtins.Registrar r) {
    r.function("equal", List.of(Type.named("x", Type.ANY), Type.named("y", Type.ANY)),
        Type.named("result", Type.BOOLEAN), (ctx, a) -> BooleanValue.of(a[0].equals(a[1])));
    r.function("neq", List.of(Type.named("x", Type.ANY), Type.named("y", Type.ANY)), Type.named("result", Type.BOOLEAN),
        (ctx, a) -> BooleanValue.of(!a[0].equals(a[1])));
    ordered(r, "lt", c -> c < 0);
    ordered(r, "lte", c -> c <= 0);
    ordered(r, "gt", c -> c > 0);
    ordered(r, "gte", c -> c >= 0);
  }

  private static void ordered(Builtins.Registrar r, String name, IntPredicate holds) {
    r.function(name, List.of(Type.named("x", Type.ANY), Type.named("y", Type.ANY)), Type.named("result", Type.BOOLEAN),
        (ctx, a) -> BooleanValue.of(holds.test(Ordering.compare(a[0], a[1]))));
  }
}
