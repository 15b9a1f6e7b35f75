package io.kubepolicies.signing.jws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import io.kubepolicies.signing.BundleException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JwsTest {
  private static final byte[] PAYLOAD = "{\"files\":[]}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] SECRET = "a-shared-secret-of-sixty-four-bytes-for-every-hmac-algorithm-ok!".getBytes(StandardCharsets.UTF_8);

  private final KeyPair rsa = JdkKeys.rsa(2048);
  private final Map<JwsAlgorithm, KeyPair> pairs = new EnumMap<>(JwsAlgorithm.class);

  private KeyPair pair(JwsAlgorithm algorithm) {
    return pairs.computeIfAbsent(algorithm, a -> JdkKeys.forAlgorithm(a, rsa));
  }

  private boolean isHmac(JwsAlgorithm algorithm) {
    return algorithm.name().startsWith("HS");
  }

  private SigningKey signingKey(JwsAlgorithm algorithm) throws BundleException {
    return isHmac(algorithm) ? SigningKey.hmac(algorithm, SECRET) : SigningKey.of(algorithm, pair(algorithm).getPrivate());
  }

  private VerificationKey verificationKey(JwsAlgorithm algorithm) throws BundleException {
    return isHmac(algorithm) ? VerificationKey.hmac(algorithm, SECRET) : VerificationKey.of(algorithm, pair(algorithm).getPublic());
  }

  @ParameterizedTest
  @EnumSource(JwsAlgorithm.class)
  void signsAndVerifiesEveryAlgorithm(JwsAlgorithm algorithm) throws BundleException {
    String token = Jws.sign(signingKey(algorithm), Optional.of("k1"), PAYLOAD);
    Jws jws = Jws.parse(token);
    jws.verify(verificationKey(algorithm));
    assertEquals(new JwsHeader(algorithm.jwsName(), Optional.of("k1")), jws.header());
    assertArrayEquals(PAYLOAD, jws.payload());
  }

  @ParameterizedTest
  @EnumSource(JwsAlgorithm.class)
  void nimbusVerifiesOurTokens(JwsAlgorithm algorithm) throws Exception {
    JWSObject parsed = JWSObject.parse(Jws.sign(signingKey(algorithm), Optional.empty(), PAYLOAD));
    assertEquals(algorithm.jwsName(), parsed.getHeader().getAlgorithm().getName());
    assertTrue(parsed.verify(nimbusVerifier(algorithm)));
  }

  @ParameterizedTest
  @EnumSource(JwsAlgorithm.class)
  void weVerifyNimbusTokens(JwsAlgorithm algorithm) throws Exception {
    JWSObject object = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.parse(algorithm.jwsName())).keyID("n1").build(),
        new Payload(PAYLOAD));
    object.sign(nimbusSigner(algorithm));
    Jws jws = Jws.parse(object.serialize());
    jws.verify(verificationKey(algorithm));
    assertEquals(Optional.of("n1"), jws.header().keyId());
  }

  @Test
  void refusesUnsignedTokens() {
    String token = b64("{\"alg\":\"none\"}") + "." + b64("{}") + ".";
    BundleException e = assertThrows(BundleException.class, () -> Jws.parse(token).verify(verificationKey(JwsAlgorithm.RS256)));
    assertEquals("unsigned tokens (alg \"none\") are not accepted", e.getMessage());
  }

  @Test
  void refusesATokenWhoseAlgorithmIsNotTheKeys() throws BundleException {
    String rs512 = Jws.sign(SigningKey.of(JwsAlgorithm.RS512, rsa.getPrivate()), Optional.empty(), PAYLOAD);
    BundleException e = assertThrows(BundleException.class,
        () -> Jws.parse(rs512).verify(VerificationKey.of(JwsAlgorithm.RS256, rsa.getPublic())));
    assertEquals("the signature uses RS512 but the key is pinned to RS256", e.getMessage());
  }

  @Test
  void refusesAnHmacTokenKeyedWithThePublicKey() throws BundleException {
    // The classic confusion attack: HS256 "signed" with the verifier's public key bytes.
    String forged = Jws.sign(SigningKey.hmac(JwsAlgorithm.HS256, rsa.getPublic().getEncoded()), Optional.empty(), PAYLOAD);
    BundleException e = assertThrows(BundleException.class,
        () -> Jws.parse(forged).verify(VerificationKey.of(rsa.getPublic())));
    assertEquals("the signature uses HS256 but the key is pinned to RS256", e.getMessage());
  }

  @Test
  void refusesTamperedTokens() throws BundleException {
    String token = Jws.sign(signingKey(JwsAlgorithm.ES256), Optional.empty(), PAYLOAD);
    String[] parts = token.split("\\.");
    String otherPayload = parts[0] + "." + b64("{\"files\":[1]}") + "." + parts[2];
    assertEquals("invalid signature",
        assertThrows(BundleException.class, () -> Jws.parse(otherPayload).verify(verificationKey(JwsAlgorithm.ES256))).getMessage());
    byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
    signature[5] ^= 1;
    String otherSignature = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    assertEquals("invalid signature",
        assertThrows(BundleException.class, () -> Jws.parse(otherSignature).verify(verificationKey(JwsAlgorithm.ES256))).getMessage());
    String shortSignature = parts[0] + "." + parts[1] + "." + parts[2].substring(4);
    assertEquals("invalid signature",
        assertThrows(BundleException.class, () -> Jws.parse(shortSignature).verify(verificationKey(JwsAlgorithm.ES256))).getMessage());
  }

  @Test
  void refusesCriticalAndUnencodedPayloadHeaders() {
    assertEquals("JWS header lists critical extensions [\"exp\"], which are not supported",
        assertThrows(BundleException.class, () -> Jws.parse(b64("{\"alg\":\"RS256\",\"crit\":[\"exp\"],\"exp\":1}") + ".e30.c2ln")).getMessage());
    assertEquals("JWS header parameter b64 is not supported",
        assertThrows(BundleException.class, () -> Jws.parse(b64("{\"alg\":\"RS256\",\"b64\":false}") + ".e30.c2ln")).getMessage());
  }

  @Test
  void refusesMalformedHeaders() {
    assertEquals("JWS header is not valid JSON",
        assertThrows(BundleException.class, () -> Jws.parse(b64("{\"alg\":\"RS256\",\"alg\":\"none\"}") + ".e30.c2ln")).getMessage());
    assertEquals("JWS header has no alg", assertThrows(BundleException.class, () -> Jws.parse(b64("{\"kid\":\"a\"}") + ".e30.c2ln")).getMessage());
    assertEquals("JWS header kid is not a string",
        assertThrows(BundleException.class, () -> Jws.parse(b64("{\"alg\":\"RS256\",\"kid\":7}") + ".e30.c2ln")).getMessage());
    assertEquals("unsupported algorithm \"RS1\" (supported: " + JwsAlgorithm.supportedNames() + ")",
        assertThrows(BundleException.class, () -> Jws.parse(b64("{\"alg\":\"RS1\"}") + ".e30.c2ln").verify(verificationKey(JwsAlgorithm.RS256))).getMessage());
  }

  @Test
  void refusesMalformedCompactSerialization() {
    String header = b64("{\"alg\":\"RS256\"}");
    assertEquals("a JWS has three dot-separated parts, this one has 4",
        assertThrows(BundleException.class, () -> Jws.parse(header + ".e30.c2ln.x")).getMessage());
    assertEquals("JWS payload is not unpadded base64url",
        assertThrows(BundleException.class, () -> Jws.parse(header + ".e30=.c2ln")).getMessage());
    assertEquals("JWS signature is not unpadded base64url",
        assertThrows(BundleException.class, () -> Jws.parse(header + ".e30.c2+n")).getMessage());
    // "e31" decodes to the same bytes as "e30" but sets unused bits.
    assertEquals("JWS payload is not canonical base64url",
        assertThrows(BundleException.class, () -> Jws.parse(header + ".e31.c2ln")).getMessage());
  }

  @Test
  void refusesKeysThatDoNotFitTheAlgorithm() {
    assertEquals("algorithm RS256 does not fit a EC key",
        assertThrows(BundleException.class, () -> SigningKey.of(JwsAlgorithm.RS256, pair(JwsAlgorithm.ES256).getPrivate())).getMessage());
    assertEquals("ES256 needs an EC key on curve P-256, not a EC key",
        assertThrows(BundleException.class, () -> VerificationKey.of(JwsAlgorithm.ES256, pair(JwsAlgorithm.ES384).getPublic())).getMessage());
    assertEquals("EdDSA needs an Ed25519 key, not a RSA key",
        assertThrows(BundleException.class, () -> SigningKey.of(JwsAlgorithm.EDDSA, rsa.getPrivate())).getMessage());
    assertEquals("RS256 needs an RSA key of at least 2048 bits",
        assertThrows(BundleException.class, () -> VerificationKey.of(JdkKeys.rsa(1024).getPublic())).getMessage());
    assertEquals("HS512 needs a secret of at least 64 bytes",
        assertThrows(BundleException.class, () -> SigningKey.hmac(JwsAlgorithm.HS512, Arrays.copyOf(SECRET, 63))).getMessage());
  }

  @Test
  void infersTheAlgorithmFromTheKey() throws BundleException {
    assertEquals(JwsAlgorithm.RS256, JwsAlgorithm.defaultFor(rsa.getPublic()));
    assertEquals(JwsAlgorithm.ES384, JwsAlgorithm.defaultFor(pair(JwsAlgorithm.ES384).getPublic()));
    assertEquals(JwsAlgorithm.ES512, JwsAlgorithm.defaultFor(pair(JwsAlgorithm.ES512).getPrivate()));
    assertEquals(JwsAlgorithm.EDDSA, JwsAlgorithm.defaultFor(pair(JwsAlgorithm.EDDSA).getPublic()));
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private JWSSigner nimbusSigner(JwsAlgorithm algorithm) throws JOSEException {
    if (isHmac(algorithm)) {
      return new MACSigner(SECRET);
    }
    KeyPair keys = pair(algorithm);
    return switch (algorithm) {
      case ES256, ES384, ES512 -> new ECDSASigner((ECPrivateKey) keys.getPrivate());
      case EDDSA -> new Ed25519Signer(okp(keys, true));
      default -> new RSASSASigner(keys.getPrivate());
    };
  }

  private JWSVerifier nimbusVerifier(JwsAlgorithm algorithm) throws JOSEException {
    if (isHmac(algorithm)) {
      return new MACVerifier(SECRET);
    }
    KeyPair keys = pair(algorithm);
    return switch (algorithm) {
      case ES256, ES384, ES512 -> new ECDSAVerifier((ECPublicKey) keys.getPublic());
      case EDDSA -> new Ed25519Verifier(okp(keys, false));
      default -> new RSASSAVerifier((RSAPublicKey) keys.getPublic());
    };
  }

  /** Nimbus wants Ed25519 keys as raw bytes: the last 32 bytes of the X.509 and PKCS#8 encodings. */
  private static OctetKeyPair okp(KeyPair keys, boolean withPrivate) {
    byte[] x = tail(keys.getPublic().getEncoded());
    OctetKeyPair.Builder builder = new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x));
    if (withPrivate) {
      builder.d(Base64URL.encode(tail(keys.getPrivate().getEncoded())));
    }
    return builder.build();
  }

  private static byte[] tail(byte[] encoded) {
    return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
  }
}
