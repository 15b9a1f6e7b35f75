package io.kubepolicies.rego.builtins.jwt;

import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPrivateKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;

/**
 * JSON Web Keys (RFC 7517) and key sets, read into JDK keys: RSA, EC (P-256, P-384, P-521), OKP
 * (Ed25519) and symmetric ("oct") keys, public or private. A JSON object with a {@code keys} member
 * is a set; any other object is one key. Failures are {@link IllegalArgumentException}s.
 */
final class Jwk {
  private static final Map<String, String> CURVES = Map.of("P-256", "secp256r1", "P-384", "secp384r1", "P-521", "secp521r1");
  private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
  private static final byte[] ED25519_PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

  /** One key: its type, optional {@code alg} and {@code kid}, and its material. */
  record Key(String kty, String alg, String kid, PublicKey publicKey, PrivateKey privateKey, byte[] secret) {
    boolean isPrivate() {
      return privateKey != null;
    }
  }

  private Jwk() {}

  static List<Key> parseSet(String json) {
    Value parsed;
    try {
      parsed = Json.parse(json);
    } catch (Json.JsonException e) {
      throw new IllegalArgumentException("failed to unmarshal JSON into key: " + e.getMessage());
    }
    if (!(parsed instanceof ObjectValue object)) {
      throw new IllegalArgumentException("failed to unmarshal JSON into key: expected a JSON object");
    }
    Value keys = object.get("keys");
    if (keys == null) {
      return List.of(parse(object));
    }
    if (!(keys instanceof ArrayValue array)) {
      throw new IllegalArgumentException("failed to unmarshal JSON into key set: keys must be an array");
    }
    List<Key> out = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (!(array.get(i) instanceof ObjectValue key)) {
        throw new IllegalArgumentException("failed to parse key #" + i + " in set: expected a JSON object");
      }
      try {
        out.add(parse(key));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("failed to parse key #" + i + " in set: " + e.getMessage());
      }
    }
    return out;
  }

  static Key parse(ObjectValue jwk) {
    String kty = optionalString(jwk, "kty");
    String alg = optionalString(jwk, "alg");
    String kid = optionalString(jwk, "kid");
    try {
      return switch (kty) {
        case "RSA" -> rsa(jwk, alg, kid);
        case "EC" -> ec(jwk, alg, kid);
        case "OKP" -> okp(jwk, alg, kid);
        case "oct" -> new Key(kty, alg, kid, null, null, bytes(jwk, "k"));
        default -> throw new IllegalArgumentException("invalid key type from JSON (\"" + kty + "\")");
      };
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("failed to build " + kty + " key: " + e.getMessage());
    }
  }

  private static Key rsa(ObjectValue jwk, String alg, String kid) throws GeneralSecurityException {
    BigInteger n = number(jwk, "n");
    BigInteger e = number(jwk, "e");
    KeyFactory rsa = KeyFactory.getInstance("RSA");
    PublicKey pub = rsa.generatePublic(new RSAPublicKeySpec(n, e));
    PrivateKey priv = null;
    if (jwk.get("d") != null) {
      BigInteger d = number(jwk, "d");
      boolean crt = List.of("p", "q", "dp", "dq", "qi").stream().allMatch(f -> jwk.get(f) != null);
      priv = rsa.generatePrivate(crt
          ? new RSAPrivateCrtKeySpec(n, e, d, number(jwk, "p"), number(jwk, "q"), number(jwk, "dp"), number(jwk, "dq"), number(jwk, "qi"))
          : new RSAPrivateKeySpec(n, d));
    }
    return new Key("RSA", alg, kid, pub, priv, null);
  }

  private static Key ec(ObjectValue jwk, String alg, String kid) throws GeneralSecurityException {
    String crv = optionalString(jwk, "crv");
    String curveName = CURVES.get(crv);
    if (curveName == null) {
      throw new IllegalArgumentException("unsupported elliptic curve \"" + crv + "\"");
    }
    BigInteger x = number(jwk, "x");
    BigInteger y = number(jwk, "y");
    X9ECParameters curve = ECNamedCurveTable.getByName(curveName);
    boolean onCurve;
    try {
      onCurve = curve.getCurve().createPoint(x, y).isValid();
    } catch (IllegalArgumentException | ArithmeticException e) {
      onCurve = false;
    }
    if (!onCurve) {
      throw new IllegalArgumentException("invalid EC point: not on curve " + crv);
    }
    AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
    params.init(new ECGenParameterSpec(curveName));
    ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);
    KeyFactory ec = KeyFactory.getInstance("EC");
    PublicKey pub = ec.generatePublic(new ECPublicKeySpec(new ECPoint(x, y), spec));
    PrivateKey priv = jwk.get("d") == null ? null : ec.generatePrivate(new ECPrivateKeySpec(number(jwk, "d"), spec));
    return new Key("EC", alg, kid, pub, priv, null);
  }

  private static Key okp(ObjectValue jwk, String alg, String kid) throws GeneralSecurityException {
    String crv = optionalString(jwk, "crv");
    if (!crv.equals("Ed25519")) {
      // X25519 keys are valid JWKs but cannot sign or verify; they take part as unusable keys
      if (crv.equals("X25519")) {
        return new Key("OKP", alg, kid, null, null, null);
      }
      throw new IllegalArgumentException("unsupported OKP curve \"" + crv + "\"");
    }
    byte[] x = bytes(jwk, "x");
    if (x.length != 32) {
      throw new IllegalArgumentException("invalid Ed25519 public key size");
    }
    KeyFactory ed = KeyFactory.getInstance("Ed25519");
    PublicKey pub = ed.generatePublic(new X509EncodedKeySpec(concat(ED25519_SPKI_PREFIX, x)));
    PrivateKey priv = null;
    if (jwk.get("d") != null) {
      byte[] d = bytes(jwk, "d");
      if (d.length != 32) {
        throw new IllegalArgumentException("invalid Ed25519 private key size");
      }
      priv = ed.generatePrivate(new PKCS8EncodedKeySpec(concat(ED25519_PKCS8_PREFIX, d)));
    }
    return new Key("OKP", alg, kid, pub, priv, null);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static String optionalString(ObjectValue jwk, String field) {
    Value v = jwk.get(field);
    if (v == null) {
      return "";
    }
    if (!(v instanceof StringValue s)) {
      throw new IllegalArgumentException("invalid value for field " + field + ": expected a string");
    }
    return s.value();
  }

  private static BigInteger number(ObjectValue jwk, String field) {
    return new BigInteger(1, bytes(jwk, field));
  }

  /** A base64url member; like jwx, standard base64 and padding are tolerated. */
  private static byte[] bytes(ObjectValue jwk, String field) {
    Value v = jwk.get(field);
    if (v == null) {
      throw new IllegalArgumentException("required field " + field + " is missing");
    }
    if (!(v instanceof StringValue s)) {
      throw new IllegalArgumentException("invalid value for field " + field + ": expected a string");
    }
    String text = s.value().replace('+', '-').replace('/', '_');
    while (text.endsWith("=")) {
      text = text.substring(0, text.length() - 1);
    }
    try {
      return Base64.getUrlDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("failed to decode field " + field + ": " + e.getMessage());
    }
  }
}
