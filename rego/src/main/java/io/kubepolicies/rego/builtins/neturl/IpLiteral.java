package io.kubepolicies.rego.builtins.neturl;

import io.kubepolicies.rego.value.RegoText;

/**
 * The checks of Go's {@code netip.ParseAddr}, which {@code url.Parse} applies to a bracketed host
 * ({@code [::1]}): only an IPv6 address (possibly IPv4-mapped, possibly with a zone) may stand there.
 * Messages are Go's, e.g. {@code ParseAddr("v1.x"): unexpected character (at "v1.x")}.
 */
final class IpLiteral {
  private IpLiteral() {}

  /** Whether {@code s} is an IPv4 address; fails with Go's message when it is no address at all. */
  static boolean isIPv4(String s) {
    for (int i = 0; i < s.length(); i++) {
      switch (s.charAt(i)) {
        case '.' -> {
          ipv4Fields(s, 0, s.length());
          return true;
        }
        case ':' -> {
          ipv6(s);
          return false;
        }
        case '%' -> throw fail(s, "missing IPv6 address", null);
        default -> { }
      }
    }
    throw fail(s, "unable to parse IP", null);
  }

  private static void ipv4Fields(String in, int off, int end) {
    String s = in.substring(off, end);
    int val = 0;
    int pos = 0;
    int digits = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        if (digits == 1 && val == 0) {
          throw fail(in, "IPv4 field has octet with leading zero", null);
        }
        val = val * 10 + (c - '0');
        digits++;
        if (val > 255) {
          throw fail(in, "IPv4 field has value >255", null);
        }
      } else if (c == '.') {
        if (i == 0 || i == s.length() - 1 || s.charAt(i - 1) == '.') {
          throw fail(in, "IPv4 field must have at least one digit", s.substring(i));
        }
        if (pos == 3) {
          throw fail(in, "IPv4 address too long", null);
        }
        pos++;
        val = 0;
        digits = 0;
      } else {
        throw fail(in, "unexpected character", s.substring(i));
      }
    }
    if (pos < 3) {
      throw fail(in, "IPv4 address too short", null);
    }
  }

  private static void ipv6(String in) {
    String s = in;
    String zone = "";
    int pct = s.indexOf('%');
    if (pct >= 0) {
      zone = s.substring(pct + 1);
      s = s.substring(0, pct);
      if (zone.isEmpty()) {
        throw fail(in, "zone must be a non-empty string", null);
      }
    }
    int ellipsis = -1;
    if (s.startsWith("::")) {
      ellipsis = 0;
      s = s.substring(2);
      if (s.isEmpty()) {
        return;
      }
    }
    int i = 0;
    while (i < 16) {
      int off = 0;
      int acc = 0;
      for (; off < s.length(); off++) {
        int d = hexDigit(s.charAt(off));
        if (d < 0) {
          break;
        }
        acc = (acc << 4) + d;
        if (off > 3) {
          throw fail(in, "each group must have 4 or less digits", s);
        }
        if (acc > 0xffff) {
          throw fail(in, "IPv6 field has value >=2^16", s);
        }
      }
      if (off == 0) {
        throw fail(in, "each colon-separated field must have at least one digit", s);
      }
      if (off < s.length() && s.charAt(off) == '.') {
        if (ellipsis < 0 && i != 12) {
          throw fail(in, "embedded IPv4 address must replace the final 2 fields of the address", s);
        }
        if (i + 4 > 16) {
          throw fail(in, "too many hex fields to fit an embedded IPv4 at the end of the address", s);
        }
        int end = in.length() - (zone.isEmpty() ? 0 : zone.length() + 1);
        ipv4Fields(in, end - s.length(), end);
        s = "";
        i += 4;
        break;
      }
      i += 2;
      s = s.substring(off);
      if (s.isEmpty()) {
        break;
      }
      if (s.charAt(0) != ':') {
        throw fail(in, "unexpected character, want colon", s);
      } else if (s.length() == 1) {
        throw fail(in, "colon must be followed by more characters", s);
      }
      s = s.substring(1);
      if (s.charAt(0) == ':') {
        if (ellipsis >= 0) {
          throw fail(in, "multiple :: in address", s);
        }
        ellipsis = i;
        s = s.substring(1);
        if (s.isEmpty()) {
          break;
        }
      }
    }
    if (!s.isEmpty()) {
      throw fail(in, "trailing garbage after address", s);
    }
    if (i < 16) {
      if (ellipsis < 0) {
        throw fail(in, "address string too short", null);
      }
    } else if (ellipsis >= 0) {
      throw fail(in, "the :: must expand to at least one field of zeros", null);
    }
  }

  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
      return (c | 0x20) - 'a' + 10;
    }
    return -1;
  }

  private static UrlError fail(String in, String message, String at) {
    StringBuilder sb = new StringBuilder("ParseAddr(");
    RegoText.quote(in, sb);
    sb.append("): ").append(message);
    if (at != null && !at.isEmpty()) {
      sb.append(" (at ");
      RegoText.quote(at, sb);
      sb.append(')');
    }
    return new UrlError(sb.toString());
  }
}
