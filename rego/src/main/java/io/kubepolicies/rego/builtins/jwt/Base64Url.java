package io.kubepolicies.rego.builtins.jwt;

import io.kubepolicies.rego.builtins.gostd.GoBase64;
import java.nio.charset.StandardCharsets;

/**
 * OPA's {@code base64url.decode}, which the JWT built-ins use for every token part: missing padding
 * is restored (RFC 7515 appendix C) before Go's padded URL decoding, so errors carry Go's offsets.
 */
final class Base64Url {
  private Base64Url() {}

  /** Thrown for undecodable input, with OPA's message. */
  static final class DecodeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    DecodeException(String message) {
      super(message);
    }
  }

  static byte[] decode(String s) {
    String padded = s;
    if (!s.endsWith("=")) {
      switch (s.getBytes(StandardCharsets.UTF_8).length % 4) {
        case 0 -> { }
        case 2 -> padded = s + "==";
        case 3 -> padded = s + "=";
        default -> throw new DecodeException("illegal base64url string: " + s);
      }
    }
    try {
      return GoBase64.decodeUrl(padded.getBytes(StandardCharsets.UTF_8));
    } catch (GoBase64.CorruptInputException e) {
      throw new DecodeException(e.getMessage());
    }
  }

  static String encode(byte[] data) {
    return GoBase64.encodeRawUrl(data);
  }
}
