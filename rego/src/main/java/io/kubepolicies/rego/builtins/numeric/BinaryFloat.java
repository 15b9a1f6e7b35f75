package io.kubepolicies.rego.builtins.numeric;

import io.kubepolicies.rego.value.NumberValue;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A binary floating-point number with a mantissa of {@code precision} bits, every result rounded to
 * nearest, ties to even: the arithmetic of Go's {@code math/big.Float}, through which OPA computes
 * with numbers that are not integers. Reproducing it bit for bit is what makes {@code 1 / 3} come out
 * as OPA's {@code 0.33333333333333333334} rather than an exact or a {@code double} quotient.
 *
 * <p>The value is {@code signum * mantissa * 2^exponent}; the mantissa is odd (or zero), so each value
 * has one representation. Go tracks a negative zero; no Rego number is one, so this type does not.
 */
public final class BinaryFloat {
  /** The precision OPA's numbers get when parsed into a {@code big.Float}. */
  public static final int NUMBER_PRECISION = 64;
  /** The precision of a {@code big.Float} made from a Go {@code float64} constant, such as {@code 0.5}. */
  public static final int DOUBLE_PRECISION = 53;

  private static final BigInteger FIVE = BigInteger.valueOf(5);

  private final int signum;
  private final BigInteger mantissa;
  private final int exponent;
  private final int precision;

  private BinaryFloat(int signum, BigInteger mantissa, int exponent, int precision) {
    this.signum = signum;
    this.mantissa = mantissa;
    this.exponent = exponent;
    this.precision = precision;
  }

  /** The number rounded to {@link #NUMBER_PRECISION} bits, as OPA's {@code NumberToFloat} does. */
  public static BinaryFloat of(NumberValue n) {
    ExactNumbers.requireInRange(n);
    if (n.isLong()) {
      long v = n.longValue();
      return round(Long.signum(v), BigInteger.valueOf(v).abs(), false, 0, NUMBER_PRECISION);
    }
    return of(n.bigDecimalValue());
  }

  /**
   * The decimal rounded to {@link #NUMBER_PRECISION} bits, as Go's {@code big.Float.SetString} reads
   * it; unlike {@link #of(NumberValue)} it takes any magnitude, so the caller bounds its input.
   */
  public static BinaryFloat of(BigDecimal d) {
    BigInteger unscaled = d.unscaledValue().abs();
    int scale = d.scale();
    if (scale <= 0) {
      return round(d.signum(), unscaled.multiply(BigInteger.TEN.pow(-scale)), false, 0, NUMBER_PRECISION);
    }
    // u / 10^s = u / 5^s * 2^-s
    return quotient(d.signum(), unscaled, FIVE.pow(scale), -(long) scale, NUMBER_PRECISION);
  }

  /** A double, held exactly with the precision Go gives {@code big.NewFloat(value)}. */
  public static BinaryFloat ofDouble(double value) {
    return of(NumberValue.of(new BigDecimal(value))).withPrecision(DOUBLE_PRECISION);
  }

  /** Zero with the given precision, like Go's {@code new(big.Float).SetPrec(p)}. */
  public static BinaryFloat zero(int precision) {
    return new BinaryFloat(0, BigInteger.ZERO, 0, precision);
  }

  private BinaryFloat withPrecision(int p) {
    return round(signum, mantissa, false, exponent, p);
  }

  public int precision() {
    return precision;
  }

  public int signum() {
    return signum;
  }

  public boolean isZero() {
    return signum == 0;
  }

  /** Whether the value is a whole number. */
  public boolean isInteger() {
    return signum == 0 || exponent >= 0;
  }

  public BinaryFloat abs() {
    return signum < 0 ? new BinaryFloat(1, mantissa, exponent, precision) : this;
  }

  public BinaryFloat negate() {
    return new BinaryFloat(-signum, mantissa, exponent, precision);
  }

  /** {@code this + other}, rounded to {@code p} bits. */
  public BinaryFloat add(BinaryFloat other, int p) {
    if (other.signum == 0) {
      return withPrecision(p);
    }
    if (signum == 0) {
      return other.withPrecision(p);
    }
    int e = Math.min(exponent, other.exponent);
    BigInteger a = signed().shiftLeft(exponent - e);
    BigInteger b = other.signed().shiftLeft(other.exponent - e);
    BigInteger sum = a.add(b);
    return round(sum.signum(), sum.abs(), false, e, p);
  }

  /** {@code this - other}, rounded to {@code p} bits. */
  public BinaryFloat subtract(BinaryFloat other, int p) {
    return add(other.negate(), p);
  }

  /** {@code this * other}, rounded to {@code p} bits. */
  public BinaryFloat multiply(BinaryFloat other, int p) {
    return round(signum * other.signum, mantissa.multiply(other.mantissa), false,
        (long) exponent + other.exponent, p);
  }

  /** {@code this / other}, rounded to {@code p} bits; the divisor must not be zero. */
  public BinaryFloat divide(BinaryFloat other, int p) {
    if (other.signum == 0) {
      throw new ArithmeticException("division by zero");
    }
    if (signum == 0) {
      return zero(p);
    }
    return quotient(signum * other.signum, mantissa, other.mantissa, (long) exponent - other.exponent, p);
  }

  /** The integer part, truncated toward zero, like Go's {@code Float.Int}. */
  public BigInteger truncate() {
    if (signum == 0) {
      return BigInteger.ZERO;
    }
    BigInteger magnitude = exponent >= 0 ? mantissa.shiftLeft(exponent) : mantissa.shiftRight(-exponent);
    return signum < 0 ? magnitude.negate() : magnitude;
  }

  /** The exact value. */
  public BigDecimal toBigDecimal() {
    return ShortestDecimal.exact(signed(), exponent);
  }

  /**
   * The number OPA makes of this value ({@code FloatToNumber}): the shortest decimal that reads back
   * to the same value at this precision.
   */
  public NumberValue toNumber() {
    return NumberValue.of(ShortestDecimal.of(this));
  }

  BigInteger mantissa() {
    return mantissa;
  }

  int exponent() {
    return exponent;
  }

  private BigInteger signed() {
    return signum < 0 ? mantissa.negate() : mantissa;
  }

  /** Rounds {@code signum * num / den * 2^exp2} to {@code p} bits. */
  private static BinaryFloat quotient(int signum, BigInteger num, BigInteger den, long exp2, int p) {
    // Scale so that the integer quotient has at least p + 2 bits: rounding then needs only the
    // quotient's low bits and whether the remainder is zero.
    int shift = p + 2 - num.bitLength() + den.bitLength();
    BigInteger n = shift > 0 ? num.shiftLeft(shift) : num;
    BigInteger d = shift < 0 ? den.shiftLeft(-shift) : den;
    BigInteger[] qr = n.divideAndRemainder(d);
    return round(signum, qr[0], qr[1].signum() != 0, exp2 - shift, p);
  }

  /**
   * Rounds {@code signum * bits * 2^exp2} to {@code p} bits, to nearest even; {@code sticky} says the
   * true value lies a little above {@code bits} (less than one unit of its last bit).
   */
  private static BinaryFloat round(int signum, BigInteger bits, boolean sticky, long exp2, int p) {
    if (bits.signum() == 0) {
      return zero(p);
    }
    BigInteger m = bits;
    long e = exp2;
    int excess = bits.bitLength() - p;
    if (excess > 0) {
      m = bits.shiftRight(excess);
      boolean half = bits.testBit(excess - 1);
      boolean below = sticky || bits.getLowestSetBit() < excess - 1;
      if (half && (below || m.testBit(0))) {
        m = m.add(BigInteger.ONE);
      }
      e += excess;
    }
    int zeros = m.getLowestSetBit();
    m = m.shiftRight(zeros);
    e += zeros;
    if (e > Integer.MAX_VALUE || e < Integer.MIN_VALUE) {
      throw new ArithmeticException("exponent overflow");
    }
    return new BinaryFloat(signum, m, (int) e, p);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BinaryFloat f && signum == f.signum && exponent == f.exponent
        && precision == f.precision && mantissa.equals(f.mantissa);
  }

  @Override
  public int hashCode() {
    return (mantissa.hashCode() * 31 + exponent) * 31 + signum * 7 + precision;
  }

  @Override
  public String toString() {
    return toBigDecimal().toString() + " (" + precision + " bits)";
  }
}
