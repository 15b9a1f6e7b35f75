package io.kubepolicies.rego.builtins.yaml;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How go-yaml v2 (behind OPA's {@code sigs.k8s.io/yaml}) resolves an untagged plain scalar: YAML 1.1
 * booleans ({@code yes}, {@code off}, ...), nulls, Go's integer syntax (hex, octal, binary, underscores),
 * floats, everything else a string. Results are Go-like values: {@code Boolean}, {@code null},
 * {@code Long} (int64), {@code BigInteger} (uint64), {@code Double}, {@code String}.
 */
final class GoYamlScalars {
  /** A resolved scalar and its YAML tag ({@code str}, {@code int}, {@code float}, {@code bool}, {@code null}). */
  record Resolved(String tag, Object value) {}

  private static final Pattern YAML_FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Pattern DOT_FLOAT = Pattern.compile("\\.[0-9]+([eE][-+]?[0-9]+)?");
  private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
  private static final Map<String, Resolved> WORDS = words();

  private GoYamlScalars() {}

  private static Map<String, Resolved> words() {
    Map<String, Resolved> m = new HashMap<>();
    for (String w : new String[] {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"}) {
      m.put(w, new Resolved("bool", Boolean.TRUE));
    }
    for (String w : new String[] {"n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"}) {
      m.put(w, new Resolved("bool", Boolean.FALSE));
    }
    for (String w : new String[] {"", "~", "null", "Null", "NULL"}) {
      m.put(w, new Resolved("null", null));
    }
    for (String w : new String[] {".nan", ".NaN", ".NAN"}) {
      m.put(w, new Resolved("float", Double.NaN));
    }
    for (String w : new String[] {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"}) {
      m.put(w, new Resolved("float", Double.POSITIVE_INFINITY));
    }
    for (String w : new String[] {"-.inf", "-.Inf", "-.INF"}) {
      m.put(w, new Resolved("float", Double.NEGATIVE_INFINITY));
    }
    return Map.copyOf(m);
  }

  static Resolved resolve(String in) {
    char hint = in.isEmpty() ? 'N' : hint(in.charAt(0));
    if (hint == 0) {
      return new Resolved("str", in);
    }
    Resolved word = WORDS.get(in);
    if (word != null) {
      return word;
    }
    if (hint == '.') {
      if (DOT_FLOAT.matcher(in).matches()) {
        Double d = finite(in);
        if (d != null) {
          return new Resolved("float", d);
        }
      }
    } else if (hint == 'D' || hint == 'S') {
      String plain = in.replace("_", "");
      BigInteger i = parseGoInteger(plain);
      if (i != null && i.bitLength() < 64) {
        return new Resolved("int", i.longValue());
      }
      if (i != null && i.signum() > 0 && i.compareTo(UINT64_MAX) <= 0 && plain.charAt(0) != '+') {
        return new Resolved("int", i);
      }
      if (YAML_FLOAT.matcher(plain).matches()) {
        Double d = finite(plain);
        if (d != null) {
          return new Resolved("float", d);
        }
      }
    }
    return new Resolved("str", in);
  }

  private static char hint(char c) {
    if (c == '+' || c == '-') {
      return 'S';
    }
    if (c >= '0' && c <= '9') {
      return 'D';
    }
    if ("yYnNtTfFoO~".indexOf(c) >= 0) {
      return 'M';
    }
    return c == '.' ? '.' : 0;
  }

  /** A decimal float, or null when Go's {@code ParseFloat} would report it out of range. */
  private static Double finite(String s) {
    double d = Double.parseDouble(s);
    return Double.isInfinite(d) ? null : d;
  }

  /**
   * Go's {@code strconv.ParseInt(s, 0, ...)} syntax: an optional sign, then {@code 0x}, {@code 0o},
   * {@code 0b} or a leading {@code 0} (octal) prefix, or plain decimal digits. Null when malformed.
   */
  static BigInteger parseGoInteger(String s) {
    int i = 0;
    boolean negative = false;
    if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
      negative = s.charAt(0) == '-';
      i = 1;
    }
    String body = s.substring(i);
    int radix = 10;
    if (body.length() > 1 && body.charAt(0) == '0') {
      char p = Character.toLowerCase(body.charAt(1));
      if (p == 'x' || p == 'o' || p == 'b') {
        radix = p == 'x' ? 16 : p == 'o' ? 8 : 2;
        body = body.substring(2);
      } else {
        radix = 8;
        body = body.substring(1);
      }
    }
    if (body.isEmpty()) {
      return null;
    }
    for (int k = 0; k < body.length(); k++) {
      int d = Character.digit(body.charAt(k), radix);
      if (d < 0 || body.charAt(k) > 'z') {
        return null;
      }
    }
    BigInteger v = new BigInteger(body, radix);
    return negative ? v.negate() : v;
  }
}
