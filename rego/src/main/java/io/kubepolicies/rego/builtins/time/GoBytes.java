package io.kubepolicies.rego.builtins.time;

import java.nio.charset.StandardCharsets;

/**
 * Go's time package indexes strings by byte, so layouts and values are handled as "byte strings":
 * the UTF-8 bytes of the text, one Java char (0-255) per byte. Slicing then behaves as in Go,
 * including in the middle of a multi-byte character.
 */
final class GoBytes {
  private GoBytes() {}

  static String of(String text) {
    return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  static String text(String bytes) {
    return new String(bytes.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
  }

  /**
   * The quoting of Go's time package (not {@code strconv.Quote}): control bytes and every byte of
   * a non-ASCII character become {@code \xNN}; quotes and backslashes are escaped.
   */
  static String quote(String bytes) {
    StringBuilder sb = new StringBuilder(bytes.length() + 2).append('"');
    for (int i = 0; i < bytes.length(); i++) {
      char c = bytes.charAt(i);
      if (c >= 0x80 || c < ' ') {
        sb.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
      } else {
        if (c == '"' || c == '\\') {
          sb.append('\\');
        }
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  static boolean isDigit(String s, int i) {
    return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
  }
}
