package io.kubepolicies.rego.builtins.time;

import io.kubepolicies.rego.builtins.BuiltinException;
import java.util.Map;

/**
 * Go's {@code time.ParseDuration}, including its unsigned 64-bit overflow rules and messages; used by
 * {@code time.parse_duration_ns} and for {@code http.send} timeouts.
 */
public final class GoDuration {
  private static final long SIGN_BIT = Long.MIN_VALUE; // 1<<63 as an unsigned value

  private static final Map<String, Long> UNITS = Map.of(
      "ns", 1L,
      "us", 1_000L,
      GoBytes.of("\u00b5s"), 1_000L, // micro sign
      GoBytes.of("\u03bcs"), 1_000L, // Greek mu
      "ms", 1_000_000L,
      "s", 1_000_000_000L,
      "m", 60_000_000_000L,
      "h", 3_600_000_000_000L);

  private GoDuration() {}

  /** The duration in nanoseconds, e.g. {@code 1h2m3.5s}, {@code -1.5h}, {@code 300ms}. */
  public static long parse(String text) {
    String orig = GoBytes.of(text);
    String s = orig;
    boolean neg = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      neg = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return 0;
    }
    if (s.isEmpty()) {
      throw invalid(orig);
    }
    long d = 0; // unsigned
    while (!s.isEmpty()) {
      char c = s.charAt(0);
      if (!(c == '.' || c >= '0' && c <= '9')) {
        throw invalid(orig);
      }
      int i = 0;
      long v = 0; // unsigned
      for (; i < s.length() && GoBytes.isDigit(s, i); i++) {
        if (Long.compareUnsigned(v, Long.divideUnsigned(SIGN_BIT, 10)) > 0) {
          throw invalid(orig);
        }
        v = v * 10 + s.charAt(i) - '0';
        if (Long.compareUnsigned(v, SIGN_BIT) > 0) {
          throw invalid(orig);
        }
      }
      boolean pre = i > 0;
      s = s.substring(i);

      long f = 0;
      double scale = 1;
      boolean post = false;
      if (!s.isEmpty() && s.charAt(0) == '.') {
        s = s.substring(1);
        int j = 0;
        boolean overflow = false;
        for (; j < s.length() && GoBytes.isDigit(s, j); j++) {
          if (overflow) {
            continue;
          }
          if (Long.compareUnsigned(f, Long.MAX_VALUE / 10) > 0) {
            overflow = true; // further digits add no precision
            continue;
          }
          long y = f * 10 + s.charAt(j) - '0';
          if (Long.compareUnsigned(y, SIGN_BIT) > 0) {
            overflow = true;
            continue;
          }
          f = y;
          scale *= 10;
        }
        post = j > 0;
        s = s.substring(j);
      }
      if (!pre && !post) {
        throw invalid(orig);
      }

      int u = 0;
      while (u < s.length() && s.charAt(u) != '.' && !GoBytes.isDigit(s, u)) {
        u++;
      }
      if (u == 0) {
        throw BuiltinException.error("time: missing unit in duration " + GoBytes.quote(orig));
      }
      String name = s.substring(0, u);
      s = s.substring(u);
      Long unit = UNITS.get(name);
      if (unit == null) {
        throw BuiltinException.error("time: unknown unit " + GoBytes.quote(name) + " in duration " + GoBytes.quote(orig));
      }
      if (Long.compareUnsigned(v, Long.divideUnsigned(SIGN_BIT, unit)) > 0) {
        throw invalid(orig);
      }
      v *= unit;
      if (f > 0) {
        // Go computes the fraction in float64, nanosecond-accurate up to hours.
        v += (long) ((double) f * ((double) unit / scale));
        if (Long.compareUnsigned(v, SIGN_BIT) > 0) {
          throw invalid(orig);
        }
      }
      d += v;
      if (Long.compareUnsigned(d, SIGN_BIT) > 0) {
        throw invalid(orig);
      }
    }
    if (neg) {
      return -d;
    }
    if (Long.compareUnsigned(d, Long.MAX_VALUE) > 0) {
      throw invalid(orig);
    }
    return d;
  }

  private static BuiltinException invalid(String orig) {
    return BuiltinException.error("time: invalid duration " + GoBytes.quote(orig));
  }
}
