package io.kubepolicies.rego.builtins.jwt;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The JWS algorithms OPA supports, signed and verified on the JDK's providers. ECDSA signatures are
 * JOSE's fixed-width {@code R || S}; RSASSA-PSS verification accepts any salt length, as Go's
 * {@code rsa.VerifyPSS} does without options.
 */
enum JwsAlgorithm {
  HS256(Family.HMAC, "SHA-256", 32),
  HS384(Family.HMAC, "SHA-384", 48),
  HS512(Family.HMAC, "SHA-512", 64),
  RS256(Family.RSA, "SHA-256", 32),
  RS384(Family.RSA, "SHA-384", 48),
  RS512(Family.RSA, "SHA-512", 64),
  PS256(Family.PSS, "SHA-256", 32),
  PS384(Family.PSS, "SHA-384", 48),
  PS512(Family.PSS, "SHA-512", 64),
  ES256(Family.ECDSA, "SHA-256", 32),
  ES384(Family.ECDSA, "SHA-384", 48),
  ES512(Family.ECDSA, "SHA-512", 64),
  EdDSA(Family.EDDSA, null, 0);

  enum Family { HMAC, RSA, PSS, ECDSA, EDDSA }

  private final Family family;
  private final String digest;
  private final int digestLength;

  JwsAlgorithm(Family family, String digest, int digestLength) {
    this.family = family;
    this.digest = digest;
    this.digestLength = digestLength;
  }

  /** The algorithm named in a JOSE header, or null when OPA does not know it. */
  static JwsAlgorithm named(String name) {
    for (JwsAlgorithm a : values()) {
      if (a.name().equals(name)) {
        return a;
      }
    }
    return null;
  }

  Family family() {
    return family;
  }

  private String jcaDigest() {
    return digest.replace("-", "");
  }

  byte[] hash(byte[] input) {
    try {
      return MessageDigest.getInstance(digest).digest(input);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(digest + " is missing from the JDK", e);
    }
  }

  byte[] hmac(byte[] secret, byte[] input) {
    String name = "Hmac" + jcaDigest();
    try {
      Mac mac = Mac.getInstance(name);
      // HMAC pads short keys with zeros, so an empty secret (refused by SecretKeySpec) equals one zero byte
      mac.init(new SecretKeySpec(secret.length == 0 ? new byte[1] : secret, name));
      return mac.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(name + " is missing from the JDK", e);
    }
  }

  /**
   * Whether {@code signature} is valid for {@code input} under this algorithm and key (a public key,
   * or the secret bytes for HMAC), as jwx's verifier decides for {@code io.jwt.decode_verify}. A key
   * of the wrong kind or a malformed signature is just invalid.
   */
  boolean verify(Object key, byte[] input, byte[] signature) {
    if (family == Family.ECDSA && key instanceof ECPublicKey ec && signature.length != 2 * coordinateBytes(ec)) {
      return false;
    }
    return verifyAnyLength(key, input, signature);
  }

  /**
   * Like {@link #verify}, but an ECDSA signature of any length is split into halves R and S, as the
   * {@code io.jwt.verify_es*} built-ins do.
   */
  boolean verifyAnyLength(Object key, byte[] input, byte[] signature) {
    try {
      return switch (family) {
        case HMAC -> key instanceof byte[] secret && MessageDigest.isEqual(hmac(secret, input), signature);
        case RSA -> key instanceof RSAPublicKey rsa && verifyWith("SHA" + digestBits() + "withRSA", rsa, input, signature);
        case PSS -> key instanceof RSAPublicKey rsa && verifyPss(rsa, hash(input), signature);
        case ECDSA -> key instanceof ECPublicKey ec && verifyEcdsa(ec, hash(input), signature);
        case EDDSA -> key instanceof EdECPublicKey ed && verifyWith("Ed25519", ed, input, signature);
      };
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  private int digestBits() {
    return digestLength * 8;
  }

  private static boolean verifyWith(String algorithm, PublicKey key, byte[] input, byte[] signature)
      throws GeneralSecurityException {
    Signature v = Signature.getInstance(algorithm);
    v.initVerify(key);
    v.update(input);
    return v.verify(signature);
  }

  /** Go's ecdsa.Verify over a precomputed digest, with the signature split into halves R and S. */
  private static boolean verifyEcdsa(ECPublicKey key, byte[] digest, byte[] signature) throws GeneralSecurityException {
    int half = signature.length / 2;
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, half));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, half, signature.length));
    BigInteger order = key.getParams().getOrder();
    if (r.signum() <= 0 || s.signum() <= 0 || r.compareTo(order) >= 0 || s.compareTo(order) >= 0) {
      return false;
    }
    return verifyWith("NONEwithECDSA", key, digest, derSignature(r, s));
  }

  private static byte[] derSignature(BigInteger r, BigInteger s) {
    byte[] rb = r.toByteArray();
    byte[] sb = s.toByteArray();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(0x02);
    writeLength(body, rb.length);
    body.writeBytes(rb);
    body.write(0x02);
    writeLength(body, sb.length);
    body.writeBytes(sb);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x30);
    writeLength(out, body.size());
    out.writeBytes(body.toByteArray());
    return out.toByteArray();
  }

  private static void writeLength(ByteArrayOutputStream out, int length) {
    if (length < 0x80) {
      out.write(length);
    } else if (length < 0x100) {
      out.write(0x81);
      out.write(length);
    } else {
      out.write(0x82);
      out.write(length >> 8);
      out.write(length & 0xff);
    }
  }

  static int coordinateBytes(ECPublicKey key) {
    return (key.getParams().getCurve().getField().getFieldSize() + 7) / 8;
  }

  /** EMSA-PSS verification (RFC 8017 9.1.2) with MGF1 over the same hash and the salt length recovered. */
  private boolean verifyPss(RSAPublicKey key, byte[] mHash, byte[] signature) throws GeneralSecurityException {
    int k = (key.getModulus().bitLength() + 7) / 8;
    if (signature.length != k) {
      return false;
    }
    BigInteger s = new BigInteger(1, signature);
    if (s.compareTo(key.getModulus()) >= 0) {
      return false;
    }
    int emBits = key.getModulus().bitLength() - 1;
    int emLen = (emBits + 7) / 8;
    byte[] em = toBytes(s.modPow(key.getPublicExponent(), key.getModulus()), emLen);
    if (em == null || emLen < digestLength + 2 || em[emLen - 1] != (byte) 0xbc) {
      return false;
    }
    byte[] maskedDb = Arrays.copyOfRange(em, 0, emLen - digestLength - 1);
    byte[] h = Arrays.copyOfRange(em, emLen - digestLength - 1, emLen - 1);
    int unusedBits = 8 * emLen - emBits;
    if ((maskedDb[0] & (0xff << (8 - unusedBits))) != 0) {
      return false;
    }
    byte[] db = mgf1(h, maskedDb.length);
    for (int i = 0; i < db.length; i++) {
      db[i] ^= maskedDb[i];
    }
    db[0] &= (byte) (0xff >>> unusedBits);
    int i = 0;
    while (i < db.length && db[i] == 0) {
      i++;
    }
    if (i == db.length || db[i] != 1) {
      return false;
    }
    byte[] salt = Arrays.copyOfRange(db, i + 1, db.length);
    MessageDigest md = MessageDigest.getInstance(digest);
    md.update(new byte[8]);
    md.update(mHash);
    md.update(salt);
    return MessageDigest.isEqual(md.digest(), h);
  }

  private byte[] mgf1(byte[] seed, int length) throws GeneralSecurityException {
    MessageDigest md = MessageDigest.getInstance(digest);
    ByteArrayOutputStream out = new ByteArrayOutputStream(length + digestLength);
    for (int counter = 0; out.size() < length; counter++) {
      md.update(seed);
      md.update(new byte[] {(byte) (counter >>> 24), (byte) (counter >>> 16), (byte) (counter >>> 8), (byte) counter});
      out.writeBytes(md.digest());
    }
    return Arrays.copyOf(out.toByteArray(), length);
  }

  private static byte[] toBytes(BigInteger v, int length) {
    byte[] raw = v.toByteArray();
    int skip = raw.length > length && raw[0] == 0 ? 1 : 0;
    if (raw.length - skip > length) {
      return null;
    }
    byte[] out = new byte[length];
    System.arraycopy(raw, skip, out, length - (raw.length - skip), raw.length - skip);
    return out;
  }

  /** Signs {@code input} with {@code key} (a private key, or the secret bytes for HMAC). */
  byte[] sign(Object key, byte[] input) {
    try {
      return switch (family) {
        case HMAC -> hmac(requireKey(key, byte[].class), input);
        case RSA -> signWith("SHA" + digestBits() + "withRSA", requireKey(key, RSAPrivateKey.class), input);
        case PSS -> {
          Signature pss = Signature.getInstance("RSASSA-PSS");
          pss.setParameter(new PSSParameterSpec(digest, "MGF1", new MGF1ParameterSpec(digest), digestLength, 1));
          pss.initSign(requireKey(key, RSAPrivateKey.class));
          pss.update(input);
          yield pss.sign();
        }
        case ECDSA -> signWith("SHA" + digestBits() + "withECDSAinP1363Format", requireKey(key, ECPrivateKey.class), input);
        case EDDSA -> signWith("Ed25519", requireKey(key, EdECPrivateKey.class), input);
      };
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("failed to sign payload: " + e.getMessage());
    }
  }

  private <T> T requireKey(Object key, Class<T> type) {
    if (!type.isInstance(key)) {
      throw new IllegalArgumentException("failed to sign payload: " + name() + " needs a key of kind "
          + switch (family) {
            case HMAC -> "oct";
            case RSA, PSS -> "RSA (private)";
            case ECDSA -> "EC (private)";
            case EDDSA -> "OKP Ed25519 (private)";
          });
    }
    return type.cast(key);
  }

  private static byte[] signWith(String algorithm, PrivateKey key, byte[] input) throws GeneralSecurityException {
    Signature s = Signature.getInstance(algorithm);
    s.initSign(key);
    s.update(input);
    return s.sign();
  }
}
