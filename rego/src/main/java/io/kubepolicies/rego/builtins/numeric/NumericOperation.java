package io.kubepolicies.rego.builtins.numeric;

import io.kubepolicies.rego.value.NumberValue;
import java.math.BigInteger;
import java.util.function.BinaryOperator;
import java.util.function.LongBinaryOperator;

/**
 * A binary operation as OPA's arithmetic and aggregates run it: exact on integers (with a long fast
 * path), and in binary floating point as soon as an operand is not an integer.
 */
public record NumericOperation(LongBinaryOperator onLongs, BinaryOperator<BigInteger> onIntegers, OnFloats onFloats) {
  public static final NumericOperation ADD = new NumericOperation(Math::addExact, BigInteger::add, BinaryFloat::add);
  public static final NumericOperation SUBTRACT =
      new NumericOperation(Math::subtractExact, BigInteger::subtract, BinaryFloat::subtract);
  public static final NumericOperation MULTIPLY =
      new NumericOperation(Math::multiplyExact, BigInteger::multiply, BinaryFloat::multiply);

  /** The floating-point form: {@code x op y} rounded to {@code precision} bits. */
  @FunctionalInterface
  public interface OnFloats {
    BinaryFloat apply(BinaryFloat x, BinaryFloat y, int precision);
  }

  /** {@code x op y}: exact for integers, otherwise rounded to 64 bits as OPA does. */
  public NumberValue apply(NumberValue x, NumberValue y) {
    NumberValue exact = exact(x, y);
    return exact != null ? exact : applyInexact(BinaryFloat.of(x), BinaryFloat.of(y)).toNumber();
  }

  /** The exact result, or null when an operand is not an integer. */
  public NumberValue exact(NumberValue x, NumberValue y) {
    if (x.isLong() && y.isLong()) {
      try {
        return NumberValue.of(onLongs.applyAsLong(x.longValue(), y.longValue()));
      } catch (ArithmeticException overflow) {
        // continue with big integers
      }
    }
    BigInteger i = ExactNumbers.integer(x);
    BigInteger j = ExactNumbers.integer(y);
    return i != null && j != null ? NumberValue.of(onIntegers.apply(i, j)) : null;
  }

  /**
   * The floating-point result at the left operand's precision: the precision Go's {@code big.Float}
   * keeps when, as in OPA, the left operand is the accumulator or a freshly parsed number.
   */
  public BinaryFloat applyInexact(BinaryFloat x, BinaryFloat y) {
    return onFloats.apply(x, y, x.precision());
  }
}
