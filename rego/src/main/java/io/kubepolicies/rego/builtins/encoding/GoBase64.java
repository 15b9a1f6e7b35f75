package io.kubepolicies.rego.builtins.encoding;

import io.kubepolicies.rego.builtins.BuiltinException;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Go's {@code encoding/base64} decoders ({@code StdEncoding}, {@code URLEncoding}): padding is required,
 * CR and LF are skipped anywhere, unused trailing bits are ignored, and a failure names the offending
 * byte offset, {@code illegal base64 data at input byte 4}.
 */
public final class GoBase64 {
  private static final int[] STD = decodeMap("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");
  private static final int[] URL = decodeMap("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

  private GoBase64() {}

  public static byte[] decodeStd(byte[] src) {
    return decode(src, STD);
  }

  public static byte[] decodeUrl(byte[] src) {
    return decode(src, URL);
  }

  private static int[] decodeMap(String alphabet) {
    int[] map = new int[256];
    Arrays.fill(map, -1);
    for (int i = 0; i < alphabet.length(); i++) {
      map[alphabet.charAt(i)] = i;
    }
    return map;
  }

  /** Go's quantum-by-quantum decoding loop. */
  private static byte[] decode(byte[] src, int[] map) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(src.length * 3 / 4);
    int si = 0;
    while (si < src.length) {
      int[] dbuf = new int[4];
      int dlen = 4;
      BuiltinException trailing = null;
      for (int j = 0; j < 4; j++) {
        if (si == src.length) {
          if (j == 0) {
            return out.toByteArray();
          }
          throw corrupt(si - j);
        }
        int in = src[si++] & 0xff;
        if (map[in] >= 0) {
          dbuf[j] = map[in];
          continue;
        }
        if (in == '\n' || in == '\r') {
          j--;
          continue;
        }
        if (in != '=') {
          throw corrupt(si - 1);
        }
        // Padding: it may only complete a quantum of two or three characters.
        if (j == 0 || j == 1) {
          throw corrupt(si - 1);
        }
        if (j == 2) {
          si = skipNewlines(src, si);
          if (si == src.length) {
            throw corrupt(src.length);
          }
          if (src[si] != '=') {
            throw corrupt(si - 1);
          }
          si++;
        }
        si = skipNewlines(src, si);
        if (si < src.length) {
          trailing = corrupt(si);
        }
        dlen = j;
        break;
      }
      int val = dbuf[0] << 18 | dbuf[1] << 12 | dbuf[2] << 6 | dbuf[3];
      byte[] bytes = {(byte) (val >> 16), (byte) (val >> 8), (byte) val};
      out.write(bytes, 0, dlen - 1);
      if (trailing != null) {
        throw trailing;
      }
    }
    return out.toByteArray();
  }

  private static int skipNewlines(byte[] src, int si) {
    while (si < src.length && (src[si] == '\n' || src[si] == '\r')) {
      si++;
    }
    return si;
  }

  private static BuiltinException corrupt(int offset) {
    return BuiltinException.error("illegal base64 data at input byte " + offset);
  }
}
