package io.kubepolicies.rego.builtins.units;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A binary floating-point number with a 64-bit mantissa, rounded to nearest-even: the default
 * precision of Go's {@code big.Float}, which {@code units.parse_bytes} computes in. Reproducing the
 * rounding matters: in OPA {@code "2.5e-3kb"} is 2 bytes and {@code "1e30kb"} is
 * 1000000000000000000040638980554752 bytes, because neither amount is exact in binary.
 * The value is {@code mantissa * 2^exponent}.
 */
public record Float64Mantissa(boolean negative, BigInteger mantissa, int exponent) {
  private static final int PRECISION = 64;

  /** The nearest such number to {@code x}. */
  public static Float64Mantissa of(BigDecimal x) {
    boolean negative = x.signum() < 0;
    BigDecimal abs = x.abs();
    if (abs.scale() <= 0) {
      return rounded(negative, abs.toBigIntegerExact(), 0);
    }
    BigInteger unscaled = abs.unscaledValue();
    BigInteger divisor = BigInteger.TEN.pow(abs.scale());
    // Enough quotient bits for the mantissa plus at least two rounding bits.
    int shift = PRECISION + 2 - (unscaled.bitLength() - divisor.bitLength());
    BigInteger numerator = shift >= 0 ? unscaled.shiftLeft(shift) : unscaled;
    BigInteger denominator = shift >= 0 ? divisor : divisor.shiftLeft(-shift);
    BigInteger[] qr = numerator.divideAndRemainder(denominator);
    int extra = qr[0].bitLength() - PRECISION;
    return round(negative, qr[0], extra, qr[1].signum() != 0, extra - shift);
  }

  /** The product, rounded again to 64 bits. */
  public Float64Mantissa times(BigInteger factor) {
    return rounded(negative, mantissa.multiply(factor), exponent);
  }

  /** The value truncated toward zero. */
  public BigInteger truncate() {
    BigInteger magnitude = exponent >= 0 ? mantissa.shiftLeft(exponent) : mantissa.shiftRight(-exponent);
    return negative ? magnitude.negate() : magnitude;
  }

  private static Float64Mantissa rounded(boolean negative, BigInteger value, int exponent) {
    int extra = value.bitLength() - PRECISION;
    if (extra <= 0) {
      return new Float64Mantissa(negative, value, exponent);
    }
    return round(negative, value, extra, false, exponent + extra);
  }

  /** Drops the low {@code bits} of {@code value}, rounding half to even ({@code sticky}: more was dropped before). */
  private static Float64Mantissa round(boolean negative, BigInteger value, int bits, boolean sticky, int exponent) {
    BigInteger mantissa = value.shiftRight(bits);
    BigInteger dropped = value.subtract(mantissa.shiftLeft(bits));
    int cmp = dropped.compareTo(BigInteger.ONE.shiftLeft(bits - 1));
    if (cmp > 0 || cmp == 0 && (sticky || mantissa.testBit(0))) {
      mantissa = mantissa.add(BigInteger.ONE);
      if (mantissa.bitLength() > PRECISION) {
        mantissa = mantissa.shiftRight(1);
        exponent++;
      }
    }
    return new Float64Mantissa(negative, mantissa, exponent);
  }
}
