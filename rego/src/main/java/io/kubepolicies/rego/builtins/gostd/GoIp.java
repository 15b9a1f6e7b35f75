package io.kubepolicies.rego.builtins.gostd;

import io.kubepolicies.rego.value.GoQuote;
import java.util.Arrays;

/**
 * IP addresses as Go's {@code net} package handles them: parsing with {@code netip.ParseAddr}'s
 * strict rules (no leading zeros in IPv4, at most one {@code ::}, embedded IPv4 only at the end),
 * addresses as 4- or 16-byte arrays, IPv4-mapped IPv6 addresses treated as IPv4, and the RFC 5952
 * text form. {@link java.net.InetAddress} is unsuitable: it accepts shorthand such as {@code 10.1}
 * and may resolve names. Parse failures carry {@code netip}'s messages, which {@code url.Parse}
 * shows for a bracketed host.
 */
public final class GoIp {
  private static final byte[] V4_IN_V6_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff};

  private GoIp() {}

  /** An address parsed from text, with its IPv6 zone (empty when none). */
  public record Parsed(byte[] bytes, String zone) {}

  /** Text that {@code netip.ParseAddr} rejects; the message is Go's. */
  public static final class ParseError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private ParseError(String in, String message, String at) {
      super("ParseAddr(" + GoQuote.quote(in) + "): " + message
          + (at.isEmpty() ? "" : " (at " + GoQuote.quote(at) + ")"), null, false, false);
    }
  }

  /**
   * Go's {@code netip.ParseAddr}: IPv4 as 4 bytes, IPv6 as 16 bytes, the zone returned separately
   * (callers decide whether they accept one); text that is no address fails with Go's message.
   */
  public static Parsed parse(String s) {
    for (int i = 0; i < s.length(); i++) {
      switch (s.charAt(i)) {
        case '.' -> {
          byte[] v4 = new byte[4];
          parseIpv4Fields(s, 0, s.length(), v4, 0);
          return new Parsed(v4, "");
        }
        case ':' -> {
          return parseIpv6(s);
        }
        case '%' -> throw new ParseError(s, "missing IPv6 address", "");
        default -> { }
      }
    }
    throw new ParseError(s, "unable to parse IP", "");
  }

  /** {@link #parse}, or null when the text is not an address. */
  public static Parsed parseAddr(String s) {
    try {
      return parse(s);
    } catch (ParseError e) {
      return null;
    }
  }

  /** Go's {@code net.ParseIP}: a 16-byte address (IPv4 in mapped form), or null; zones are rejected. */
  public static byte[] parseIp(String s) {
    Parsed p = parseAddr(s);
    if (p == null || !p.zone().isEmpty()) {
      return null;
    }
    return to16(p.bytes());
  }

  /** The dotted fields of {@code in[from, to)} into {@code fields[at, at + 4)}; errors name all of {@code in}. */
  private static void parseIpv4Fields(String in, int from, int to, byte[] fields, int at) {
    int val = 0;
    int pos = 0;
    int digits = 0;
    for (int i = from; i < to; i++) {
      char c = in.charAt(i);
      if (c >= '0' && c <= '9') {
        if (digits == 1 && val == 0) {
          throw new ParseError(in, "IPv4 field has octet with leading zero", "");
        }
        val = val * 10 + (c - '0');
        digits++;
        if (val > 255) {
          throw new ParseError(in, "IPv4 field has value >255", "");
        }
      } else if (c == '.') {
        if (i == from || i == to - 1 || in.charAt(i - 1) == '.') {
          throw new ParseError(in, "IPv4 field must have at least one digit", in.substring(i, to));
        }
        if (pos == 3) {
          throw new ParseError(in, "IPv4 address too long", "");
        }
        fields[at + pos++] = (byte) val;
        val = 0;
        digits = 0;
      } else {
        throw new ParseError(in, "unexpected character", in.substring(i, to));
      }
    }
    if (pos < 3) {
      throw new ParseError(in, "IPv4 address too short", "");
    }
    fields[at + 3] = (byte) val;
  }

  /** Go's {@code parseIPv6}, reading {@code in} by index: {@code p} is where Go's remaining {@code s} starts. */
  private static Parsed parseIpv6(String in) {
    int pct = in.indexOf('%');
    int end = pct < 0 ? in.length() : pct;
    String zone = pct < 0 ? "" : in.substring(pct + 1);
    if (pct >= 0 && zone.isEmpty()) {
      throw new ParseError(in, "zone must be a non-empty string", "");
    }
    byte[] ip = new byte[16];
    int ellipsis = -1;
    int p = 0;
    if (end >= 2 && in.charAt(0) == ':' && in.charAt(1) == ':') {
      ellipsis = 0;
      p = 2;
      if (p == end) {
        return new Parsed(ip, zone);
      }
    }
    int i = 0;
    while (i < 16) {
      int off = 0;
      int acc = 0;
      for (; p + off < end; off++) {
        int d = GoHex.digit(in.charAt(p + off));
        if (d < 0) {
          break;
        }
        acc = (acc << 4) + d;
        if (off > 3) {
          throw new ParseError(in, "each group must have 4 or less digits", in.substring(p, end));
        }
      }
      if (off == 0) {
        throw new ParseError(in, "each colon-separated field must have at least one digit", in.substring(p, end));
      }
      if (p + off < end && in.charAt(p + off) == '.') {
        if (ellipsis < 0 && i != 12) {
          throw new ParseError(in, "embedded IPv4 address must replace the final 2 fields of the address",
              in.substring(p, end));
        }
        if (i + 4 > 16) {
          throw new ParseError(in, "too many hex fields to fit an embedded IPv4 at the end of the address",
              in.substring(p, end));
        }
        parseIpv4Fields(in, p, end, ip, i);
        p = end;
        i += 4;
        break;
      }
      ip[i] = (byte) (acc >> 8);
      ip[i + 1] = (byte) acc;
      i += 2;
      p += off;
      if (p == end) {
        break;
      }
      if (in.charAt(p) != ':') {
        throw new ParseError(in, "unexpected character, want colon", in.substring(p, end));
      } else if (p + 1 == end) {
        throw new ParseError(in, "colon must be followed by more characters", in.substring(p, end));
      }
      p++;
      if (in.charAt(p) == ':') {
        if (ellipsis >= 0) {
          throw new ParseError(in, "multiple :: in address", in.substring(p, end));
        }
        ellipsis = i;
        p++;
        if (p == end) {
          break;
        }
      }
    }
    if (p != end) {
      throw new ParseError(in, "trailing garbage after address", in.substring(p, end));
    }
    if (i < 16) {
      if (ellipsis < 0) {
        throw new ParseError(in, "address string too short", "");
      }
      int n = 16 - i;
      for (int j = i - 1; j >= ellipsis; j--) {
        ip[j + n] = ip[j];
      }
      Arrays.fill(ip, ellipsis, ellipsis + n, (byte) 0);
    } else if (ellipsis >= 0) {
      throw new ParseError(in, "the :: must expand to at least one field of zeros", "");
    }
    return new Parsed(ip, zone);
  }

  /** Go's {@code IP.To4}: the 4-byte form of an IPv4 or IPv4-mapped address, otherwise null. */
  public static byte[] to4(byte[] ip) {
    if (ip.length == 4) {
      return ip;
    }
    if (ip.length == 16 && Arrays.equals(ip, 0, 12, V4_IN_V6_PREFIX, 0, 12)) {
      return Arrays.copyOfRange(ip, 12, 16);
    }
    return null;
  }

  /** Go's {@code IP.To16}. */
  public static byte[] to16(byte[] ip) {
    if (ip.length == 16) {
      return ip;
    }
    byte[] out = Arrays.copyOf(V4_IN_V6_PREFIX, 16);
    System.arraycopy(ip, 0, out, 12, 4);
    return out;
  }

  /** Go's {@code IP.String}: dotted IPv4 (also for mapped addresses), RFC 5952 IPv6. */
  public static String format(byte[] ip) {
    byte[] v4 = to4(ip);
    if (v4 != null) {
      return (v4[0] & 0xff) + "." + (v4[1] & 0xff) + "." + (v4[2] & 0xff) + "." + (v4[3] & 0xff);
    }
    if (ip.length != 16) {
      StringBuilder hex = new StringBuilder("?");
      for (byte b : ip) {
        hex.append(String.format("%02x", b & 0xff));
      }
      return hex.toString();
    }
    int bestStart = -1;
    int bestLen = 0;
    for (int g = 0; g < 8; ) {
      if (group(ip, g) != 0) {
        g++;
        continue;
      }
      int start = g;
      while (g < 8 && group(ip, g) == 0) {
        g++;
      }
      if (g - start >= 2 && g - start > bestLen) {
        bestStart = start;
        bestLen = g - start;
      }
    }
    StringBuilder out = new StringBuilder();
    for (int g = 0; g < 8; g++) {
      if (g == bestStart) {
        out.append("::");
        g += bestLen - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(group(ip, g)));
    }
    return out.toString();
  }

  private static int group(byte[] ip, int g) {
    return (ip[2 * g] & 0xff) << 8 | (ip[2 * g + 1] & 0xff);
  }
}
