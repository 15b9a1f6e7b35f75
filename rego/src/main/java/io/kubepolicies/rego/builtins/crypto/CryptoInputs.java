package io.kubepolicies.rego.builtins.crypto;

import io.kubepolicies.rego.builtins.gostd.GoBase64;
import io.kubepolicies.rego.builtins.gostd.GoPem;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How OPA's crypto built-ins read their string arguments: PEM text, or base64 of PEM or of DER,
 * decided by the same prefix checks OPA makes.
 */
final class CryptoInputs {
  private CryptoInputs() {}

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static boolean startsWith(byte[] b, String prefix) {
    byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
    return b.length >= p.length && Arrays.equals(b, 0, p.length, p, 0, p.length);
  }

  static boolean isPem(byte[] b) {
    return startsWith(b, "-----BEGIN");
  }

  /** OPA's getX509CertsFromString. */
  static List<GoCertificate> certificates(String input) {
    byte[] bytes = utf8(input);
    if (isPem(bytes)) {
      return certificatesFromPem(bytes);
    }
    byte[] decoded = GoBase64.decodeStd(bytes);
    if (isPem(decoded)) {
      return certificatesFromPem(decoded);
    }
    return GoCertificate.parseAll(decoded);
  }

  private static List<GoCertificate> certificatesFromPem(byte[] pem) {
    ByteArrayOutputStream der = new ByteArrayOutputStream();
    byte[] rest = pem;
    while (rest.length > 0) {
      GoPem.Decoded d = GoPem.decode(rest);
      if (d.block() == null) {
        break;
      }
      if (!d.block().type().equals("CERTIFICATE")) {
        throw new X509Exception("PEM block type is '" + d.block().type() + "', expected CERTIFICATE");
      }
      der.writeBytes(d.block().bytes());
      rest = d.rest();
    }
    return GoCertificate.parseAll(der.toByteArray());
  }

  /** OPA's getPrivateKeysFromPEMData: the keys of every private key block, optionally base64-wrapped. */
  static List<GoKeys.PrivateKey> privateKeys(String input) {
    byte[] bytes = utf8(input);
    try {
      bytes = GoBase64.decodeStd(bytes);
    } catch (GoBase64.CorruptInputException notBase64) {
      // plain PEM text
    }
    List<GoKeys.PrivateKey> keys = new ArrayList<>();
    while (bytes.length > 0) {
      GoPem.Decoded d = GoPem.decode(bytes);
      if (d.block() == null) {
        break;
      }
      bytes = d.rest();
      switch (d.block().type()) {
        case "RSA PRIVATE KEY" -> keys.add(GoKeys.parsePkcs1(d.block().bytes()));
        case "PRIVATE KEY" -> keys.add(GoKeys.parsePkcs8(d.block().bytes()));
        case "EC PRIVATE KEY" -> keys.add(GoKeys.parseSec1(d.block().bytes(), null));
        default -> {
          // other blocks are skipped
        }
      }
    }
    return keys;
  }
}
