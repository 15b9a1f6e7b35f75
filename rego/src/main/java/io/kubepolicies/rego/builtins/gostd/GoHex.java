package io.kubepolicies.rego.builtins.gostd;

import io.kubepolicies.rego.builtins.BuiltinException;

/** Go's {@code encoding/hex} decoder and its messages ({@code encoding/hex: invalid byte: U+0067 'g'}). */
public final class GoHex {
  private GoHex() {}

  public static byte[] decode(byte[] src) {
    byte[] out = new byte[src.length / 2];
    int i = 0;
    int j = 1;
    for (; j < src.length; j += 2) {
      int a = digit(0xff & src[j - 1]);
      int b = digit(0xff & src[j]);
      if (a < 0) {
        throw invalidByte(src[j - 1]);
      }
      if (b < 0) {
        throw invalidByte(src[j]);
      }
      out[i++] = (byte) (a << 4 | b);
    }
    if (src.length % 2 == 1) {
      // An invalid character is the earlier problem, so it is reported before the odd length.
      if (digit(0xff & src[j - 1]) < 0) {
        throw invalidByte(src[j - 1]);
      }
      throw BuiltinException.error("encoding/hex: odd length hex string");
    }
    return out;
  }

  /** The value of an ASCII hexadecimal digit, or -1 (Go's {@code fromHexChar}; no other script's digits). */
  public static int digit(int c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
      return (c | 0x20) - 'a' + 10;
    }
    return -1;
  }

  /** Go's {@code %#U} of the byte taken as a code point: {@code U+0067 'g'}, without the character when unprintable. */
  private static BuiltinException invalidByte(byte b) {
    int r = b & 0xff;
    String text = String.format("U+%04X", r);
    if (isPrintLatin1(r)) {
      text += " '" + (char) r + "'";
    }
    return BuiltinException.error("encoding/hex: invalid byte: " + text);
  }

  /** Go's {@code strconv.IsPrint} for code points up to U+00FF. */
  private static boolean isPrintLatin1(int r) {
    return 0x20 <= r && r <= 0x7e || 0xa1 <= r && r <= 0xff && r != 0xad;
  }
}
