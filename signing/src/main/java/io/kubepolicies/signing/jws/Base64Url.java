package io.kubepolicies.signing.jws;

import io.kubepolicies.signing.BundleException;
import java.util.Base64;

/** Base64url without padding, decoded strictly: one spelling per byte string, nothing else accepted. */
final class Base64Url {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private Base64Url() {}

  static String encode(byte[] bytes) {
    return ENCODER.encodeToString(bytes);
  }

  static byte[] decode(String text, String what) throws BundleException {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
      if (!allowed) {
        throw new BundleException(what + " is not unpadded base64url");
      }
    }
    byte[] bytes;
    try {
      bytes = DECODER.decode(text);
    } catch (IllegalArgumentException e) {
      throw new BundleException(what + " is not unpadded base64url");
    }
    // Unused low bits in the last character give other spellings of the same bytes: refuse them.
    if (!encode(bytes).equals(text)) {
      throw new BundleException(what + " is not canonical base64url");
    }
    return bytes;
  }
}
