package io.kubepolicies.rego.builtins;

import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;

/**
 * Typed access to built-in operands, failing with OPA's operand type error. Positions are 1-based,
 * as in OPA's messages.
 */
public final class Operands {
  private Operands() {}

  public static String string(Value[] args, int position) {
    Value v = args[position - 1];
    if (v instanceof StringValue s) {
      return s.value();
    }
    throw BuiltinException.operand(position, v, "string");
  }

  public static NumberValue number(Value[] args, int position) {
    Value v = args[position - 1];
    if (v instanceof NumberValue n) {
      return n;
    }
    throw BuiltinException.operand(position, v, "number");
  }

  /**
   * An integer operand as OPA's {@code IntOperand} reads it (a Go {@code int}, 64 bits); a
   * non-integer or one beyond 64 bits is an error naming the operand.
   */
  public static long longInteger(Value[] args, int position) {
    NumberValue n = number(args, position);
    if (!n.isLong()) {
      throw BuiltinException.notAnInteger(position);
    }
    return n.longValue();
  }

  public static ArrayValue array(Value[] args, int position) {
    Value v = args[position - 1];
    if (v instanceof ArrayValue a) {
      return a;
    }
    throw BuiltinException.operand(position, v, "array");
  }

  public static ObjectValue object(Value[] args, int position) {
    Value v = args[position - 1];
    if (v instanceof ObjectValue o) {
      return o;
    }
    throw BuiltinException.operand(position, v, "object");
  }

  public static SetValue set(Value[] args, int position) {
    Value v = args[position - 1];
    if (v instanceof SetValue s) {
      return s;
    }
    throw BuiltinException.operand(position, v, "set");
  }
}
