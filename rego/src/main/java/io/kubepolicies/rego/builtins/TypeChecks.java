package io.kubepolicies.rego.builtins;

import io.kubepolicies.rego.types.Type;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.Kind;
import io.kubepolicies.rego.value.StringValue;
import java.util.List;

/**
 * {@code is_number}, {@code is_string}, {@code is_boolean}, {@code is_array}, {@code is_set},
 * {@code is_object}, {@code is_null} (true or false, never undefined, as in OPA) and
 * {@code type_name}.
 */
public final class TypeChecks implements BuiltinFamily {
  @Override
  public void register(Builtins.Registrar r) {
    for (Kind kind : Kind.values()) {
      r.function("is_" + kind.typeName(), List.of(Type.named("x", Type.ANY)), Type.named("result", Type.BOOLEAN),
          (ctx, a) -> BooleanValue.of(a[0].kind() == kind));
    }
    r.function("type_name", List.of(Type.named("x", Type.ANY)), Type.named("type", Type.STRING),
        (ctx, a) -> StringValue.of(a[0].typeName()));
  }
}
