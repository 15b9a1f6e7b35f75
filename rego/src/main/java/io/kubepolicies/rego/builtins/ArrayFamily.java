package io.kubepolicies.rego.builtins;

import io.kubepolicies.rego.types.Type;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** {@code array.concat}, {@code array.slice}, {@code array.reverse} and {@code array.flatten}. */
public final class ArrayFamily implements BuiltinFamily {
  private static final Type ARRAY = Type.arrayOf(Type.ANY);

  @Override
  public void register(Builtins.Registrar r) {
    r.function("array.concat", List.of(Type.named("x", ARRAY), Type.named("y", ARRAY)), Type.named("z", ARRAY),
        (ctx, args) -> concat(args));
    r.function("array.slice",
        List.of(Type.named("arr", ARRAY), Type.named("start", Type.NUMBER), Type.named("stop", Type.NUMBER)),
        Type.named("slice", ARRAY), (ctx, args) -> slice(args));
    r.function("array.reverse", List.of(Type.named("arr", ARRAY)), Type.named("rev", ARRAY),
        (ctx, args) -> reverse(Operands.array(args, 1)));
    r.function("array.flatten", List.of(Type.named("arr", ARRAY)), Type.named("output", ARRAY),
        (ctx, args) -> flatten(Operands.array(args, 1)));
  }

  private static ArrayValue concat(Value[] args) {
    ArrayValue a = Operands.array(args, 1);
    ArrayValue b = Operands.array(args, 2);
    if (b.isEmpty()) {
      return a;
    }
    if (a.isEmpty()) {
      return b;
    }
    List<Value> out = new ArrayList<>(a.size() + b.size());
    out.addAll(a.elements());
    out.addAll(b.elements());
    return ArrayValue.of(out);
  }

  /** Both bounds are clamped into the array, and a start past the stop gives an empty slice. */
  private static ArrayValue slice(Value[] args) {
    ArrayValue arr = Operands.array(args, 1);
    long start = Operands.longInteger(args, 2);
    long stop = Operands.longInteger(args, 3);
    stop = Math.max(0, Math.min(stop, arr.size()));
    start = Math.max(0, Math.min(start, stop));
    return ArrayValue.of(arr.elements().subList((int) start, (int) stop));
  }

  private static ArrayValue reverse(ArrayValue arr) {
    List<Value> out = new ArrayList<>(arr.elements());
    Collections.reverse(out);
    return ArrayValue.of(out);
  }

  /** Inlines elements that are arrays, one level deep; other elements are kept as they are. */
  private static ArrayValue flatten(ArrayValue arr) {
    List<Value> out = new ArrayList<>(arr.size());
    for (Value v : arr.elements()) {
      if (v instanceof ArrayValue inner) {
        out.addAll(inner.elements());
      } else {
        out.add(v);
      }
    }
    return ArrayValue.of(out);
  }
}
