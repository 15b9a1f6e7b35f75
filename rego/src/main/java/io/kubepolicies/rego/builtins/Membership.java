package io.kubepolicies.rego.builtins;

import io.kubepolicies.rego.types.Type;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.Value;
import java.util.List;

/**
 * The {@code in} operator: {@code x in xs} is {@code internal.member_2(x, xs)} and
 * {@code k, v in xs} is {@code internal.member_3(k, v, xs)}. Membership is by value: array elements,
 * set members, object values; for {@code k, v} also the index or key. Scalars contain nothing.
 */
public final class Membership implements BuiltinFamily {
  @Override
  public void register(Builtins.Registrar r) {
    r.function("internal.member_2", List.of(Type.ANY, Type.ANY), Type.BOOLEAN, (ctx, a) -> BooleanValue.of(contains(a[1], a[0])));
    r.function("internal.member_3", List.of(Type.ANY, Type.ANY, Type.ANY), Type.BOOLEAN,
        (ctx, a) -> BooleanValue.of(containsEntry(a[2], a[0], a[1])));
  }

  private static boolean contains(Value collection, Value x) {
    if (collection instanceof SetValue s) {
      return s.contains(x);
    }
    if (collection instanceof ArrayValue a) {
      return a.elements().contains(x);
    }
    return collection instanceof ObjectValue o && o.asMap().containsValue(x);
  }

  private static boolean containsEntry(Value collection, Value key, Value value) {
    if (collection instanceof ObjectValue o) {
      return value.equals(o.get(key));
    }
    if (collection instanceof ArrayValue a) {
      return key instanceof NumberValue n && n.isLong() && n.longValue() >= 0 && n.longValue() < a.size()
          && a.get((int) n.longValue()).equals(value);
    }
    return collection instanceof SetValue s && key.equals(value) && s.contains(value);
  }
}
