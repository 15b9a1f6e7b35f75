package io.kubepolicies.rego.builtins.numeric;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The shortest decimal that identifies a {@link BinaryFloat} at its precision, found the way Go's
 * {@code big.Float.Text(format, -1)} finds it ({@code roundShortest} in {@code math/big/ftoa.go}):
 * digit by digit against the exact decimals of the bounds half a unit below and above. The digit
 * walk compares digits by position only, as Go's does, so the result matches OPA's digits also
 * where the bounds have a different number of integer digits.
 */
final class ShortestDecimal {
  private ShortestDecimal() {}

  static BigDecimal of(BinaryFloat x) {
    if (x.isZero()) {
      return BigDecimal.ZERO;
    }
    Digits d = Digits.of(x.mantissa(), x.exponent());

    // Scale the mantissa to precision + 1 bits, so that one unit of it is half a unit of the value.
    BigInteger m = x.mantissa();
    int shift = x.precision() + 1 - m.bitLength();
    BigInteger halfUnits = m.shiftLeft(shift);
    int e = x.exponent() - shift;
    Digits lower = Digits.of(halfUnits.subtract(BigInteger.ONE), e);
    Digits upper = Digits.of(halfUnits.add(BigInteger.ONE), e);
    // The bounds themselves round back to x only if x's mantissa is even (ties go to even).
    boolean inclusive = !halfUnits.testBit(1);

    for (int i = 0; i < d.length; i++) {
      char l = lower.at(i);
      char c = d.digits[i];
      char u = upper.at(i);
      boolean okDown = l != c || inclusive && i + 1 == lower.length;
      boolean okUp = c != u && (inclusive || c + 1 < u || i + 1 < upper.length);
      if (okDown && okUp) {
        d.round(i + 1);
        break;
      } else if (okDown) {
        d.roundDown(i + 1);
        break;
      } else if (okUp) {
        d.roundUp(i + 1);
        break;
      }
    }
    BigDecimal magnitude = d.toBigDecimal();
    return x.signum() < 0 ? magnitude.negate() : magnitude;
  }

  /** The exact decimal value of {@code m * 2^e}. */
  static BigDecimal exact(BigInteger m, int e) {
    if (e >= 0) {
      return new BigDecimal(m.shiftLeft(e));
    }
    // m / 2^k = m * 5^k / 10^k
    return new BigDecimal(m.multiply(BigInteger.valueOf(5).pow(-e)), -e);
  }

  /**
   * A positive decimal {@code 0.d1d2...dn * 10^point} with no leading or trailing zero digits: Go's
   * {@code big.decimal}, with its rounding steps.
   */
  private static final class Digits {
    private final char[] digits;
    private int length;
    private int point;

    private Digits(char[] digits, int point) {
      this.digits = digits;
      this.length = digits.length;
      this.point = point;
    }

    static Digits of(BigInteger m, int e) {
      BigDecimal v = exact(m, e).stripTrailingZeros();
      String text = v.unscaledValue().toString();
      return new Digits(text.toCharArray(), text.length() - v.scale());
    }

    char at(int i) {
      return i < length ? digits[i] : '0';
    }

    /** Rounds to n digits, to nearest, halfway to even. */
    void round(int n) {
      if (n >= length) {
        return;
      }
      boolean up;
      if (digits[n] == '5' && n + 1 == length) {
        up = n > 0 && (digits[n - 1] - '0') % 2 != 0;
      } else {
        up = digits[n] >= '5';
      }
      if (up) {
        roundUp(n);
      } else {
        roundDown(n);
      }
    }

    void roundUp(int n) {
      if (n >= length) {
        return;
      }
      int k = n;
      while (k > 0 && digits[k - 1] >= '9') {
        k--;
      }
      if (k == 0) {
        digits[0] = '1';
        length = 1;
        point++;
        return;
      }
      digits[k - 1]++;
      length = k;
    }

    void roundDown(int n) {
      if (n >= length) {
        return;
      }
      length = n;
      while (length > 0 && digits[length - 1] == '0') {
        length--;
      }
    }

    BigDecimal toBigDecimal() {
      if (length == 0) {
        return BigDecimal.ZERO;
      }
      return new BigDecimal(new BigInteger(new String(digits, 0, length)), length - point);
    }
  }
}
