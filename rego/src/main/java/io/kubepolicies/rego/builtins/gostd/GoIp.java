package io.kubepolicies.rego.builtins.gostd;

import java.util.Arrays;

/**
 * IP addresses as Go's {@code net} package handles them: parsing with {@code netip.ParseAddr}'s
 * strict rules (no leading zeros in IPv4, at most one {@code ::}, embedded IPv4 only at the end),
 * addresses as 4- or 16-byte arrays, IPv4-mapped IPv6 addresses treated as IPv4, and the RFC 5952
 * text form. {@link java.net.InetAddress} is unsuitable: it accepts shorthand such as {@code 10.1}
 * and may resolve names.
 */
public final class GoIp {
  private static final byte[] V4_IN_V6_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff};

  private GoIp() {}

  /** An address parsed from text, with its IPv6 zone (empty when none). */
  public record Parsed(byte[] bytes, String zone) {}

  /**
   * Go's {@code netip.ParseAddr}: IPv4 as 4 bytes, IPv6 as 16 bytes, or null when the text is not an
   * address. The zone is returned separately; callers decide whether they accept one.
   */
  public static Parsed parseAddr(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '.') {
        byte[] v4 = new byte[4];
        return parseIpv4Fields(s, 0, s.length(), v4) ? new Parsed(v4, "") : null;
      }
      if (c == ':') {
        return parseIpv6(s);
      }
      if (c == '%') {
        return null;
      }
    }
    return null;
  }

  /** Go's {@code net.ParseIP}: a 16-byte address (IPv4 in mapped form), or null; zones are rejected. */
  public static byte[] parseIp(String s) {
    Parsed p = parseAddr(s);
    if (p == null || !p.zone().isEmpty()) {
      return null;
    }
    return to16(p.bytes());
  }

  private static boolean parseIpv4Fields(String s, int from, int to, byte[] fields) {
    int val = 0;
    int pos = 0;
    int digits = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        if (digits == 1 && val == 0) {
          return false;
        }
        val = val * 10 + (c - '0');
        digits++;
        if (val > 255) {
          return false;
        }
      } else if (c == '.') {
        if (i == from || i == to - 1 || s.charAt(i - 1) == '.' || pos == 3) {
          return false;
        }
        fields[pos++] = (byte) val;
        val = 0;
        digits = 0;
      } else {
        return false;
      }
    }
    if (pos < 3) {
      return false;
    }
    fields[3] = (byte) val;
    return true;
  }

  private static Parsed parseIpv6(String in) {
    String s = in;
    String zone = "";
    int pct = s.indexOf('%');
    if (pct >= 0) {
      zone = s.substring(pct + 1);
      s = s.substring(0, pct);
      if (zone.isEmpty()) {
        return null;
      }
    }
    int end = s.length();
    byte[] ip = new byte[16];
    int ellipsis = -1;
    int p = 0;
    if (end >= 2 && s.charAt(0) == ':' && s.charAt(1) == ':') {
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
        int d = hexDigit(s.charAt(p + off));
        if (d < 0) {
          break;
        }
        if (off > 3) {
          return null;
        }
        acc = (acc << 4) + d;
      }
      if (off == 0) {
        return null;
      }
      if (p + off < end && s.charAt(p + off) == '.') {
        if ((ellipsis < 0 && i != 12) || i + 4 > 16) {
          return null;
        }
        byte[] v4 = new byte[4];
        if (!parseIpv4Fields(s, p, end, v4)) {
          return null;
        }
        System.arraycopy(v4, 0, ip, i, 4);
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
      if (s.charAt(p) != ':' || p + 1 == end) {
        return null;
      }
      p++;
      if (s.charAt(p) == ':') {
        if (ellipsis >= 0) {
          return null;
        }
        ellipsis = i;
        p++;
        if (p == end) {
          break;
        }
      }
    }
    if (p != end) {
      return null;
    }
    if (i < 16) {
      if (ellipsis < 0) {
        return null;
      }
      int n = 16 - i;
      for (int j = i - 1; j >= ellipsis; j--) {
        ip[j + n] = ip[j];
      }
      Arrays.fill(ip, ellipsis, ellipsis + n, (byte) 0);
    } else if (ellipsis >= 0) {
      return null;
    }
    return new Parsed(ip, zone);
  }

  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
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
