package io.kubepolicies.server.local;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** DER as PEM text, as openssl writes it (64-column base64 between BEGIN and END lines). */
final class Pem {
  private Pem() {}

  static String encode(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }
}
