package io.kubepolicies.rego.builtins.gostd;

import io.kubepolicies.rego.value.GoQuote;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Go's {@code net/url} percent-escaping. It works on the UTF-8 bytes, as Go does, because what may be
 * escaped and what an error message quotes are byte-level matters.
 */
public final class UrlEscaping {
  private static final byte[] UPPER_HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

  private UrlEscaping() {}

  /** The URL part being escaped or unescaped; each allows different characters. */
  public enum Mode { PATH, PATH_SEGMENT, HOST, ZONE, USER_PASSWORD, QUERY_COMPONENT, FRAGMENT }

  /** Go's {@code QueryEscape}. */
  public static String queryEscape(String s) {
    return escape(s, Mode.QUERY_COMPONENT);
  }

  /** Go's {@code QueryUnescape}; a malformed escape fails with {@code invalid URL escape "%zz"}. */
  public static String queryUnescape(String s) {
    return unescape(s, Mode.QUERY_COMPONENT);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** {@link #escape(byte[], Mode)} of the string's UTF-8 bytes. */
  static String escape(String s, Mode mode) {
    return new String(escape(utf8(s), mode), StandardCharsets.UTF_8);
  }

  /** {@link #unescape(byte[], Mode)} of the string's UTF-8 bytes, decoded as UTF-8. */
  static String unescape(String s, Mode mode) {
    return new String(unescape(utf8(s), mode), StandardCharsets.UTF_8);
  }

  static boolean shouldEscape(int c, Mode mode) {
    if ('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
      return false;
    }
    if ((mode == Mode.HOST || mode == Mode.ZONE) && "!$&'()*+,;=:[]<>\"".indexOf(c) >= 0) {
      return false;
    }
    switch (c) {
      case '-', '_', '.', '~' -> {
        return false;
      }
      case '$', '&', '+', ',', '/', ':', ';', '=', '?', '@' -> {
        return switch (mode) {
          case PATH -> c == '?';
          case PATH_SEGMENT -> c == '/' || c == ';' || c == ',' || c == '?';
          case USER_PASSWORD -> c == '@' || c == '/' || c == '?' || c == ':';
          case QUERY_COMPONENT -> true;
          case FRAGMENT -> false;
          default -> true;
        };
      }
      default -> { }
    }
    if (mode == Mode.FRAGMENT && (c == '!' || c == '(' || c == ')' || c == '*')) {
      return false;
    }
    return true;
  }

  static byte[] escape(byte[] s, Mode mode) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length + 8);
    for (byte b : s) {
      int c = b & 0xff;
      if (c == ' ' && mode == Mode.QUERY_COMPONENT) {
        out.write('+');
      } else if (shouldEscape(c, mode)) {
        out.write('%');
        out.write(UPPER_HEX[c >> 4]);
        out.write(UPPER_HEX[c & 15]);
      } else {
        out.write(c);
      }
    }
    return out.toByteArray();
  }

  static byte[] unescape(byte[] s, Mode mode) {
    for (int i = 0; i < s.length; ) {
      int c = s[i] & 0xff;
      if (c == '%') {
        if (i + 2 >= s.length || GoHex.digit(s[i + 1]) < 0 || GoHex.digit(s[i + 2]) < 0) {
          throw escapeError(s, i, Math.min(s.length, i + 3));
        }
        // A host may %-encode only non-ASCII bytes, except %25 (RFC 6874 zone identifiers).
        if (mode == Mode.HOST && GoHex.digit(s[i + 1]) < 8 && !isPercent25(s, i)) {
          throw escapeError(s, i, i + 3);
        }
        if (mode == Mode.ZONE) {
          int v = GoHex.digit(s[i + 1]) << 4 | GoHex.digit(s[i + 2]);
          if (!isPercent25(s, i) && v != ' ' && shouldEscape(v, Mode.HOST)) {
            throw escapeError(s, i, i + 3);
          }
        }
        i += 3;
      } else {
        if ((mode == Mode.HOST || mode == Mode.ZONE) && c < 0x80 && shouldEscape(c, mode)) {
          throw new UrlError("invalid character " + GoQuote.quote(s, i, i + 1) + " in host name");
        }
        i++;
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length);
    for (int i = 0; i < s.length; i++) {
      int c = s[i] & 0xff;
      if (c == '%') {
        out.write(GoHex.digit(s[i + 1]) << 4 | GoHex.digit(s[i + 2]));
        i += 2;
      } else if (c == '+' && mode == Mode.QUERY_COMPONENT) {
        out.write(' ');
      } else {
        out.write(c);
      }
    }
    return out.toByteArray();
  }

  private static UrlError escapeError(byte[] s, int from, int to) {
    return new UrlError("invalid URL escape " + GoQuote.quote(s, from, to));
  }

  private static boolean isPercent25(byte[] s, int i) {
    return s[i + 1] == '2' && s[i + 2] == '5';
  }
}
