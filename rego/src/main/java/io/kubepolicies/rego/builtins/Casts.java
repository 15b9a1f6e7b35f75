package io.kubepolicies.rego.builtins;

import io.kubepolicies.rego.builtins.numeric.GoFloatSyntax;
import io.kubepolicies.rego.types.Type;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.NullValue;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.List;
import java.util.Locale;

/**
 * {@code to_number}, the one conversion OPA v1 still offers (the {@code cast_*} built-ins are
 * deprecated and left out). Strings are accepted in Go's float syntax and keep their exact value.
 */
public final class Casts implements BuiltinFamily {
  @Override
  public void register(Builtins.Registrar r) {
    r.function("to_number", List.of(Type.named("x", Type.anyOf(Type.NUMBER, Type.STRING, Type.BOOLEAN, Type.NULL))),
        Type.named("num", Type.NUMBER),
        (ctx, a) -> toNumber(a[0]));
  }

  private static Value toNumber(Value v) {
    if (v instanceof NullValue) {
      return NumberValue.ZERO;
    }
    if (v instanceof BooleanValue b) {
      return b.value() ? NumberValue.ONE : NumberValue.ZERO;
    }
    if (v instanceof NumberValue) {
      return v;
    }
    if (v instanceof StringValue s) {
      return parse(s);
    }
    throw BuiltinException.operand(1, v, "null", "boolean", "number", "string");
  }

  private static Value parse(StringValue s) {
    String word = stripSigns(s.value()).toLowerCase(Locale.ROOT);
    if (word.equals("inf") || word.equals("infinity") || word.equals("nan")) {
      throw BuiltinException.operand(1, s, "valid number string");
    }
    try {
      return NumberValue.of(GoFloatSyntax.parse(s.value()));
    } catch (GoFloatSyntax.SyntaxException e) {
      throw BuiltinException.error(e.getMessage());
    }
  }

  private static String stripSigns(String text) {
    int i = 0;
    while (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
      i++;
    }
    return text.substring(i);
  }
}
