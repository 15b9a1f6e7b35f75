package io.kubepolicies.rego.builtins.encoding;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Go's shortest decimal forms of binary floats, as {@code strconv.FormatFloat(f, 'g', -1, bits)} prints them. */
final class GoFloat {
  private GoFloat() {}

  /** The shortest decimal that reads back as {@code d}. */
  static BigDecimal shortest(double d) {
    if (d == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal exact = new BigDecimal(d);
    for (int p = 1; p < 17; p++) {
      BigDecimal candidate = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
      if (candidate.doubleValue() == d) {
        return candidate;
      }
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
  }

  /** The shortest decimal that reads back as the float32 {@code f}. */
  static BigDecimal shortest(float f) {
    if (f == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal exact = new BigDecimal(f);
    for (int p = 1; p < 9; p++) {
      BigDecimal candidate = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
      if (candidate.floatValue() == f) {
        return candidate;
      }
    }
    return exact.round(new MathContext(9, RoundingMode.HALF_EVEN));
  }

  /** Go's {@code %g} for a shortest decimal: exponent form below 1e-4 and from 1e6 on ({@code 1e+06}). */
  static String formatG(BigDecimal v, boolean negativeZero) {
    if (v.signum() == 0) {
      return negativeZero ? "-0" : "0";
    }
    BigDecimal stripped = v.stripTrailingZeros();
    String digits = stripped.unscaledValue().abs().toString();
    int nd = digits.length();
    int dp = nd - stripped.scale();
    int exp = dp - 1;
    StringBuilder sb = new StringBuilder(v.signum() < 0 ? "-" : "");
    if (exp < -4 || exp >= 6) {
      sb.append(digits.charAt(0));
      if (nd > 1) {
        sb.append('.').append(digits, 1, nd);
      }
      sb.append('e').append(exp < 0 ? '-' : '+');
      int abs = Math.abs(exp);
      sb.append(abs < 10 ? "0" : "").append(abs);
    } else if (dp <= 0) {
      sb.append("0.").append("0".repeat(-dp)).append(digits);
    } else if (dp >= nd) {
      sb.append(digits).append("0".repeat(dp - nd));
    } else {
      sb.append(digits, 0, dp).append('.').append(digits, dp, nd);
    }
    return sb.toString();
  }
}
