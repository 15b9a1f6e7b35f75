package io.kubepolicies.rego.builtins.crypto;

import io.kubepolicies.rego.builtins.gostd.GoBase64;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.IntStream;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DSAParameter;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Public and private keys as Go's x509 package parses them, and their JSON as Go marshals the key
 * structs ({@code *rsa.PublicKey} is {@code {"N":..,"E":..}}, an elliptic curve marshals as
 * {@code {}} because its fields are unexported, Ed25519 keys are byte slices and so base64).
 */
final class GoKeys {
  static final String OID_RSA = "1.2.840.113549.1.1.1";
  static final String OID_DSA = "1.2.840.10040.4.1";
  static final String OID_EC = "1.2.840.10045.2.1";
  static final String OID_ED25519 = "1.3.101.112";
  static final String OID_X25519 = "1.3.101.110";

  /** The curves Go supports, by OID, with their JOSE names. */
  static final Map<String, String> CURVES = Map.of(
      "1.3.132.0.33", "P-224",
      "1.2.840.10045.3.1.7", "P-256",
      "1.3.132.0.34", "P-384",
      "1.3.132.0.35", "P-521");

  private GoKeys() {}

  /** Go's {@code x509.PublicKeyAlgorithm} for an SPKI algorithm OID. */
  static int publicKeyAlgorithm(ASN1ObjectIdentifier oid) {
    return switch (oid.getId()) {
      case OID_RSA -> 1;
      case OID_DSA -> 2;
      case OID_EC -> 3;
      case OID_ED25519 -> 4;
      default -> 0;
    };
  }

  /** A parsed public key: enough to compare it with a private key, and its Go JSON. */
  record PublicKey(String type, BigInteger a, BigInteger b, byte[] raw, Value json) {}

  /** Go's parsePublicKey; null (and JSON null) for algorithms Go leaves unparsed. */
  static PublicKey publicKey(SubjectPublicKeyInfo spki) {
    AlgorithmIdentifier alg = spki.getAlgorithm();
    byte[] keyBytes = spki.getPublicKeyData().getBytes();
    switch (alg.getAlgorithm().getId()) {
      case OID_RSA -> {
        if (alg.getParameters() == null || !DERNull.INSTANCE.equals(alg.getParameters())) {
          throw new X509Exception("x509: RSA key missing NULL parameters");
        }
        RSAPublicKey rsa;
        try {
          rsa = RSAPublicKey.getInstance(ASN1Primitive.fromByteArray(keyBytes));
        } catch (Exception e) {
          throw new X509Exception("x509: invalid RSA public key");
        }
        if (rsa.getModulus().signum() <= 0) {
          throw new X509Exception("x509: RSA modulus is not a positive number");
        }
        if (rsa.getPublicExponent().signum() <= 0) {
          throw new X509Exception("x509: RSA public exponent is not a positive number");
        }
        if (rsa.getPublicExponent().bitLength() > 31) {
          throw new X509Exception("x509: RSA public exponent too large");
        }
        return new PublicKey("RSA", rsa.getModulus(), rsa.getPublicExponent(), null, rsaPublicJson(rsa.getModulus(), rsa.getPublicExponent()));
      }
      case OID_EC -> {
        String curveOid = namedCurve(alg.getParameters());
        ECPoint point = decodePoint(curveOid, keyBytes);
        BigInteger x = point.getAffineXCoord().toBigInteger();
        BigInteger y = point.getAffineYCoord().toBigInteger();
        return new PublicKey("EC", x, y, null, ecJson(x, y, null));
      }
      case OID_ED25519 -> {
        if (alg.getParameters() != null) {
          throw new X509Exception("x509: Ed25519 key encoded with illegal parameters");
        }
        if (keyBytes.length != 32) {
          throw new X509Exception("x509: wrong Ed25519 public key size");
        }
        return new PublicKey("Ed25519", null, null, keyBytes, GoValues.bytes(keyBytes));
      }
      case OID_DSA -> {
        DSAParameter params = DSAParameter.getInstance(alg.getParameters());
        BigInteger y;
        try {
          y = ASN1Integer.getInstance(ASN1Primitive.fromByteArray(keyBytes)).getValue();
        } catch (Exception e) {
          throw new X509Exception("x509: invalid DSA public key");
        }
        Value json = ObjectValue.builder()
            .put("Parameters", ObjectValue.builder()
                .put("P", NumberValue.of(params.getP()))
                .put("Q", NumberValue.of(params.getQ()))
                .put("G", NumberValue.of(params.getG()))
                .build())
            .put("Y", NumberValue.of(y))
            .build();
        return new PublicKey("DSA", y, null, null, json);
      }
      default -> {
        return null;
      }
    }
  }

  static Value rsaPublicJson(BigInteger n, BigInteger e) {
    return ObjectValue.builder().put("N", NumberValue.of(n)).put("E", NumberValue.of(e)).build();
  }

  /** {@code ecdsa.PublicKey} / {@code ecdsa.PrivateKey}: the embedded curve has no exported fields. */
  static Value ecJson(BigInteger x, BigInteger y, BigInteger d) {
    ObjectValue.Builder b = ObjectValue.builder()
        .put("Curve", ObjectValue.EMPTY)
        .put("X", NumberValue.of(x))
        .put("Y", NumberValue.of(y));
    if (d != null) {
      b.put("D", NumberValue.of(d));
    }
    return b.build();
  }

  static String namedCurve(ASN1Encodable params) {
    if (!(params instanceof ASN1ObjectIdentifier oid) || !CURVES.containsKey(oid.getId())) {
      throw new X509Exception("x509: unsupported elliptic curve");
    }
    return oid.getId();
  }

  static X9ECParameters curve(String oid) {
    return ECNamedCurveTable.getByOID(new ASN1ObjectIdentifier(oid));
  }

  /** Bytes of one coordinate on the curve. */
  static int coordinateSize(String curveOid) {
    return (curve(curveOid).getCurve().getFieldSize() + 7) / 8;
  }

  private static ECPoint decodePoint(String curveOid, byte[] encoded) {
    X9ECParameters params = curve(curveOid);
    int size = coordinateSize(curveOid);
    if (encoded.length != 1 + 2 * size || encoded[0] != 4) {
      throw new X509Exception("x509: failed to unmarshal elliptic curve point");
    }
    try {
      ECPoint p = params.getCurve().decodePoint(encoded).normalize();
      if (!p.isValid()) {
        throw new X509Exception("x509: failed to unmarshal elliptic curve point");
      }
      return p;
    } catch (IllegalArgumentException e) {
      throw new X509Exception("x509: failed to unmarshal elliptic curve point");
    }
  }

  /** A parsed private key in the forms OPA exposes: Go's JSON, a JWK, and its public half. */
  sealed interface PrivateKey permits RsaKey, EcKey, Ed25519Key, X25519Key {
    Value goJson();

    /** The key as a JDK key, for use in TLS; null for keys the JDK cannot use that way. */
    java.security.PrivateKey toJdk() throws GeneralSecurityException;

    /** Whether this key belongs to {@code pub} (tls.X509KeyPair's check); null if the types differ. */
    Boolean matches(PublicKey pub);
  }

  record RsaKey(BigInteger n, BigInteger e, BigInteger d, BigInteger p, BigInteger q) implements PrivateKey {
    BigInteger dp() {
      return d.mod(p.subtract(BigInteger.ONE));
    }

    BigInteger dq() {
      return d.mod(q.subtract(BigInteger.ONE));
    }

    BigInteger qinv() {
      return q.modInverse(p);
    }

    @Override
    public Value goJson() {
      return ObjectValue.builder()
          .put("N", NumberValue.of(n))
          .put("E", NumberValue.of(e))
          .put("D", NumberValue.of(d))
          .put("Primes", ArrayValue.of(NumberValue.of(p), NumberValue.of(q)))
          .put("Precomputed", ObjectValue.builder()
              .put("Dp", NumberValue.of(dp()))
              .put("Dq", NumberValue.of(dq()))
              .put("Qinv", NumberValue.of(qinv()))
              .put("CRTValues", ArrayValue.EMPTY)
              .build())
          .build();
    }

    @Override
    public Boolean matches(PublicKey pub) {
      return pub.type().equals("RSA") ? pub.a().equals(n) : null;
    }

    @Override
    public java.security.PrivateKey toJdk() throws GeneralSecurityException {
      return KeyFactory.getInstance("RSA").generatePrivate(
          new RSAPrivateCrtKeySpec(n, e, d, p, q, dp(), dq(), qinv()));
    }

    Value jwk() {
      return ObjectValue.builder()
          .put("kty", StringValue.of("RSA"))
          .put("n", b64(n, 0))
          .put("e", b64(e, 0))
          .put("d", b64(d, 0))
          .put("p", b64(p, 0))
          .put("q", b64(q, 0))
          .put("dp", b64(dp(), 0))
          .put("dq", b64(dq(), 0))
          .put("qi", b64(qinv(), 0))
          .build();
    }
  }

  record EcKey(String curveOid, BigInteger x, BigInteger y, BigInteger d) implements PrivateKey {
    @Override
    public Value goJson() {
      return ecJson(x, y, d);
    }

    @Override
    public Boolean matches(PublicKey pub) {
      return pub.type().equals("EC") ? pub.a().equals(x) && pub.b().equals(y) : null;
    }

    @Override
    public java.security.PrivateKey toJdk() throws GeneralSecurityException {
      AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
      params.init(new ECGenParameterSpec(curveOid));
      return KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(d,
          params.getParameterSpec(ECParameterSpec.class)));
    }

    Value jwk() {
      int size = coordinateSize(curveOid);
      return ObjectValue.builder()
          .put("kty", StringValue.of("EC"))
          .put("crv", StringValue.of(CURVES.get(curveOid)))
          .put("x", b64(x, size))
          .put("y", b64(y, size))
          .put("d", b64(d, size))
          .build();
    }
  }

  record Ed25519Key(byte[] seed, byte[] publicKey) implements PrivateKey {
    @Override
    public Value goJson() {
      byte[] full = Arrays.copyOf(seed, 64);
      System.arraycopy(publicKey, 0, full, 32, 32);
      return GoValues.bytes(full);
    }

    @Override
    public Boolean matches(PublicKey pub) {
      return pub.type().equals("Ed25519") ? Arrays.equals(pub.raw(), publicKey) : null;
    }

    @Override
    public java.security.PrivateKey toJdk() throws GeneralSecurityException {
      byte[] prefix = HexFormat.of().parseHex("302e020100300506032b657004220420");
      byte[] der = Arrays.copyOf(prefix, prefix.length + 32);
      System.arraycopy(seed, 0, der, prefix.length, 32);
      return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
    }
  }

  /** {@code *ecdh.PrivateKey}: only unexported fields, so Go marshals it as an empty object. */
  record X25519Key() implements PrivateKey {
    @Override
    public Value goJson() {
      return ObjectValue.EMPTY;
    }

    @Override
    public Boolean matches(PublicKey pub) {
      return null;
    }

    @Override
    public java.security.PrivateKey toJdk() {
      return null;
    }
  }

  /** Base64url without padding of a big-endian unsigned integer, left-padded to {@code size} bytes. */
  static Value b64(BigInteger v, int size) {
    byte[] raw = v.toByteArray();
    int skip = raw.length > 1 && raw[0] == 0 ? 1 : 0;
    byte[] mag = Arrays.copyOfRange(raw, skip, raw.length);
    if (mag.length < size) {
      byte[] padded = new byte[size];
      System.arraycopy(mag, 0, padded, size - mag.length, mag.length);
      mag = padded;
    }
    return StringValue.of(GoBase64.encodeRawUrl(mag));
  }

  private enum Shape { PKCS1, SEC1, PKCS8, OTHER }

  private static ASN1Sequence sequence(byte[] der) {
    try {
      ASN1Primitive p = ASN1Primitive.fromByteArray(der);
      return p instanceof ASN1Sequence s ? s : null;
    } catch (Exception e) {
      return null;
    }
  }

  private static Shape shape(ASN1Sequence seq) {
    if (seq == null || seq.size() < 2 || !(seq.getObjectAt(0) instanceof ASN1Integer)) {
      return Shape.OTHER;
    }
    if (seq.size() >= 6 && IntStream.range(0, 6).allMatch(i -> seq.getObjectAt(i) instanceof ASN1Integer)) {
      return Shape.PKCS1;
    }
    if (seq.getObjectAt(1) instanceof ASN1OctetString) {
      return Shape.SEC1;
    }
    if (seq.size() >= 3 && seq.getObjectAt(1) instanceof ASN1Sequence && seq.getObjectAt(2) instanceof ASN1OctetString) {
      return Shape.PKCS8;
    }
    return Shape.OTHER;
  }

  private static X509Exception wrongFormat(Shape actual, Shape expected) {
    String hint = switch (actual) {
      case PKCS1 -> "ParsePKCS1PrivateKey";
      case SEC1 -> "ParseECPrivateKey";
      case PKCS8 -> "ParsePKCS8PrivateKey";
      default -> null;
    };
    if (hint == null || actual == expected) {
      return new X509Exception("asn1: structure error: tags don't match");
    }
    return new X509Exception("x509: failed to parse private key (use " + hint + " instead for this key format)");
  }

  /** Go's {@code x509.ParsePKCS1PrivateKey}. */
  static RsaKey parsePkcs1(byte[] der) {
    ASN1Sequence seq = sequence(der);
    Shape shape = shape(seq);
    if (shape != Shape.PKCS1) {
      throw wrongFormat(shape, Shape.PKCS1);
    }
    BigInteger version = ASN1Integer.getInstance(seq.getObjectAt(0)).getValue();
    if (version.compareTo(BigInteger.ONE) > 0) {
      throw new X509Exception("x509: unsupported private key version");
    }
    BigInteger[] v = new BigInteger[6];
    for (int i = 1; i < 6; i++) {
      v[i] = ASN1Integer.getInstance(seq.getObjectAt(i)).getValue();
    }
    BigInteger n = v[1];
    BigInteger e = v[2];
    BigInteger d = v[3];
    BigInteger p = v[4];
    BigInteger q = v[5];
    if (n.signum() <= 0 || d.signum() <= 0 || p.signum() <= 0 || q.signum() <= 0) {
      throw new X509Exception("x509: private key contains zero or negative value");
    }
    if (e.signum() <= 0 || e.bitLength() > 31) {
      throw new X509Exception("x509: private key contains zero or negative value");
    }
    if (!p.multiply(q).equals(n) || p.equals(BigInteger.ONE) || q.equals(BigInteger.ONE)) {
      throw new X509Exception("crypto/rsa: invalid modulus");
    }
    return new RsaKey(n, e, d, p, q);
  }

  /** Go's {@code x509.ParseECPrivateKey}; {@code curveFromPkcs8} is the curve named by a PKCS#8 wrapper. */
  static EcKey parseSec1(byte[] der, String curveFromPkcs8) {
    ASN1Sequence seq = sequence(der);
    Shape shape = shape(seq);
    if (shape != Shape.SEC1) {
      X509Exception wrong = wrongFormat(shape, Shape.SEC1);
      throw shape == Shape.OTHER ? new X509Exception("x509: failed to parse EC private key: " + wrong.getMessage()) : wrong;
    }
    BigInteger version = ASN1Integer.getInstance(seq.getObjectAt(0)).getValue();
    if (!version.equals(BigInteger.ONE)) {
      throw new X509Exception("x509: unknown EC private key version " + version);
    }
    String curveOid = curveFromPkcs8;
    for (int i = 2; i < seq.size(); i++) {
      if (seq.getObjectAt(i) instanceof ASN1TaggedObject t && t.getTagNo() == 0 && curveOid == null) {
        ASN1Encodable params = t.getExplicitBaseObject();
        curveOid = params instanceof ASN1ObjectIdentifier oid && CURVES.containsKey(oid.getId()) ? oid.getId() : null;
        if (curveOid == null) {
          throw new X509Exception("x509: unknown elliptic curve");
        }
      }
    }
    if (curveOid == null) {
      throw new X509Exception("x509: unknown elliptic curve");
    }
    X9ECParameters params = curve(curveOid);
    BigInteger d = new BigInteger(1, ASN1OctetString.getInstance(seq.getObjectAt(1)).getOctets());
    if (d.compareTo(params.getN()) >= 0 || d.signum() == 0) {
      throw new X509Exception("x509: invalid elliptic curve private key value");
    }
    ECPoint pub = params.getG().multiply(d).normalize();
    return new EcKey(curveOid, pub.getAffineXCoord().toBigInteger(), pub.getAffineYCoord().toBigInteger(), d);
  }

  /** Go's {@code x509.ParsePKCS8PrivateKey}. */
  static PrivateKey parsePkcs8(byte[] der) {
    ASN1Sequence seq = sequence(der);
    Shape shape = shape(seq);
    if (shape != Shape.PKCS8) {
      throw wrongFormat(shape, Shape.PKCS8);
    }
    AlgorithmIdentifier alg = AlgorithmIdentifier.getInstance(seq.getObjectAt(1));
    byte[] inner = ASN1OctetString.getInstance(seq.getObjectAt(2)).getOctets();
    String oid = alg.getAlgorithm().getId();
    switch (oid) {
      case OID_RSA -> {
        try {
          return parsePkcs1(inner);
        } catch (X509Exception e) {
          throw new X509Exception("x509: failed to parse RSA private key embedded in PKCS#8: " + e.getMessage());
        }
      }
      case OID_EC -> {
        String curveOid = alg.getParameters() instanceof ASN1ObjectIdentifier c && CURVES.containsKey(c.getId()) ? c.getId() : null;
        if (curveOid == null) {
          throw new X509Exception("x509: failed to parse EC private key embedded in PKCS#8: x509: unknown elliptic curve");
        }
        try {
          return parseSec1(inner, curveOid);
        } catch (X509Exception e) {
          throw new X509Exception("x509: failed to parse EC private key embedded in PKCS#8: " + e.getMessage());
        }
      }
      case OID_ED25519 -> {
        if (alg.getParameters() != null) {
          throw new X509Exception("x509: invalid Ed25519 private key parameters");
        }
        byte[] seed = curvePrivateKey(inner, "Ed25519");
        if (seed.length != 32) {
          throw new X509Exception("x509: invalid Ed25519 private key length: " + seed.length);
        }
        return new Ed25519Key(seed, new Ed25519PrivateKeyParameters(seed).generatePublicKey().getEncoded());
      }
      case OID_X25519 -> {
        curvePrivateKey(inner, "X25519");
        return new X25519Key();
      }
      default -> throw new X509Exception("x509: PKCS#8 wrapping contained private key with unknown algorithm: " + oid);
    }
  }

  private static byte[] curvePrivateKey(byte[] inner, String name) {
    try {
      return ASN1OctetString.getInstance(ASN1Primitive.fromByteArray(inner)).getOctets();
    } catch (Exception e) {
      throw new X509Exception("x509: invalid " + name + " private key: asn1: structure error");
    }
  }
}
