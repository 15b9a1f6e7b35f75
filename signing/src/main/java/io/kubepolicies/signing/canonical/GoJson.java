package io.kubepolicies.signing.canonical;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.math.BigDecimal;
import java.math.BigInteger;

/** Scalars written exactly as Go's {@code encoding/json} writes them with HTML escaping off (as OPA hashes). */
final class GoJson {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private GoJson() {}

  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2);
    appendQuoted(out, s);
    return out.toString();
  }

  static void appendQuoted(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        out.append(c).append(s.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        // Go's decoder turns an unpaired surrogate escape into U+FFFD.
        out.append('\uFFFD');
      } else {
        appendEscaped(out, c);
      }
    }
    out.append('"');
  }

  private static void appendEscaped(StringBuilder out, char c) {
    switch (c) {
      case '"' -> out.append("\\\"");
      case '\\' -> out.append("\\\\");
      case '\b' -> out.append("\\b");
      case '\f' -> out.append("\\f");
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      // Go always escapes the JavaScript line separators, HTML escaping or not.
      case '\u2028' -> out.append("\\u2028");
      case '\u2029' -> out.append("\\u2029");
      default -> {
        if (c < 0x20) {
          out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
        } else {
          out.append(c);
        }
      }
    }
  }

  /**
   * An integer as Go's YAML decoder hands it to {@code encoding/json}: int64 and uint64 values as
   * decimals, anything larger as a float64.
   */
  static String formatInteger(BigInteger value) {
    boolean fits = value.bitLength() <= 63 || (value.signum() > 0 && value.compareTo(UINT64_MAX) <= 0);
    return fits ? value.toString() : formatDouble(value.doubleValue());
  }

  /** A float64 as {@code encoding/json} writes it: shortest digits, exponent form below 1e-6 and from 1e21. */
  static String formatDouble(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("unsupported number " + value + " (JSON has no infinities or NaN)");
    }
    if (value == 0) {
      return Double.doubleToRawLongBits(value) < 0 ? "-0" : "0";
    }
    BigDecimal shortest = new BigDecimal(NumberOutput.toString(value, true)).stripTrailingZeros();
    double magnitude = Math.abs(value);
    if (magnitude >= 1e-6 && magnitude < 1e21) {
      return shortest.toPlainString();
    }
    String digits = shortest.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - shortest.scale();
    StringBuilder out = new StringBuilder();
    if (value < 0) {
      out.append('-');
    }
    out.append(digits.charAt(0));
    if (digits.length() > 1) {
      out.append('.').append(digits, 1, digits.length());
    }
    // Exponents here are <= -7 or >= 21: strconv's two-digit padding is then either absent or
    // trimmed again by encoding/json ("e-07" becomes "e-7").
    return out.append('e').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent)).toString();
  }
}
