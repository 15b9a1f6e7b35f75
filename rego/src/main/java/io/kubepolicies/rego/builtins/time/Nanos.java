package io.kubepolicies.rego.builtins.time;

import io.kubepolicies.rego.builtins.BuiltinException;
import io.kubepolicies.rego.value.NumberValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;

/** Conversions between Rego numbers, nanoseconds since the epoch and instants, with OPA's limits and errors. */
final class Nanos {
  private static final Instant MIN = Instant.ofEpochSecond(0, Long.MIN_VALUE);
  private static final Instant MAX = Instant.ofEpochSecond(0, Long.MAX_VALUE);
  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final int MANTISSA_BITS = 64; // OPA reads the number into a big.Float of 64-bit precision

  private Nanos() {}

  /**
   * The nanoseconds an operand stands for. OPA reads the number as a 64-bit-precision binary float
   * and requires it to be an exact int64, so {@code 1.5} fails but a fraction too small to be
   * represented at that magnitude rounds away.
   */
  static long of(NumberValue n) {
    if (n.isLong()) {
      return n.longValue();
    }
    BigDecimal v = n.bigDecimalValue();
    BigInteger rounded = roundToMantissa(v);
    if (rounded == null || rounded.bitLength() > 63) {
      throw BuiltinException.error("timestamp too big");
    }
    return rounded.longValueExact();
  }

  /** |v| rounded to a 64-bit binary mantissa (half to even), with v's sign, if that is an integer; else null. */
  private static BigInteger roundToMantissa(BigDecimal v) {
    if (v.scale() <= 0) {
      return v.toBigIntegerExact(); // integers beyond int64 fail the range check anyway
    }
    BigInteger num = v.unscaledValue().abs();
    BigInteger den = BigInteger.TEN.pow(v.scale());
    // e such that 2^(e-1) <= |v| < 2^e
    int e = num.bitLength() - den.bitLength();
    while (compareScaled(num, den, e - 1) < 0) {
      e--;
    }
    while (compareScaled(num, den, e) >= 0) {
      e++;
    }
    if (e > 64) {
      return null;
    }
    int fractionBits = MANTISSA_BITS - e;
    BigDecimal scaled = new BigDecimal(fractionBits >= 0 ? num.shiftLeft(fractionBits) : num)
        .divide(new BigDecimal(fractionBits >= 0 ? den : den.shiftLeft(-fractionBits)), 0, RoundingMode.HALF_EVEN);
    BigInteger mantissa = scaled.toBigIntegerExact();
    if (fractionBits > 0 && mantissa.getLowestSetBit() < fractionBits && mantissa.signum() != 0) {
      return null;
    }
    BigInteger magnitude = fractionBits >= 0 ? mantissa.shiftRight(fractionBits) : mantissa;
    return v.signum() < 0 ? magnitude.negate() : magnitude;
  }

  /** Compares num/den with 2^exp. */
  private static int compareScaled(BigInteger num, BigInteger den, int exp) {
    return exp >= 0 ? num.compareTo(den.shiftLeft(exp)) : num.shiftLeft(-exp).compareTo(den);
  }

  /** OPA's toSafeUnixNano: the instant in nanoseconds, or "time outside of valid range". */
  static long of(Instant t) {
    if (t.isBefore(MIN) || t.isAfter(MAX)) {
      throw outOfRange();
    }
    long seconds = t.getEpochSecond();
    long nanos = t.getNano();
    if (seconds < 0 && nanos > 0) {
      seconds += 1;
      nanos -= NANOS_PER_SECOND;
    }
    return seconds * NANOS_PER_SECOND + nanos;
  }

  static BuiltinException outOfRange() {
    return BuiltinException.error("time outside of valid range");
  }
}
