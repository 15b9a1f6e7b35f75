package io.kubepolicies.rego.builtins.crypto;

import io.kubepolicies.rego.builtins.gostd.GoBase64;
import io.kubepolicies.rego.builtins.gostd.GoPem;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.NullValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * {@code crypto.x509.parse_keypair}: OPA's getTLSx509KeyPairFromString followed by Go's
 * {@code tls.X509KeyPair}, with its checks and messages, returning the JSON of {@code tls.Certificate}.
 */
final class TlsKeyPair {
  private TlsKeyPair() {}

  /** A checked key pair: the DER certificates, the leaf parsed, and the private key. */
  record Parsed(List<byte[]> chain, GoCertificate leaf, GoKeys.PrivateKey key) {}

  /** OPA's getTLSx509KeyPairFromString, as the JSON of the resulting {@code tls.Certificate}. */
  static Value parse(String certInput, String keyInput) {
    Parsed pair = parsePem(pemOrDecode(certInput, "CERTIFICATE"), pemOrDecode(keyInput, "PRIVATE KEY"));
    List<Value> certificates = new ArrayList<>();
    pair.chain().forEach(c -> certificates.add(GoValues.bytes(c)));
    return ObjectValue.builder()
        .put("Certificate", ArrayValue.of(certificates))
        .put("PrivateKey", pair.key().goJson())
        .put("SupportedSignatureAlgorithms", NullValue.NULL)
        .put("OCSPStaple", NullValue.NULL)
        .put("SignedCertificateTimestamps", NullValue.NULL)
        .put("Leaf", pair.leaf().json())
        .build();
  }

  /** Go's {@code tls.X509KeyPair} over PEM input. */
  static Parsed parsePem(byte[] certPem, byte[] keyPem) {
    List<byte[]> chain = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (byte[] rest = certPem; ; ) {
      GoPem.Decoded d = GoPem.decode(rest);
      if (d.block() == null) {
        break;
      }
      if (d.block().type().equals("CERTIFICATE")) {
        chain.add(d.block().bytes());
      } else {
        skipped.add(d.block().type());
      }
      rest = d.rest();
    }
    if (chain.isEmpty()) {
      if (skipped.isEmpty()) {
        throw new X509Exception("tls: failed to find any PEM data in certificate input");
      }
      if (skipped.size() == 1 && skipped.get(0).endsWith("PRIVATE KEY")) {
        throw new X509Exception("tls: failed to find certificate PEM data in certificate input, but did find a private key;"
            + " PEM inputs may have been switched");
      }
      throw new X509Exception("tls: failed to find \"CERTIFICATE\" PEM block in certificate input after skipping PEM blocks"
          + " of the following types: " + goList(skipped));
    }

    skipped.clear();
    GoPem.Block keyBlock;
    for (byte[] rest = keyPem; ; ) {
      GoPem.Decoded d = GoPem.decode(rest);
      if (d.block() == null) {
        if (skipped.isEmpty()) {
          throw new X509Exception("tls: failed to find any PEM data in key input");
        }
        if (skipped.size() == 1 && skipped.get(0).equals("CERTIFICATE")) {
          throw new X509Exception("tls: found a certificate rather than a key in the PEM for the private key");
        }
        throw new X509Exception("tls: failed to find PEM block with type ending in \"PRIVATE KEY\" in key input after"
            + " skipping PEM blocks of the following types: " + goList(skipped));
      }
      String type = d.block().type();
      if (type.equals("PRIVATE KEY") || type.endsWith(" PRIVATE KEY")) {
        keyBlock = d.block();
        break;
      }
      skipped.add(type);
      rest = d.rest();
    }

    GoCertificate leaf = GoCertificate.parseOne(chain.get(0));
    GoKeys.PrivateKey key = privateKey(keyBlock.bytes());
    GoKeys.PublicKey pub = leaf.publicKey();
    if (pub == null || pub.type().equals("DSA")) {
      throw new X509Exception("tls: unknown public key algorithm");
    }
    Boolean matches = key.matches(pub);
    if (matches == null) {
      throw new X509Exception("tls: private key type does not match public key type");
    }
    if (!matches) {
      throw new X509Exception("tls: private key does not match public key");
    }
    return new Parsed(chain, leaf, key);
  }

  /** PEM text as is; otherwise base64, which may hold PEM or DER (DER is wrapped as {@code type}). */
  private static byte[] pemOrDecode(String input, String type) {
    byte[] bytes = CryptoInputs.utf8(input);
    if (CryptoInputs.startsWith(bytes, "-----BEGIN ")) {
      return bytes;
    }
    byte[] decoded = GoBase64.decodeStd(bytes);
    if (CryptoInputs.isPem(decoded)) {
      return decoded;
    }
    String pem = "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(decoded)
        + "\n-----END " + type + "-----\n";
    return pem.getBytes(StandardCharsets.US_ASCII);
  }

  /** Go's tls parsePrivateKey: PKCS #1, then PKCS #8, then SEC 1. */
  private static GoKeys.PrivateKey privateKey(byte[] der) {
    try {
      return GoKeys.parsePkcs1(der);
    } catch (X509Exception notPkcs1) {
      // try the next format
    }
    try {
      GoKeys.PrivateKey key = GoKeys.parsePkcs8(der);
      if (key instanceof GoKeys.X25519Key) {
        throw new X509Exception("tls: found unknown private key type in PKCS#8 wrapping");
      }
      return key;
    } catch (X509Exception notPkcs8) {
      if (notPkcs8.getMessage().startsWith("tls:")) {
        throw notPkcs8;
      }
    }
    try {
      return GoKeys.parseSec1(der, null);
    } catch (X509Exception notSec1) {
      throw new X509Exception("tls: failed to parse private key");
    }
  }

  /** Go's %v of a []string. */
  private static String goList(List<String> items) {
    return "[" + String.join(" ", items) + "]";
  }
}
