package io.kubepolicies.rego.value;

import java.nio.charset.StandardCharsets;

/**
 * Go's {@code strconv} quoting ({@code Quote}, {@code QuoteToASCII}, {@code QuoteRune},
 * {@code CanBackquote}, {@code IsPrint}), which OPA uses to print strings in Rego text and which
 * {@code sprintf("%q")} exposes directly. Go's error messages quote their input the same way.
 */
public final class GoQuote {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private GoQuote() {}

  /** {@code strconv.Quote}. */
  public static String quote(String s) {
    return quote(s, false);
  }

  /** {@code strconv.Quote}, or {@code strconv.QuoteToASCII} when {@code asciiOnly}. */
  public static String quote(String s, boolean asciiOnly) {
    StringBuilder sb = new StringBuilder(s.length() + 2);
    appendQuoted(s, asciiOnly, sb);
    return sb.toString();
  }

  public static void appendQuoted(String s, boolean asciiOnly, StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      appendEscaped(cp, '"', asciiOnly, sb);
    }
    sb.append('"');
  }

  /**
   * {@code strconv.Quote} of a Go string given as UTF-8 bytes, e.g. a slice of one that may cut a
   * character: bytes that do not form valid UTF-8 come out as {@code \xNN}.
   */
  public static String quote(byte[] b, int from, int to) {
    StringBuilder sb = new StringBuilder(to - from + 2).append('"');
    for (int i = from; i < to; ) {
      int len = validSequenceLength(b, i, to);
      if (len == 0) {
        sb.append("\\x").append(HEX[(b[i] >> 4) & 0xF]).append(HEX[b[i] & 0xF]);
        i++;
      } else {
        appendEscaped(new String(b, i, len, StandardCharsets.UTF_8).codePointAt(0), '"', false, sb);
        i += len;
      }
    }
    return sb.append('"').toString();
  }

  /** The length of the UTF-8 sequence at {@code i} by Go's {@code utf8.DecodeRune} rules, or 0 when it is invalid. */
  private static int validSequenceLength(byte[] b, int i, int to) {
    int lead = b[i] & 0xFF;
    if (lead < 0x80) {
      return 1;
    }
    int len;
    int lo = 0x80;
    int hi = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      len = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      len = 3;
      lo = lead == 0xE0 ? 0xA0 : lo;
      hi = lead == 0xED ? 0x9F : hi;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      len = 4;
      lo = lead == 0xF0 ? 0x90 : lo;
      hi = lead == 0xF4 ? 0x8F : hi;
    } else {
      return 0;
    }
    if (i + len > to) {
      return 0;
    }
    for (int k = 1; k < len; k++) {
      int c = b[i + k] & 0xFF;
      if (c < (k == 1 ? lo : 0x80) || c > (k == 1 ? hi : 0xBF)) {
        return 0;
      }
    }
    return len;
  }

  /** {@code strconv.QuoteRune}, or {@code QuoteRuneToASCII} when {@code asciiOnly}. */
  public static String quoteRune(int cp, boolean asciiOnly) {
    StringBuilder sb = new StringBuilder("'");
    appendEscaped(isValidRune(cp) ? cp : 0xFFFD, '\'', asciiOnly, sb);
    return sb.append('\'').toString();
  }

  /** {@code strconv.CanBackquote}: no control characters but tab, no backquote, no BOM. */
  public static boolean canBackquote(String s) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == 0xFEFF || cp >= 0xD800 && cp <= 0xDFFF || cp < ' ' && cp != '\t' || cp == '`' || cp == 0x7F) {
        return false;
      }
    }
    return true;
  }

  /** {@code strconv.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII space. */
  public static boolean isPrint(int cp) {
    if (cp == ' ') {
      return true;
    }
    int type = Character.getType(cp);
    return type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE
        && type != Character.PRIVATE_USE && type != Character.UNASSIGNED
        && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR
        && type != Character.SPACE_SEPARATOR;
  }

  /** A code point that UTF-8 can encode: in range and not a surrogate. */
  public static boolean isValidRune(int cp) {
    return cp >= 0 && cp <= Character.MAX_CODE_POINT && (cp < 0xD800 || cp > 0xDFFF);
  }

  /**
   * The character {@code strconv.Quote} writes after a backslash for {@code cp} ({@code 'n'},
   * {@code 'x'}, {@code 'u'}, {@code 'U'}, ...), or 0 when it writes {@code cp} as it is.
   */
  public static char escapeLetter(int cp) {
    return escapeLetter(cp, '"', false);
  }

  private static char escapeLetter(int cp, char quote, boolean asciiOnly) {
    if (cp == quote || cp == '\\') {
      return (char) cp;
    }
    if (asciiOnly ? cp < 0x80 && isPrint(cp) : isPrint(cp)) {
      return 0;
    }
    return switch (cp) {
      case 0x07 -> 'a';
      case '\b' -> 'b';
      case '\f' -> 'f';
      case '\n' -> 'n';
      case '\r' -> 'r';
      case '\t' -> 't';
      case 0x0B -> 'v';
      default -> cp < ' ' || cp == 0x7F ? 'x' : isValidRune(cp) && cp >= 0x10000 ? 'U' : 'u';
    };
  }

  private static void appendEscaped(int cp, char quote, boolean asciiOnly, StringBuilder sb) {
    char letter = escapeLetter(cp, quote, asciiOnly);
    if (letter == 0) {
      sb.appendCodePoint(cp);
      return;
    }
    sb.append('\\').append(letter);
    int digits = switch (letter) {
      case 'x' -> 2;
      case 'u' -> 4;
      case 'U' -> 8;
      default -> 0;
    };
    int r = isValidRune(cp) ? cp : 0xFFFD;
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      sb.append(HEX[(r >> shift) & 0xF]);
    }
  }
}
