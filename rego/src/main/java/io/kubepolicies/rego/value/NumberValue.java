package io.kubepolicies.rego.value;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An exact number, as in OPA: integers of any size and decimals without rounding.
 *
 * <p>Most numbers in admission requests are small integers, so those are held in a {@code long}
 * and never allocate a {@link BigDecimal}; everything else is a normalised {@code BigDecimal}
 * (trailing zeros stripped), which makes {@code 1}, {@code 1.0} and {@code 1e0} the same value
 * with the same hash code.
 */
public final class NumberValue implements Value {
  private static final NumberValue[] SMALL = new NumberValue[1024 + 128];

  static {
    for (int i = 0; i < SMALL.length; i++) {
      SMALL[i] = new NumberValue(i - 128, null);
    }
  }

  public static final NumberValue ZERO = of(0);
  public static final NumberValue ONE = of(1);

  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  private final long small;
  private final BigDecimal big; // null when the value is the long in `small`

  private NumberValue(long small, BigDecimal big) {
    this.small = small;
    this.big = big;
  }

  public static NumberValue of(long value) {
    if (value >= -128 && value < SMALL.length - 128) {
      return SMALL[(int) value + 128];
    }
    return new NumberValue(value, null);
  }

  public static NumberValue of(BigInteger value) {
    return value.bitLength() < 64 ? of(value.longValue()) : of(new BigDecimal(value));
  }

  public static NumberValue of(BigDecimal value) {
    if (value.signum() == 0) {
      return ZERO;
    }
    BigDecimal normal = value.stripTrailingZeros();
    if (normal.scale() <= 0 && normal.compareTo(LONG_MIN) >= 0 && normal.compareTo(LONG_MAX) <= 0) {
      return of(normal.longValueExact());
    }
    return new NumberValue(0, normal);
  }

  /** Parses a JSON or Rego number literal such as {@code -12}, {@code 3.5} or {@code 1e-3}. */
  public static NumberValue parse(String text) {
    int n = text.length();
    if (n > 0 && n < 19) {
      boolean digits = true;
      for (int i = text.charAt(0) == '-' ? 1 : 0; i < n && digits; i++) {
        char c = text.charAt(i);
        digits = c >= '0' && c <= '9';
      }
      if (digits && !(n == 1 && text.charAt(0) == '-')) {
        return of(Long.parseLong(text));
      }
    }
    return of(new BigDecimal(text));
  }

  /** A finite double as an exact number; NaN and infinities have no Rego value. */
  public static NumberValue of(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new ArithmeticException("not a finite number: " + value);
    }
    if (value == Math.rint(value) && Math.abs(value) < 0x1p62) {
      return of((long) value);
    }
    return of(new BigDecimal(Double.toString(value)));
  }

  /** True when the value is an integer that fits in a {@code long}. */
  public boolean isLong() {
    return big == null;
  }

  /** The value as a long; only meaningful when {@link #isLong()}. */
  public long longValue() {
    return small;
  }

  public boolean isInteger() {
    return big == null || big.scale() <= 0;
  }

  /** The value as an int if it is an integer in int range, otherwise null. */
  public Integer intValueExact() {
    if (big == null && small >= Integer.MIN_VALUE && small <= Integer.MAX_VALUE) {
      return (int) small;
    }
    return null;
  }

  public BigDecimal bigDecimalValue() {
    return big != null ? big : BigDecimal.valueOf(small);
  }

  /** The value as a BigInteger if it is an integer, otherwise null. */
  public BigInteger bigIntegerValue() {
    if (big == null) {
      return BigInteger.valueOf(small);
    }
    return big.scale() <= 0 ? big.toBigIntegerExact() : null;
  }

  public double doubleValue() {
    return big == null ? (double) small : big.doubleValue();
  }

  public int signum() {
    return big == null ? Long.signum(small) : big.signum();
  }

  public int compareNumber(NumberValue other) {
    if (big == null && other.big == null) {
      return Long.compare(small, other.small);
    }
    return bigDecimalValue().compareTo(other.bigDecimalValue());
  }

  @Override
  public Kind kind() {
    return Kind.NUMBER;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof NumberValue other)) {
      return false;
    }
    if (big == null && other.big == null) {
      return small == other.small;
    }
    return big != null && other.big != null && big.equals(other.big);
  }

  @Override
  public int hashCode() {
    return big == null ? Long.hashCode(small) : big.hashCode();
  }

  /** The shortest exact text: integers without exponent or fraction, decimals in plain notation when short. */
  @Override
  public String toString() {
    if (big == null) {
      return Long.toString(small);
    }
    if (big.scale() <= 0 && big.precision() - big.scale() <= 40) {
      return big.toPlainString();
    }
    if (big.scale() > 0 && big.scale() <= 40) {
      return big.toPlainString();
    }
    return big.toString();
  }
}
