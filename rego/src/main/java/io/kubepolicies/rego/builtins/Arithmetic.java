package io.kubepolicies.rego.builtins;

import io.kubepolicies.rego.builtins.numeric.BinaryFloat;
import io.kubepolicies.rego.builtins.numeric.ExactNumbers;
import io.kubepolicies.rego.builtins.numeric.NumericOperation;
import io.kubepolicies.rego.types.Type;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.Value;
import java.math.BigInteger;
import java.util.List;
import java.util.function.Function;

/**
 * The arithmetic operators and rounding functions ({@code plus}, {@code minus}, {@code mul},
 * {@code div}, {@code rem}, {@code abs}, {@code round}, {@code ceil}, {@code floor}), computed the way
 * OPA's {@code topdown/arithmetic.go} does: integers exactly, everything else in 64-bit binary
 * floating point ({@link BinaryFloat}) with OPA's shortest decimal result. Division and the unary
 * functions go through floating point for any operand outside the int32 range, as OPA's do, so
 * their results on large integers are OPA's rounded ones.
 */
public final class Arithmetic implements BuiltinFamily {
  private static final int P = BinaryFloat.NUMBER_PRECISION;
  private static final BinaryFloat HALF = BinaryFloat.ofDouble(0.5);

  @Override
  public void register(Builtins.Registrar r) {
    List<Type> twoNumbers = List.of(Type.NUMBER, Type.NUMBER);
    List<Type> oneNumber = List.of(Type.NUMBER);
    Type numberOrSet = Type.anyOf(Type.NUMBER, Type.setOf(Type.ANY));

    r.function("plus", List.of(Type.named("x", Type.NUMBER), Type.named("y", Type.NUMBER)),
        Type.named("z", Type.NUMBER),
        (ctx, a) -> NumericOperation.ADD.apply(Operands.number(a, 1), Operands.number(a, 2)));
    r.function("minus", List.of(Type.named("x", numberOrSet), Type.named("y", numberOrSet)),
        Type.named("z", numberOrSet), (ctx, a) -> minus(a));
    r.function("mul", List.of(Type.named("x", Type.NUMBER), Type.named("y", Type.NUMBER)), Type.named("z", Type.NUMBER),
        (ctx, a) -> NumericOperation.MULTIPLY.apply(Operands.number(a, 1), Operands.number(a, 2)));
    r.function("div", List.of(Type.named("x", Type.NUMBER), Type.named("y", Type.NUMBER)), Type.named("z", Type.NUMBER),
        (ctx, a) -> divide(Operands.number(a, 1), Operands.number(a, 2)));
    r.function("rem", List.of(Type.named("x", Type.NUMBER), Type.named("y", Type.NUMBER)), Type.named("z", Type.NUMBER),
        (ctx, a) -> remainder(Operands.number(a, 1), Operands.number(a, 2)));

    r.function("abs", List.of(Type.named("x", Type.NUMBER)), Type.named("y", Type.NUMBER),
        (ctx, a) -> abs(Operands.number(a, 1)));
    r.function("round", List.of(Type.named("x", Type.NUMBER)), Type.named("y", Type.NUMBER),
        (ctx, a) -> rounded(Operands.number(a, 1), Arithmetic::round));
    r.function("ceil", List.of(Type.named("x", Type.NUMBER)), Type.named("y", Type.NUMBER),
        (ctx, a) -> rounded(Operands.number(a, 1), Arithmetic::ceil));
    r.function("floor", List.of(Type.named("x", Type.NUMBER)), Type.named("y", Type.NUMBER),
        (ctx, a) -> rounded(Operands.number(a, 1), Arithmetic::floor));
  }

  /** Numbers subtract; two sets give their difference; OPA's operand errors otherwise. */
  private static Value minus(Value[] a) {
    Value x = a[0];
    Value y = a[1];
    if (x instanceof NumberValue n && y instanceof NumberValue m) {
      return NumericOperation.SUBTRACT.apply(n, m);
    }
    if (x instanceof SetValue s && y instanceof SetValue t) {
      SetValue.Builder diff = SetValue.builder();
      for (Value v : s.elements()) {
        if (!t.contains(v)) {
          diff.add(v);
        }
      }
      return diff.build();
    }
    if (!(x instanceof NumberValue) && !(x instanceof SetValue)) {
      throw BuiltinException.operand(1, x, "number", "set");
    }
    // The first operand is a number or a set; like OPA, ask for a set when the second is a number
    // and for a number otherwise.
    throw y instanceof NumberValue ? BuiltinException.operand(2, y, "set") : BuiltinException.operand(2, y, "number");
  }

  /**
   * An exact quotient only for int32 operands that divide evenly (and a nonzero dividend); every
   * other quotient, including of large integers, is a 64-bit float one.
   */
  private static NumberValue divide(NumberValue x, NumberValue y) {
    if (ExactNumbers.isSmallInt(x) && ExactNumbers.isSmallInt(y)) {
      long i = x.longValue();
      long j = y.longValue();
      if (j == 0) {
        throw BuiltinException.error("divide by zero");
      }
      if (i != 0 && i % j == 0) {
        return NumberValue.of(i / j);
      }
    }
    if (y.signum() == 0) {
      throw BuiltinException.error("divide by zero");
    }
    return BinaryFloat.of(x).divide(BinaryFloat.of(y), P).toNumber();
  }

  /** Integers only: the remainder truncated toward zero, with the sign of the dividend (Go's %). */
  private static NumberValue remainder(NumberValue x, NumberValue y) {
    if (x.isLong() && y.isLong()) {
      if (y.longValue() == 0) {
        throw BuiltinException.error("modulo by zero");
      }
      return NumberValue.of(x.longValue() % y.longValue());
    }
    BigInteger i = ExactNumbers.integer(x);
    BigInteger j = ExactNumbers.integer(y);
    if (i == null || j == null) {
      throw BuiltinException.error("modulo on floating-point number");
    }
    if (j.signum() == 0) {
      throw BuiltinException.error("modulo by zero");
    }
    return NumberValue.of(i.remainder(j));
  }

  private static NumberValue abs(NumberValue x) {
    if (ExactNumbers.isSmallInt(x)) {
      return NumberValue.of(Math.abs(x.longValue()));
    }
    return BinaryFloat.of(x).abs().toNumber();
  }

  /** int32 integers are their own rounding; anything else is rounded from its 64-bit float. */
  private static NumberValue rounded(NumberValue x, Function<BinaryFloat, BigInteger> rounding) {
    if (ExactNumbers.isSmallInt(x)) {
      return x;
    }
    return NumberValue.of(rounding.apply(BinaryFloat.of(x)));
  }

  /** Half away from zero; the ±0.5 is itself rounded to 64 bits first, as in OPA. */
  private static BigInteger round(BinaryFloat a) {
    return (a.signum() < 0 ? a.subtract(HALF, P) : a.add(HALF, P)).truncate();
  }

  /*
   * OPA's ceil and floor truncate toward zero and then step by one unless the truncation is negative
   * (ceil) or not negative (floor). A truncation of zero is never negative, so OPA gives
   * ceil(-0.5) = 1 and floor(-0.5) = 0; both are reproduced, since results must match OPA's.
   */

  private static BigInteger ceil(BinaryFloat a) {
    BigInteger t = a.truncate();
    return t.signum() < 0 || a.isInteger() ? t : t.add(BigInteger.ONE);
  }

  private static BigInteger floor(BinaryFloat a) {
    BigInteger t = a.truncate();
    return t.signum() >= 0 || a.isInteger() ? t : t.subtract(BigInteger.ONE);
  }
}
