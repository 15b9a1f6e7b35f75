package io.kubepolicies.rego.builtins;

import io.kubepolicies.rego.builtins.format.GoPrinter;
import io.kubepolicies.rego.builtins.format.GoValue;
import io.kubepolicies.rego.types.Type;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.RegoText;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code sprintf} ({@code builtinSprintf} in {@code v1/topdown/strings.go}): Go's {@code fmt.Sprintf}
 * applied to the arguments as OPA converts them: an integer that fits 64 bits becomes a Go
 * {@code int}, a larger integer a {@code *big.Int}, any other number a {@code float64} (or, beyond
 * float64's range, the number's text), a string itself, and every other value its Rego text.
 */
public final class Sprintf implements BuiltinFamily {
  @Override
  public void register(Builtins.Registrar r) {
    r.function("sprintf", List.of(Type.named("format", Type.STRING), Type.named("values", Type.arrayOf(Type.ANY))),
        Type.named("output", Type.STRING), (ctx, a) -> sprintf(a));
  }

  private static Value sprintf(Value[] a) {
    String format = Operands.string(a, 1);
    ArrayValue values = Operands.array(a, 2);
    List<GoValue> args = new ArrayList<>(values.size());
    for (Value v : values.elements()) {
      args.add(goValue(v));
    }
    return StringValue.of(GoPrinter.sprintf(format, args));
  }

  static GoValue goValue(Value v) {
    if (v instanceof StringValue s) {
      return GoValue.Str.of(s.value());
    }
    if (v instanceof NumberValue n) {
      return number(n);
    }
    return GoValue.Str.of(RegoText.write(v));
  }

  /**
   * OPA tries {@code int}, then {@code big.Int} on the number's text, then {@code float64}. Integers we
   * print in plain digits are what OPA would parse as a {@code big.Int}; those we print with an exponent
   * (beyond 40 digits) go the float64 way, as a literal like {@code 1e50} does in OPA.
   */
  private static GoValue number(NumberValue n) {
    if (n.isLong()) {
      return new GoValue.Int(n.longValue());
    }
    String text = n.toString();
    boolean plainInteger = n.isInteger() && text.indexOf('E') < 0;
    if (plainInteger) {
      return new GoValue.BigInt(n.bigIntegerValue());
    }
    double d = n.doubleValue();
    if (Double.isInfinite(d)) {
      return GoValue.Str.of(text.replace("E+", "e").replace('E', 'e'));
    }
    return new GoValue.Float(d);
  }
}
