package io.kubepolicies.rego.builtins.numeric;

import io.kubepolicies.rego.builtins.BuiltinException;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.Value;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * How OPA's numeric built-ins see a number: a small integer for its fast path, an exact integer, or
 * neither.
 *
 * <p>Numbers whose magnitude lies beyond 10^±{@value #MAX_DECIMAL_EXPONENT} are refused: a literal such
 * as {@code 1e999999999} is a few bytes of input, but as an exact integer or binary float it would
 * take gigabytes. OPA itself cannot parse the largest of these either (its {@code big.Float} exponent
 * overflows), so no policy that works on OPA is affected.
 */
public final class ExactNumbers {
  public static final int MAX_DECIMAL_EXPONENT = 10_000;

  private ExactNumbers() {}

  /** Whether the number is an integer in Go's int32 range, where OPA uses plain machine arithmetic. */
  public static boolean isSmallInt(NumberValue n) {
    return n.isLong() && n.longValue() >= Integer.MIN_VALUE && n.longValue() <= Integer.MAX_VALUE;
  }

  /** Whether the number's magnitude is within the supported range. */
  public static boolean inRange(NumberValue n) {
    if (n.isLong() || n.signum() == 0) {
      return true;
    }
    BigDecimal d = n.bigDecimalValue();
    long exponent = (long) d.precision() - d.scale() - 1;
    return Math.abs(exponent) <= MAX_DECIMAL_EXPONENT;
  }

  /** Fails with an eval_builtin_error when the number is beyond the supported range. */
  public static void requireInRange(NumberValue n) {
    if (!inRange(n)) {
      throw BuiltinException.error("number too large or too small: " + n);
    }
  }

  /**
   * The number as an exact integer, or null when it is not an integer (OPA's {@code NumberToInt}
   * fails) or beyond the supported range.
   */
  public static BigInteger integer(NumberValue n) {
    if (n.isLong()) {
      return BigInteger.valueOf(n.longValue());
    }
    if (!n.isInteger() || !inRange(n)) {
      return null;
    }
    return n.bigIntegerValue();
  }

  /**
   * An integer operand of any size, as OPA's {@code BigIntOperand} reads it: a non-number is an error
   * naming "integer", a non-integer one naming "integer number".
   */
  public static BigInteger integerOperand(Value[] args, int position) {
    Value v = args[position - 1];
    if (!(v instanceof NumberValue n)) {
      throw BuiltinException.operand(position, v, "integer");
    }
    BigInteger i = integer(n);
    if (i == null) {
      throw BuiltinException.notAnInteger(position);
    }
    return i;
  }
}
