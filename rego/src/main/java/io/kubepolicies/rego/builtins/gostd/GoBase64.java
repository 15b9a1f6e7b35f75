package io.kubepolicies.rego.builtins.gostd;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Base64 decoding as Go's {@code encoding/base64} does it for the padded encodings: CR and LF are
 * skipped anywhere, padding is required, unused trailing bits are ignored, and a failure names the
 * byte offset ({@code illegal base64 data at input byte 4}). OPA's encoding, crypto and JWT built-ins
 * surface these messages, and {@link java.util.Base64} neither skips newlines nor reports offsets.
 */
public final class GoBase64 {
  private static final byte[] STD = table("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");
  private static final byte[] URL = table("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
  private static final byte PAD = '=';

  private GoBase64() {}

  /** Thrown for malformed input; the message is Go's. */
  public static final class CorruptInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    CorruptInputException(long offset) {
      this("illegal base64 data at input byte " + offset);
    }

    private CorruptInputException(String message) {
      super(message);
    }
  }

  /** Go's {@code base64.StdEncoding.DecodeString}. */
  public static byte[] decodeStd(byte[] src) {
    return decode(src, STD);
  }

  /** Go's {@code base64.URLEncoding.DecodeString} (padding required). */
  public static byte[] decodeUrl(byte[] src) {
    return decode(src, URL);
  }

  /**
   * OPA's {@code base64url.decode}, which the JWT built-ins also use for every token part: missing
   * padding is restored (RFC 7515 appendix C) before Go's padded URL decoding, so errors carry Go's
   * offsets; a length that no padding can mend is {@code illegal base64url string: <input>}.
   */
  public static byte[] decodeUrlPaddingOptional(String s) {
    String padded = s;
    if (!s.endsWith("=")) {
      switch (s.getBytes(StandardCharsets.UTF_8).length % 4) {
        case 0 -> { }
        case 2 -> padded = s + "==";
        case 3 -> padded = s + "=";
        default -> throw new CorruptInputException("illegal base64url string: " + s);
      }
    }
    return decodeUrl(padded.getBytes(StandardCharsets.UTF_8));
  }

  /** Go's {@code base64.StdEncoding.EncodeToString}. */
  public static String encodeStd(byte[] src) {
    return Base64.getEncoder().encodeToString(src);
  }

  /** Go's {@code base64.RawURLEncoding.EncodeToString}. */
  public static String encodeRawUrl(byte[] src) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(src);
  }

  private static byte[] table(String alphabet) {
    byte[] t = new byte[256];
    Arrays.fill(t, (byte) -1);
    for (int i = 0; i < alphabet.length(); i++) {
      t[alphabet.charAt(i)] = (byte) i;
    }
    return t;
  }

  private static boolean isNewline(byte b) {
    return b == '\n' || b == '\r';
  }

  private static byte[] decode(byte[] src, byte[] table) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(src.length * 3 / 4);
    int si = 0;
    while (si < src.length) {
      si = decodeQuantum(out, src, si, table);
    }
    return out.toByteArray();
  }

  /** One group of up to four symbols, mirroring Go's decodeQuantum; returns the next input offset. */
  private static int decodeQuantum(ByteArrayOutputStream out, byte[] src, int si, byte[] table) {
    int[] dbuf = new int[4];
    int dlen = 4;
    for (int j = 0; j < 4; j++) {
      if (si == src.length) {
        if (j == 0) {
          return si;
        }
        // padding is mandatory, so running out mid-quantum is always an error
        throw new CorruptInputException(si - j);
      }
      byte in = src[si++];
      int value = table[in & 0xff];
      if (value >= 0) {
        dbuf[j] = value;
        continue;
      }
      if (isNewline(in)) {
        j--;
        continue;
      }
      if (in != PAD) {
        throw new CorruptInputException(si - 1);
      }
      if (j < 2) {
        throw new CorruptInputException(si - 1);
      }
      if (j == 2) {
        while (si < src.length && isNewline(src[si])) {
          si++;
        }
        if (si == src.length) {
          throw new CorruptInputException(src.length);
        }
        if (src[si] != PAD) {
          throw new CorruptInputException(si - 1);
        }
        si++;
      }
      while (si < src.length && isNewline(src[si])) {
        si++;
      }
      if (si < src.length) {
        // trailing garbage: Go reports it after writing this quantum, but the caller discards the output
        throw new CorruptInputException(si);
      }
      dlen = j;
      break;
    }
    int val = dbuf[0] << 18 | dbuf[1] << 12 | dbuf[2] << 6 | dbuf[3];
    byte[] triple = {(byte) (val >> 16), (byte) (val >> 8), (byte) val};
    out.write(triple, 0, dlen - 1);
    return si;
  }
}
