package io.kubepolicies.rego.builtins.units;

/**
 * A resource string split as OPA's {@code extractNumAndUnit} does: the leading run of digits, dots,
 * signs and exponent markers is the amount, the rest is the unit. An {@code e} or {@code E} belongs to
 * the amount only when a digit or sign follows it (so in {@code 10e} it is the exa unit).
 */
public record Quantity(String amount, String unit) {
  /** Exponents longer than this are refused before any arithmetic, as in OPA. */
  private static final int MAX_EXPONENT_DIGITS = 6;

  /** Thrown when the exponent has too many digits. */
  public static final class ExponentTooLarge extends Exception {
    private static final long serialVersionUID = 1L;

    ExponentTooLarge() {
      super(null, null, false, false);
    }
  }

  public static Quantity split(String s) throws ExponentTooLarge {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      boolean exponent = c == 'e' || c == 'E';
      if (!isDigit(c) && c != '.' && !exponent && c != '+' && c != '-') {
        return at(s, i);
      }
      if (exponent) {
        if (i == n - 1 || !isDigit(s.charAt(i + 1)) && s.charAt(i + 1) != '+' && s.charAt(i + 1) != '-') {
          return at(s, i);
        }
        if (s.charAt(i + 1) == '+' || s.charAt(i + 1) == '-') {
          i++;
        }
        int digits = 0;
        while (i + 1 + digits < n && isDigit(s.charAt(i + 1 + digits))) {
          digits++;
        }
        if (digits > MAX_EXPONENT_DIGITS) {
          throw new ExponentTooLarge();
        }
      }
    }
    return new Quantity(s, "");
  }

  private static Quantity at(String s, int i) {
    return new Quantity(s.substring(0, i), s.substring(i));
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
