package io.kubepolicies.rego.builtins;

import io.kubepolicies.rego.types.Type;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.Value;
import java.util.List;

/** Set algebra: {@code &} ({@code and}), {@code |} ({@code or}), {@code intersection} and {@code union}. */
public final class SetFamily implements BuiltinFamily {
  private static final Type SET = Type.setOf(Type.ANY);
  private static final Type SET_OF_SETS = Type.setOf(SET);

  @Override
  public void register(Builtins.Registrar r) {
    r.function("and", List.of(Type.named("x", SET), Type.named("y", SET)), Type.named("z", SET),
        (ctx, args) -> intersect(Operands.set(args, 1), Operands.set(args, 2)));
    r.function("or", List.of(Type.named("x", SET), Type.named("y", SET)), Type.named("z", SET),
        (ctx, args) -> union(Operands.set(args, 1), Operands.set(args, 2)));
    r.function("intersection", List.of(Type.named("xs", SET_OF_SETS)), Type.named("y", SET),
        (ctx, args) -> intersectAll(args));
    r.function("union", List.of(Type.named("xs", SET_OF_SETS)), Type.named("y", SET), (ctx, args) -> unionAll(args));
  }

  private static SetValue intersect(SetValue a, SetValue b) {
    SetValue small = a.size() <= b.size() ? a : b;
    SetValue large = small == a ? b : a;
    SetValue.Builder out = SetValue.builder();
    for (Value v : small.elements()) {
      if (large.contains(v)) {
        out.add(v);
      }
    }
    return out.build();
  }

  private static SetValue union(SetValue a, SetValue b) {
    return SetValue.builder().addAll(a.elements()).addAll(b.elements()).build();
  }

  /**
   * The elements of {@code xs}, which must all be sets. OPA reports the first offending element in
   * sort order as a bad operand 1; sets sort after every other type, so that is the smallest element.
   */
  private static SetValue setsOperand(Value[] args) {
    SetValue sets = Operands.set(args, 1);
    for (Value element : sets.elements()) {
      if (!(element instanceof SetValue)) {
        throw BuiltinException.operand(1, sets.sorted().get(0), "set");
      }
    }
    return sets;
  }

  private static SetValue intersectAll(Value[] args) {
    SetValue sets = setsOperand(args);
    SetValue result = null;
    for (Value element : sets.elements()) {
      SetValue s = (SetValue) element;
      result = result == null ? s : intersect(result, s);
    }
    return result == null ? SetValue.EMPTY : result;
  }

  private static SetValue unionAll(Value[] args) {
    SetValue.Builder out = SetValue.builder();
    for (Value element : setsOperand(args).elements()) {
      out.addAll(((SetValue) element).elements());
    }
    return out.build();
  }
}
