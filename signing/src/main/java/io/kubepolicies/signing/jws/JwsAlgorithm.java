package io.kubepolicies.signing.jws;

import io.kubepolicies.signing.BundleException;
import java.security.Key;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAKey;
import java.util.Arrays;
import java.util.stream.Collectors;
import javax.crypto.SecretKey;

/** The JWS algorithms OPA signs bundles with, and the JCA names that implement them. */
public enum JwsAlgorithm {
  RS256(KeyFamily.RSA, "SHA256withRSA", 256),
  RS384(KeyFamily.RSA, "SHA384withRSA", 384),
  RS512(KeyFamily.RSA, "SHA512withRSA", 512),
  PS256(KeyFamily.RSA_PSS, "RSASSA-PSS", 256),
  PS384(KeyFamily.RSA_PSS, "RSASSA-PSS", 384),
  PS512(KeyFamily.RSA_PSS, "RSASSA-PSS", 512),
  /** JOSE wants ECDSA signatures as raw R||S, which is what the P1363 variants produce. */
  ES256(KeyFamily.EC, "SHA256withECDSAinP1363Format", 256),
  ES384(KeyFamily.EC, "SHA384withECDSAinP1363Format", 384),
  ES512(KeyFamily.EC, "SHA512withECDSAinP1363Format", 521),
  HS256(KeyFamily.HMAC, "HmacSHA256", 256),
  HS384(KeyFamily.HMAC, "HmacSHA384", 384),
  HS512(KeyFamily.HMAC, "HmacSHA512", 512),
  EDDSA(KeyFamily.ED25519, "Ed25519", 256);

  /** The kind of key an algorithm needs. */
  enum KeyFamily { RSA, RSA_PSS, EC, HMAC, ED25519 }

  private final KeyFamily family;
  private final String jcaName;
  private final int bits;

  JwsAlgorithm(KeyFamily family, String jcaName, int bits) {
    this.family = family;
    this.jcaName = jcaName;
    this.bits = bits;
  }

  /** The name in a JWS header ({@code alg}). */
  public String jwsName() {
    return this == EDDSA ? "EdDSA" : name();
  }

  KeyFamily family() {
    return family;
  }

  String jcaName() {
    return jcaName;
  }

  /** Hash size in bits for RSA and HMAC; curve size in bits for ECDSA. */
  int bits() {
    return bits;
  }

  /** The algorithm named in a JWS header; {@code none} and anything unknown are refused. */
  public static JwsAlgorithm fromJwsName(String name) throws BundleException {
    if (name.equals("none")) {
      throw new BundleException("unsigned tokens (alg \"none\") are not accepted");
    }
    for (JwsAlgorithm algorithm : values()) {
      if (algorithm.jwsName().equals(name)) {
        return algorithm;
      }
    }
    throw new BundleException("unsupported algorithm \"" + name + "\" (supported: " + supportedNames() + ")");
  }

  public static String supportedNames() {
    return Arrays.stream(values()).map(JwsAlgorithm::jwsName).collect(Collectors.joining(", "));
  }

  /**
   * The algorithm a key implies: RS256 for RSA (OPA's default), ES256/384/512 by the curve, EdDSA
   * for Ed25519. An HMAC secret implies nothing: its algorithm must be given.
   */
  public static JwsAlgorithm defaultFor(Key key) throws BundleException {
    if (key instanceof RSAKey) {
      return RS256;
    }
    if (key instanceof ECKey ec) {
      int curveBits = ec.getParams().getCurve().getField().getFieldSize();
      for (JwsAlgorithm algorithm : new JwsAlgorithm[] {ES256, ES384, ES512}) {
        if (algorithm.bits == curveBits) {
          return algorithm;
        }
      }
      throw new BundleException("unsupported EC curve of " + curveBits + " bits (use P-256, P-384 or P-521)");
    }
    if (key instanceof EdECKey) {
      return EDDSA;
    }
    if (key instanceof SecretKey) {
      throw new BundleException("an HMAC secret needs its algorithm named (HS256, HS384 or HS512)");
    }
    throw new BundleException("unsupported key type " + key.getAlgorithm());
  }
}
