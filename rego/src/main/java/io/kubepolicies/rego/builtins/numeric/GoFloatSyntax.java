package io.kubepolicies.rego.builtins.numeric;

import io.kubepolicies.rego.value.GoQuote;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Number text as Go's {@code strconv.ParseFloat(s, 64)} accepts it, which is what {@code to_number}
 * checks strings against: an optional sign, decimal digits with an optional point and {@code e}
 * exponent, or a hexadecimal mantissa ({@code 0x}) with a mandatory {@code p} exponent, with
 * underscores allowed between digits. OPA then keeps the string itself as the number, so the result
 * here is the exact value of the text, not a {@code double}.
 */
public final class GoFloatSyntax {
  /** Saturation point of the exponent, as in Go's reader: larger exponents are out of range anyway. */
  private static final int EXPONENT_LIMIT = 10_000;

  /**
   * The most mantissa digits accepted. Go reads any number of digits; converting them exactly takes
   * time quadratic in their count (a million digits take most of a minute), and no float64 needs more
   * than 767 significant digits to be written exactly.
   */
  public static final int MAX_DIGITS = 10_000;

  /** The smallest magnitude that a float64 rounds to infinity: 2^1024 - 2^970. */
  private static final BigDecimal OVERFLOW =
      new BigDecimal(BigInteger.ONE.shiftLeft(1024).subtract(BigInteger.ONE.shiftLeft(970)));

  private GoFloatSyntax() {}

  /** Thrown for text that {@code ParseFloat} rejects; the message is Go's. */
  public static final class SyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    private SyntaxException(String message) {
      super(message, null, false, false);
    }

    private static SyntaxException rejecting(String text, String reason) {
      return new SyntaxException("strconv.ParseFloat: parsing " + GoQuote.quote(text) + ": " + reason);
    }
  }

  /**
   * The exact value of {@code text}, or a {@link SyntaxException} with Go's message when
   * {@code ParseFloat} would fail ({@code invalid syntax}, or {@code value out of range} when the
   * value overflows a float64). Infinities and NaN must be screened out by the caller.
   */
  public static BigDecimal parse(String text) throws SyntaxException {
    Reader r = new Reader(text);
    BigDecimal value = r.read();
    if (value == null || r.pos != text.length() || (r.underscores && !underscoresOk(text))) {
      throw SyntaxException.rejecting(text, "invalid syntax");
    }
    if (value.abs().compareTo(OVERFLOW) >= 0) {
      throw SyntaxException.rejecting(text, "value out of range");
    }
    return value;
  }

  /** A cursor over the text, following Go's {@code readFloat}. */
  private static final class Reader {
    private final String s;
    private int pos;
    private boolean underscores;

    Reader(String s) {
      this.s = s;
    }

    /** The value read, or null when the text is not a number. */
    BigDecimal read() throws SyntaxException {
      boolean negative = false;
      if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
        negative = s.charAt(pos) == '-';
        pos++;
      }
      boolean hex = pos + 2 < s.length() && s.charAt(pos) == '0' && Character.toLowerCase(s.charAt(pos + 1)) == 'x';
      if (hex) {
        pos += 2;
      }
      int base = hex ? 16 : 10;
      StringBuilder digits = new StringBuilder();
      int fractionDigits = 0;
      boolean sawDot = false;
      for (; pos < s.length(); pos++) {
        char c = s.charAt(pos);
        if (c == '_') {
          underscores = true;
        } else if (c == '.') {
          if (sawDot) {
            break;
          }
          sawDot = true;
        } else if (Character.digit(c, base) >= 0 && c < 0x80) {
          digits.append(c);
          if (sawDot) {
            fractionDigits++;
          }
        } else {
          break;
        }
      }
      if (digits.length() == 0) {
        return null;
      }
      if (digits.length() > MAX_DIGITS) {
        throw new SyntaxException("number text has more than " + MAX_DIGITS + " digits");
      }
      Integer exponent = readExponent(hex ? 'p' : 'e');
      if (exponent == null) {
        return null;
      }
      BigInteger mantissa = new BigInteger(digits.toString(), base);
      BigDecimal magnitude = hex
          ? binaryScaled(mantissa, exponent - 4L * fractionDigits)
          : new BigDecimal(mantissa, fractionDigits - exponent);
      return negative ? magnitude.negate() : magnitude;
    }

    /** The exponent after the mantissa (0 when absent in decimal), or null when malformed or missing in hex. */
    private Integer readExponent(char marker) {
      if (pos >= s.length() || Character.toLowerCase(s.charAt(pos)) != marker) {
        return marker == 'p' ? null : 0;
      }
      pos++;
      int sign = 1;
      if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
        sign = s.charAt(pos) == '-' ? -1 : 1;
        pos++;
      }
      if (pos >= s.length() || s.charAt(pos) < '0' || s.charAt(pos) > '9') {
        return null;
      }
      int e = 0;
      for (; pos < s.length() && (s.charAt(pos) >= '0' && s.charAt(pos) <= '9' || s.charAt(pos) == '_'); pos++) {
        if (s.charAt(pos) == '_') {
          underscores = true;
        } else if (e < EXPONENT_LIMIT) {
          e = e * 10 + s.charAt(pos) - '0';
        }
      }
      return sign * e;
    }

    private static BigDecimal binaryScaled(BigInteger mantissa, long exponent2) {
      if (exponent2 >= 0) {
        return new BigDecimal(mantissa.shiftLeft((int) exponent2));
      }
      int k = (int) -exponent2;
      return new BigDecimal(mantissa.multiply(BigInteger.valueOf(5).pow(k)), k).stripTrailingZeros();
    }
  }

  /**
   * Go's rule for underscores: only between digits, or between a base prefix and a digit, and never
   * at the end.
   */
  private static boolean underscoresOk(String text) {
    String s = text;
    if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
      s = s.substring(1);
    }
    char saw = '^';
    int i = 0;
    boolean hex = false;
    if (s.length() >= 2 && s.charAt(0) == '0' && "box".indexOf(Character.toLowerCase(s.charAt(1))) >= 0) {
      i = 2;
      saw = '0';
      hex = Character.toLowerCase(s.charAt(1)) == 'x';
    }
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      char lower = Character.toLowerCase(c);
      if (c >= '0' && c <= '9' || hex && lower >= 'a' && lower <= 'f') {
        saw = '0';
      } else if (c == '_') {
        if (saw != '0') {
          return false;
        }
        saw = '_';
      } else {
        if (saw == '_') {
          return false;
        }
        saw = '!';
      }
    }
    return saw != '_';
  }
}
