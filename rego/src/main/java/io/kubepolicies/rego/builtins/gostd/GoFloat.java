package io.kubepolicies.rego.builtins.gostd;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.function.Predicate;

/**
 * Go's {@code strconv.FormatFloat}: formats {@code e E f g G b x X}, with a precision or {@code -1}
 * for the shortest text that reads back as the same float64 (or float32). Digits come from the exact
 * binary value, rounded half to even, as Go does. The decimal formats also serve for
 * {@code big.Float.Text} of a value held exactly as a decimal.
 */
public final class GoFloat {
  private GoFloat() {}

  /** Decimal digits without trailing zeros; the value is {@code 0.digits * 10^point}. */
  private record Digits(String digits, int point) {
    static final Digits ZERO = new Digits("", 0);

    static Digits of(BigDecimal positive) {
      if (positive.signum() == 0) {
        return ZERO;
      }
      String all = positive.unscaledValue().toString();
      int point = all.length() - positive.scale();
      int end = all.length();
      while (end > 1 && all.charAt(end - 1) == '0') {
        end--;
      }
      return new Digits(all.substring(0, end), point);
    }

    int count() {
      return digits.length();
    }

    char at(int i) {
      return i >= 0 && i < digits.length() ? digits.charAt(i) : '0';
    }
  }

  /** {@code strconv.FormatFloat(v, fmt, prec, 64)}. */
  public static String format(double v, char fmt, int prec) {
    boolean negative = Double.doubleToRawLongBits(v) < 0;
    double abs = Math.abs(v);
    if (fmt == 'b' || fmt == 'x' || fmt == 'X') {
      return binary(negative, abs, fmt, prec);
    }
    BigDecimal exact = new BigDecimal(abs);
    if (prec < 0) {
      return layoutShortest(negative, Digits.of(shortest(exact, 17, d -> d.doubleValue() == abs)), fmt);
    }
    return decimal(negative, exact, fmt, prec);
  }

  /** {@code strconv.FormatFloat(float64(v), fmt, -1, 32)} for a decimal format: the shortest text that reads back as {@code v}. */
  public static String formatShortest(float v, char fmt) {
    float abs = Math.abs(v);
    boolean negative = Float.floatToRawIntBits(v) < 0;
    return layoutShortest(negative, Digits.of(shortest(new BigDecimal(abs), 9, d -> d.floatValue() == abs)), fmt);
  }

  /** {@code big.Float.Text(fmt, prec)} for a decimal format, of an exact value; {@code prec} is at least 0. */
  public static String format(BigDecimal v, char fmt, int prec) {
    return decimal(v.signum() < 0, v.abs(), fmt, prec);
  }

  /** The shortest decimal that reads back as {@code v}: the value {@code strconv.FormatFloat(v, 'g', -1, 64)} writes. */
  public static BigDecimal shortest(double v) {
    double abs = Math.abs(v);
    BigDecimal magnitude = shortest(new BigDecimal(abs), 17, d -> d.doubleValue() == abs);
    return v < 0 ? magnitude.negate() : magnitude;
  }

  /** {@code abs} rounded to {@code prec} digits as the format counts them. */
  private static String decimal(boolean negative, BigDecimal abs, char fmt, int prec) {
    if ((fmt == 'g' || fmt == 'G') && prec == 0) {
      prec = 1;
    }
    Digits d = switch (fmt) {
      case 'e', 'E' -> Digits.of(abs.round(new MathContext(prec + 1, RoundingMode.HALF_EVEN)));
      case 'f' -> Digits.of(abs.setScale(prec, RoundingMode.HALF_EVEN));
      default -> Digits.of(abs.round(new MathContext(prec, RoundingMode.HALF_EVEN)));
    };
    return layout(negative, d, fmt, prec, false);
  }

  /** Shortest digits, written with as many digits as they have. */
  private static String layoutShortest(boolean negative, Digits d, char fmt) {
    int prec = switch (fmt) {
      case 'e', 'E' -> Math.max(d.count() - 1, 0);
      case 'f' -> Math.max(d.count() - d.point(), 0);
      default -> d.count();
    };
    return layout(negative, d, fmt, prec, true);
  }

  private static String layout(boolean negative, Digits d, char fmt, int prec, boolean shortest) {
    StringBuilder sb = new StringBuilder(24);
    if (negative) {
      sb.append('-');
    }
    switch (fmt) {
      case 'e', 'E' -> exponential(sb, d, prec, fmt);
      case 'f' -> fixed(sb, d, prec);
      default -> general(sb, d, prec, fmt, shortest);
    }
    return sb.toString();
  }

  /**
   * The shortest decimal (of at most {@code maxDigits} digits) that reads back as the float whose
   * exact value is {@code exact}; among equally short ones the nearest.
   */
  private static BigDecimal shortest(BigDecimal exact, int maxDigits, Predicate<BigDecimal> readsBack) {
    if (exact.signum() == 0) {
      return BigDecimal.ZERO;
    }
    for (int p = 1; p < maxDigits; p++) {
      BigDecimal nearest = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
      if (readsBack.test(nearest)) {
        return nearest;
      }
      RoundingMode other = nearest.compareTo(exact) > 0 ? RoundingMode.DOWN : RoundingMode.UP;
      BigDecimal alternative = exact.round(new MathContext(p, other));
      if (readsBack.test(alternative)) {
        return alternative;
      }
    }
    return exact.round(new MathContext(maxDigits, RoundingMode.HALF_EVEN));
  }

  private static void general(StringBuilder sb, Digits d, int prec, char fmt, boolean shortest) {
    int eprec = prec;
    if (eprec > d.count() && d.count() >= d.point()) {
      eprec = d.count();
    }
    if (shortest) {
      eprec = 6;
    }
    int exp = d.point() - 1;
    if (exp < -4 || exp >= eprec) {
      exponential(sb, d, Math.min(prec, d.count()) - 1, fmt == 'g' ? 'e' : 'E');
      return;
    }
    fixed(sb, d, Math.max((prec > d.point() ? d.count() : prec) - d.point(), 0));
  }

  private static void exponential(StringBuilder sb, Digits d, int prec, char e) {
    sb.append(d.count() == 0 ? '0' : d.at(0));
    if (prec > 0) {
      sb.append('.');
      for (int i = 1; i <= prec; i++) {
        sb.append(d.at(i));
      }
    }
    sb.append(e);
    int exp = d.count() == 0 ? 0 : d.point() - 1;
    sb.append(exp < 0 ? '-' : '+');
    exp = Math.abs(exp);
    if (exp < 10) {
      sb.append('0');
    }
    sb.append(exp);
  }

  private static void fixed(StringBuilder sb, Digits d, int prec) {
    if (d.point() > 0) {
      for (int i = 0; i < d.point(); i++) {
        sb.append(d.at(i));
      }
    } else {
      sb.append('0');
    }
    if (prec > 0) {
      sb.append('.');
      for (int i = 1; i <= prec; i++) {
        sb.append(d.at(d.point() + i - 1));
      }
    }
  }

  /** {@code %b} (mantissa "p" binary exponent) and {@code %x}/{@code %X} (hexadecimal mantissa). */
  private static String binary(boolean negative, double abs, char fmt, int prec) {
    long bits = Double.doubleToRawLongBits(abs);
    int exp = (int) (bits >>> 52) & 0x7FF;
    long mant = bits & ((1L << 52) - 1);
    if (exp == 0) {
      exp++;
    } else {
      mant |= 1L << 52;
    }
    exp -= 1023;
    StringBuilder sb = new StringBuilder(24);
    if (negative) {
      sb.append('-');
    }
    if (fmt == 'b') {
      int e = exp - 52;
      return sb.append(mant).append('p').append(e >= 0 ? "+" : "").append(e).toString();
    }
    return hex(sb, mant, exp, fmt, prec);
  }

  private static String hex(StringBuilder sb, long mant, int exp, char fmt, int prec) {
    if (mant == 0) {
      exp = 0;
    }
    mant <<= 60 - 52;
    while (mant != 0 && (mant & (1L << 60)) == 0) {
      mant <<= 1;
      exp--;
    }
    if (prec >= 0 && prec < 15) {
      int shift = prec * 4;
      long extra = (mant << shift) & ((1L << 60) - 1);
      mant >>>= 60 - shift;
      if ((extra | (mant & 1)) > 1L << 59) {
        mant++;
      }
      mant <<= 60 - shift;
      if ((mant & (1L << 61)) != 0) {
        mant >>>= 1;
        exp++;
      }
    }
    String digits = fmt == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    sb.append('0').append(fmt).append((char) ('0' + ((mant >>> 60) & 1)));
    mant <<= 4;
    if (prec < 0 && mant != 0) {
      sb.append('.');
      while (mant != 0) {
        sb.append(digits.charAt((int) ((mant >>> 60) & 15)));
        mant <<= 4;
      }
    } else if (prec > 0) {
      sb.append('.');
      for (int i = 0; i < prec; i++) {
        sb.append(digits.charAt((int) ((mant >>> 60) & 15)));
        mant <<= 4;
      }
    }
    sb.append(fmt == 'X' ? 'P' : 'p').append(exp < 0 ? '-' : '+');
    exp = Math.abs(exp);
    if (exp < 10) {
      sb.append('0');
    }
    return sb.append(exp).toString();
  }
}
