package io.kubepolicies.rego.builtins;

import io.kubepolicies.rego.types.Type;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.GoQuote;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.math.BigInteger;
import java.util.List;
import java.util.regex.Pattern;

/**
 * OPA's {@code semver.is_valid} and {@code semver.compare}, with OPA's SemVer rules: a leading
 * {@code v} is tolerated, major/minor/patch are int64 (leading zeros allowed, as Go's ParseInt
 * allows them), pre-release identifiers order numerically or lexically, build metadata is ignored.
 */
public final class Semver implements BuiltinFamily {
  // A fixed pattern, not user input, so java.util.regex is fine here.
  private static final Pattern IDENTIFIERS = Pattern.compile("[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*");

  @Override
  public void register(Builtins.Registrar r) {
    r.function("semver.is_valid", List.of(Type.ANY), Type.BOOLEAN,
        (ctx, args) -> BooleanValue.of(args[0] instanceof StringValue s && Version.parse(s.value()) != null));
    r.function("semver.compare", List.of(Type.STRING, Type.STRING), Type.NUMBER, (ctx, args) -> {
      Version a = version(args, 1);
      Version b = version(args, 2);
      return NumberValue.of(a.compareTo(b));
    });
  }

  private static Version version(Value[] args, int position) {
    String text = Operands.string(args, position);
    Version v = Version.parse(text);
    if (v == null) {
      throw BuiltinException.error("operand " + position + ": string " + GoQuote.quote(text) + " is not a valid SemVer");
    }
    return v;
  }

  /** A parsed version; build metadata is validated but plays no part in ordering. */
  record Version(long major, long minor, long patch, String preRelease) implements Comparable<Version> {
    static Version parse(String text) {
      String s = text.startsWith("v") ? text.substring(1) : text;
      int plus = s.indexOf('+');
      if (plus >= 0) {
        String metadata = s.substring(plus + 1);
        s = s.substring(0, plus);
        if (!metadata.isEmpty() && !IDENTIFIERS.matcher(metadata).matches()) {
          return null;
        }
      }
      String pre = "";
      int dash = s.indexOf('-');
      if (dash >= 0) {
        pre = s.substring(dash + 1);
        s = s.substring(0, dash);
        if (!pre.isEmpty() && !IDENTIFIERS.matcher(pre).matches()) {
          return null;
        }
      }
      String[] parts = s.split("\\.", -1);
      if (parts.length != 3) {
        return null;
      }
      Long major = parseInt64(parts[0]);
      Long minor = parseInt64(parts[1]);
      Long patch = parseInt64(parts[2]);
      if (major == null || minor == null || patch == null) {
        return null;
      }
      return new Version(major, minor, patch, pre);
    }

    /** Go's {@code strconv.ParseInt(s, 10, 64)}: optional sign, decimal digits, int64 range. */
    private static Long parseInt64(String s) {
      int start = !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
      if (s.length() == start) {
        return null;
      }
      for (int i = start; i < s.length(); i++) {
        if (s.charAt(i) < '0' || s.charAt(i) > '9') {
          return null;
        }
      }
      BigInteger v = new BigInteger(s.charAt(0) == '+' ? s.substring(1) : s);
      return v.bitLength() < 64 ? v.longValue() : null;
    }

    @Override
    public int compareTo(Version o) {
      int c = Long.compare(major, o.major);
      c = c != 0 ? c : Long.compare(minor, o.minor);
      c = c != 0 ? c : Long.compare(patch, o.patch);
      if (c != 0) {
        return Integer.signum(c);
      }
      if (preRelease.equals(o.preRelease)) {
        return 0;
      }
      // A release ranks above any of its pre-releases.
      if (preRelease.isEmpty()) {
        return 1;
      }
      if (o.preRelease.isEmpty()) {
        return -1;
      }
      return comparePreRelease(preRelease.split("\\.", -1), o.preRelease.split("\\.", -1));
    }

    private static int comparePreRelease(String[] a, String[] b) {
      for (int i = 0; ; i++) {
        if (i >= a.length) {
          return i >= b.length ? 0 : -1;
        }
        if (i >= b.length) {
          return 1;
        }
        boolean aNumeric = isNumeric(a[i]);
        boolean bNumeric = isNumeric(b[i]);
        if (aNumeric != bNumeric) {
          return aNumeric ? -1 : 1; // numeric identifiers rank below alphanumeric ones
        }
        int c = aNumeric ? Long.compare(atoi(a[i]), atoi(b[i])) : a[i].compareTo(b[i]);
        if (c != 0) {
          return Integer.signum(c);
        }
      }
    }

    /** Go's {@code strconv.Atoi} with its error ignored, as OPA does: out-of-range values clamp to the maximum. */
    private static long atoi(String digits) {
      BigInteger v = new BigInteger(digits);
      return v.bitLength() < 64 ? v.longValue() : Long.MAX_VALUE;
    }

    private static boolean isNumeric(String s) {
      return !s.isEmpty() && s.chars().allMatch(ch -> ch >= '0' && ch <= '9');
    }
  }
}
