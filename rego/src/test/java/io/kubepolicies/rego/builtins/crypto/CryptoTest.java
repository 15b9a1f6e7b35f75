package io.kubepolicies.rego.builtins.crypto;

import static io.kubepolicies.rego.builtins.TestTerms.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.builtins.BuiltinException;
import io.kubepolicies.rego.builtins.FamilyCalls;
import io.kubepolicies.rego.builtins.TestContext;
import io.kubepolicies.rego.builtins.support.TestPki;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.NullValue;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Test;

class CryptoTest {
  private final FamilyCalls calls = new FamilyCalls(new CryptoFamily(), () -> new TestContext(NOW_NANOS));

  private Value call(String name, Value... args) {
    return calls.call(name, args);
  }

  private BuiltinException failure(String name, Value... args) {
    return calls.failure(name, args);
  }
  private static final long NOW_NANOS = TestPki.now().getEpochSecond() * 1_000_000_000L;

  private static final TestPki.Issued ROOT = TestPki.root("Test Root CA");
  private static final TestPki.Issued INTERMEDIATE = TestPki.intermediate("Test Intermediate CA", ROOT);
  private static final TestPki.Issued LEAF = TestPki.leaf("leaf.example.com", INTERMEDIATE, List.of(
      new GeneralName(GeneralName.dNSName, "leaf.example.com"),
      new GeneralName(GeneralName.uniformResourceIdentifier, "spiffe://example.com/opa"),
      new GeneralName(GeneralName.iPAddress, "10.1.2.3")), List.of(KeyPurposeId.id_kp_serverAuth));
  private static final String CHAIN = ROOT.pem() + INTERMEDIATE.pem() + LEAF.pem();


  private Value call(String name, String arg) {
    return calls.call(name, StringValue.of(arg));
  }

  private static Value field(Value object, String... path) {
    Value v = object;
    for (String p : path) {
      v = ((ObjectValue) v).get(p);
    }
    return v;
  }

  private static List<Value> commonNames(Value certs) {
    return ((ArrayValue) certs).elements().stream().map(c -> field(c, "Subject", "CommonName")).toList();
  }

  @Test
  void digestsAreHexOfUtf8() {
    assertEquals(str("900150983cd24fb0d6963f7d28e17f72"), call("crypto.md5", "abc"));
    assertEquals(str("a9993e364706816aba3e25717850c26c9cd0d89d"), call("crypto.sha1", "abc"));
    assertEquals(str("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"), call("crypto.sha256", "abc"));
    assertEquals(str("4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c"), call("crypto.sha256", "é"));
    assertEquals("operand 1 must be string but got number", failure("crypto.md5", NumberValue.of(1)).getMessage());
  }

  @Test
  void hmacsMatchTheRfcVectors() {
    Value data = str("what do ya want for nothing?");
    Value key = str("Jefe");
    assertEquals(str("750c783e6ab0b503eaa86e310a5db738"), call("crypto.hmac.md5", data, key));
    assertEquals(str("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"), call("crypto.hmac.sha1", data, key));
    assertEquals(str("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"), call("crypto.hmac.sha256", data, key));
    assertEquals(str("164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737"),
        call("crypto.hmac.sha512", data, key));
  }

  @Test
  void hmacHandlesUnicodeAndEmptyKeys() {
    assertEquals(str("eb90daeb76d4b2571fbdaf94bbb240809faa8fed93ec0c260dd38c3fdf8d963a"),
        call("crypto.hmac.sha256", str("åäöçß\uD83E\uDD72♙Ω"), str("秘密の")));
    assertEquals(str("5f576a8d68fe4fb7eb823227246353c0870c3b0e878997341db1226b4bd88d61"),
        call("crypto.hmac.sha256", str("msg"), str("")));
    assertEquals("operand 2 must be string but got null", failure("crypto.hmac.sha1", str("x"), NullValue.NULL).getMessage());
  }

  @Test
  void hmacEqualComparesBytes() {
    assertEquals(BooleanValue.TRUE, call("crypto.hmac.equal", str("31b6db9e"), str("31b6db9e")));
    assertEquals(BooleanValue.FALSE, call("crypto.hmac.equal", str("31b6db9e5eb4"), str("31b6db9e")));
    assertEquals(BooleanValue.FALSE, call("crypto.hmac.equal", str("a"), str("b")));
    assertEquals(BooleanValue.TRUE, call("crypto.hmac.equal", str(""), str("")));
  }

  @Test
  void parsesPemDerAndBase64Forms() {
    List<Value> expected = List.of(str("Test Root CA"), str("Test Intermediate CA"), str("leaf.example.com"));
    assertEquals(expected, commonNames(call("crypto.x509.parse_certificates", CHAIN)));
    assertEquals(expected, commonNames(call("crypto.x509.parse_certificates", TestPki.base64(CHAIN))));
    byte[] der = concat(ROOT.der(), INTERMEDIATE.der(), LEAF.der());
    assertEquals(expected, commonNames(call("crypto.x509.parse_certificates", TestPki.base64(der))));
    assertEquals(List.of(str("leaf.example.com")), commonNames(call("crypto.x509.parse_certificates", TestPki.base64(LEAF.der()))));
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  @Test
  void certificateFieldsHaveGoShapes() {
    Value leaf = ((ArrayValue) call("crypto.x509.parse_certificates", LEAF.pem())).get(0);
    assertEquals(str(Base64.getEncoder().encodeToString(LEAF.der())), field(leaf, "Raw"));
    assertEquals(NumberValue.of(3), field(leaf, "Version"));
    assertEquals(NumberValue.of(3), field(leaf, "SerialNumber"));
    assertEquals(NumberValue.of(10), field(leaf, "SignatureAlgorithm"));
    assertEquals(NumberValue.of(3), field(leaf, "PublicKeyAlgorithm"));
    ECPublicKey pub = (ECPublicKey) LEAF.keys().getPublic();
    assertEquals(NumberValue.of(pub.getW().getAffineX()), field(leaf, "PublicKey", "X"));
    assertEquals(ObjectValue.EMPTY, field(leaf, "PublicKey", "Curve"));
    assertEquals(str("2024-01-14T12:00:00Z"), field(leaf, "NotBefore"));
    assertEquals(Json.parse("[\"US\"]"), field(leaf, "Subject", "Country"));
    assertEquals(Json.parse("[\"Unit\"]"), field(leaf, "Subject", "OrganizationalUnit"));
    assertEquals(Json.parse("{\"Type\":[2,5,4,6],\"Value\":\"US\"}"), ((ArrayValue) field(leaf, "Subject", "Names")).get(0));
    assertEquals(str("Test Intermediate CA"), field(leaf, "Issuer", "CommonName"));
    assertEquals(NullValue.NULL, field(leaf, "Subject", "Locality"));
    assertEquals(NumberValue.of(1), field(leaf, "KeyUsage"));
    assertEquals(Json.parse("[1]"), field(leaf, "ExtKeyUsage"));
    assertEquals(Json.parse("[\"leaf.example.com\"]"), field(leaf, "DNSNames"));
    assertEquals(Json.parse("[\"10.1.2.3\"]"), field(leaf, "IPAddresses"));
    assertEquals(Json.parse("[\"spiffe://example.com/opa\"]"), field(leaf, "URIStrings"));
    assertEquals(str("example.com"), field(((ArrayValue) field(leaf, "URIs")).get(0), "Host"));
    assertEquals(BooleanValue.FALSE, field(leaf, "BasicConstraintsValid"));
    assertEquals(NumberValue.of(0), field(leaf, "MaxPathLen"));
    assertEquals(NullValue.NULL, field(leaf, "UnhandledCriticalExtensions"));
    assertEquals(NullValue.NULL, field(leaf, "ExtraExtensions"));
    assertEquals(NullValue.NULL, field(leaf, "PolicyIdentifiers"));
    assertEquals(4, ((ArrayValue) field(leaf, "Extensions")).size());
    assertEquals(Json.parse("[2,5,29,14]"), field(((ArrayValue) field(leaf, "Extensions")).get(0), "Id"));
  }

  @Test
  void caFieldsAndRsaKeys() {
    Value root = ((ArrayValue) call("crypto.x509.parse_certificates", ROOT.pem())).get(0);
    assertEquals(BooleanValue.TRUE, field(root, "IsCA"));
    assertEquals(BooleanValue.TRUE, field(root, "BasicConstraintsValid"));
    assertEquals(NumberValue.of(1), field(root, "MaxPathLen"));
    assertEquals(NumberValue.of(96), field(root, "KeyUsage"));
    assertEquals(NullValue.NULL, field(root, "URIStrings"));
    assertEquals(NullValue.NULL, field(root, "DNSNames"));
    TestPki.Issued rsa = TestPki.selfSignedRsa("rsa");
    Value cert = ((ArrayValue) call("crypto.x509.parse_certificates", rsa.pem())).get(0);
    assertEquals(NumberValue.of(1), field(cert, "PublicKeyAlgorithm"));
    assertEquals(NumberValue.of(4), field(cert, "SignatureAlgorithm"));
    assertEquals(NumberValue.of(65537), field(cert, "PublicKey", "E"));
  }

  @Test
  void parseErrorsUseGoMessages() {
    BuiltinException der = failure("crypto.x509.parse_certificates", str(TestPki.base64("badstring")));
    assertEquals(RegoError.EVAL_BUILTIN, der.code());
    assertEquals("x509: malformed certificate", der.getMessage());
    assertEquals("illegal base64 data at input byte 4", failure("crypto.x509.parse_certificates", str("foobar")).getMessage());
    String keyPem = TestPki.pem("PRIVATE KEY", TestPki.ec().getPrivate().getEncoded());
    assertEquals("PEM block type is 'PRIVATE KEY', expected CERTIFICATE",
        failure("crypto.x509.parse_certificates", str(keyPem)).getMessage());
    assertEquals(ArrayValue.EMPTY, call("crypto.x509.parse_certificates", ""));
  }

  private Value verify(String certs) {
    return call("crypto.x509.parse_and_verify_certificates", certs);
  }

  @Test
  void verifiesAChainFromRootToLeaf() {
    ArrayValue result = (ArrayValue) verify(CHAIN);
    assertEquals(BooleanValue.TRUE, result.get(0));
    assertEquals(List.of(str("leaf.example.com"), str("Test Intermediate CA"), str("Test Root CA")), commonNames(result.get(1)));
    assertEquals(Json.parse("[\"spiffe://example.com/opa\"]"), field(((ArrayValue) result.get(1)).get(0), "URIStrings"));
    assertEquals(BooleanValue.TRUE, ((ArrayValue) verify(TestPki.base64(CHAIN))).get(0));
  }

  @Test
  void rejectsChainsThatDoNotVerify() {
    Value unverified = ArrayValue.of(BooleanValue.FALSE, ArrayValue.EMPTY);
    assertEquals(unverified, verify(LEAF.pem()));
    assertEquals(unverified, verify(TestPki.root("Other Root").pem() + INTERMEDIATE.pem() + LEAF.pem()));
    assertEquals(unverified, verify(ROOT.pem() + LEAF.pem()));
    assertEquals(unverified, verify("foobar"));
    TestPki.Issued clientOnly = TestPki.leaf("client", INTERMEDIATE, List.of(), List.of(KeyPurposeId.id_kp_clientAuth));
    assertEquals(unverified, verify(ROOT.pem() + INTERMEDIATE.pem() + clientOnly.pem()));
  }

  @Test
  void verificationUsesTheQueryTime() {
    long before = NOW_NANOS - 2L * 24 * 3600 * 1_000_000_000L;
    Value result = calls.call(new TestContext(before), "crypto.x509.parse_and_verify_certificates", str(CHAIN));
    assertEquals(BooleanValue.FALSE, ((ArrayValue) result).get(0));
  }

  private Value verifyWith(String options) {
    return call("crypto.x509.parse_and_verify_certificates_with_options", str(CHAIN), Json.parse(options));
  }

  @Test
  void verificationOptions() {
    assertEquals(BooleanValue.TRUE, ((ArrayValue) verifyWith("{\"DNSName\": \"leaf.example.com\"}")).get(0));
    assertEquals(BooleanValue.FALSE, ((ArrayValue) verifyWith("{\"DNSName\": \"other.example.com\"}")).get(0));
    assertEquals(BooleanValue.FALSE, ((ArrayValue) verifyWith("{\"KeyUsages\": [\"KeyUsageClientAuth\"]}")).get(0));
    assertEquals(BooleanValue.TRUE, ((ArrayValue) verifyWith("{\"KeyUsages\": [\"KeyUsageAny\"]}")).get(0));
    assertEquals(BooleanValue.TRUE, ((ArrayValue) verifyWith("{\"MaxConstraintComparisons\": 10}")).get(0));
    long notYetValid = NOW_NANOS - 2L * 24 * 3600 * 1_000_000_000L;
    assertEquals(BooleanValue.FALSE, ((ArrayValue) verifyWith("{\"CurrentTime\": " + notYetValid + "}")).get(0));
    Value verified = ((ArrayValue) verifyWith("{}")).get(1);
    assertEquals(null, field(((ArrayValue) verified).get(0), "URIStrings"));
  }

  @Test
  void rejectsBadVerificationOptions() {
    assertEquals("invalid key option", assertThrows(BuiltinException.class, () -> verifyWith("{\"Bogus\": 1}")).getMessage());
    assertEquals("'DNSName' should be a string", assertThrows(BuiltinException.class, () -> verifyWith("{\"DNSName\": 1}")).getMessage());
    assertEquals("'CurrentTime' should be a valid int64 number",
        assertThrows(BuiltinException.class, () -> verifyWith("{\"CurrentTime\": 1.5}")).getMessage());
    assertEquals("'KeyUsages' should be an Array or Set",
        assertThrows(BuiltinException.class, () -> verifyWith("{\"KeyUsages\": \"x\"}")).getMessage());
    assertEquals("invalid entries for 'KeyUsages' found: [Foo Bar]",
        assertThrows(BuiltinException.class, () -> verifyWith("{\"KeyUsages\": [\"Foo\", \"Bar\"]}")).getMessage());
    Value set = SetValue.of(str("KeyUsageServerAuth"));
    Value ok = call("crypto.x509.parse_and_verify_certificates_with_options", str(CHAIN), ObjectValue.builder().put("KeyUsages", set).build());
    assertEquals(BooleanValue.TRUE, ((ArrayValue) ok).get(0));
  }

  @Test
  void parsesCertificateRequests() throws Exception {
    KeyPair keys = TestPki.rsa();
    org.bouncycastle.pkcs.PKCS10CertificationRequest csr = TestPki.csr("example.com", keys, "a.example.com", "b.example.com");
    String pem = TestPki.pem(csr);
    for (String form : List.of(pem, TestPki.base64(pem), TestPki.base64(csr.getEncoded()))) {
      Value parsed = call("crypto.x509.parse_certificate_request", form);
      assertEquals(str("example.com"), field(parsed, "Subject", "CommonName"));
      assertEquals(Json.parse("[\"a.example.com\", \"b.example.com\"]"), field(parsed, "DNSNames"));
      assertEquals(NumberValue.of(0), field(parsed, "Version"));
      assertEquals(NumberValue.of(1), field(parsed, "PublicKeyAlgorithm"));
      assertEquals(NumberValue.of(4), field(parsed, "SignatureAlgorithm"));
      assertEquals(Json.parse("[2,5,29,17]"), field(((ArrayValue) field(parsed, "Extensions")).get(0), "Id"));
      assertEquals(Json.parse("[1,2,840,113549,1,9,14]"), field(((ArrayValue) field(parsed, "Attributes")).get(0), "Type"));
    }
    Value plain = call("crypto.x509.parse_certificate_request", TestPki.pem(TestPki.csr("plain", keys)));
    assertEquals(NullValue.NULL, field(plain, "Extensions"));
    assertEquals(NullValue.NULL, field(plain, "DNSNames"));
  }

  @Test
  void certificateRequestErrors() {
    assertTrue(failure("crypto.x509.parse_certificate_request", str(TestPki.base64("badstring"))).getMessage()
        .startsWith("asn1: structure error: tags don't match (16 vs {class:1 tag:2 length:97 isCompound:true})"));
    assertEquals("illegal base64 data at input byte 4", failure("crypto.x509.parse_certificate_request", str("foobar")).getMessage());
    assertEquals("invalid PEM-encoded certificate signing request",
        failure("crypto.x509.parse_certificate_request", str(TestPki.base64(LEAF.pem()))).getMessage());
  }

  @Test
  void parsesKeyPairsInEveryForm() {
    KeyPair keys = TestPki.rsa();
    TestPki.Issued cert = selfSigned(keys);
    String keyPem = TestPki.pem("PRIVATE KEY", keys.getPrivate().getEncoded());
    String certDer = TestPki.base64(cert.der());
    for (Value[] args : List.of(
        new Value[] {str(cert.pem()), str(keyPem)},
        new Value[] {str(TestPki.base64(cert.pem())), str(TestPki.base64(keyPem))},
        new Value[] {str(certDer), str(TestPki.base64(keys.getPrivate().getEncoded()))},
        new Value[] {str(cert.pem()), str(TestPki.pem(keys.getPrivate()))})) {
      Value pair = call("crypto.x509.parse_keypair", args);
      assertEquals(str(certDer), ((ArrayValue) field(pair, "Certificate")).get(0));
      RSAPrivateCrtKey rsa = (RSAPrivateCrtKey) keys.getPrivate();
      assertEquals(NumberValue.of(rsa.getModulus()), field(pair, "PrivateKey", "N"));
      assertEquals(NumberValue.of(rsa.getPrimeExponentP()), field(pair, "PrivateKey", "Precomputed", "Dp"));
      assertEquals(str("rsa-pair"), field(pair, "Leaf", "Subject", "CommonName"));
      assertEquals(NullValue.NULL, field(pair, "OCSPStaple"));
    }
  }

  private static TestPki.Issued selfSigned(KeyPair keys) {
    try {
      org.bouncycastle.asn1.x500.X500Name name = new org.bouncycastle.asn1.x500.X500Name("CN=rsa-pair");
      org.bouncycastle.cert.X509v3CertificateBuilder b = new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(name,
          BigInteger.TEN, java.util.Date.from(TestPki.now()), java.util.Date.from(TestPki.now().plusSeconds(3600)), name, keys.getPublic());
      return new TestPki.Issued(keys, b.build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void keyPairErrors() {
    KeyPair keys = TestPki.rsa();
    TestPki.Issued cert = selfSigned(keys);
    String otherKey = TestPki.pem("PRIVATE KEY", TestPki.rsa().getPrivate().getEncoded());
    assertEquals("tls: private key does not match public key",
        failure("crypto.x509.parse_keypair", str(cert.pem()), str(otherKey)).getMessage());
    String ecKey = TestPki.pem("PRIVATE KEY", TestPki.ec().getPrivate().getEncoded());
    assertEquals("tls: private key type does not match public key type",
        failure("crypto.x509.parse_keypair", str(cert.pem()), str(ecKey)).getMessage());
    assertEquals("tls: found a certificate rather than a key in the PEM for the private key",
        failure("crypto.x509.parse_keypair", str(cert.pem()), str(cert.pem())).getMessage());
    assertEquals("tls: failed to find certificate PEM data in certificate input, but did find a private key;"
        + " PEM inputs may have been switched", failure("crypto.x509.parse_keypair", str(otherKey), str(otherKey)).getMessage());
    assertEquals("illegal base64 data at input byte 4", failure("crypto.x509.parse_keypair", str("foobar"), str(otherKey)).getMessage());
    assertEquals("operand 1 must be string but got number",
        failure("crypto.x509.parse_keypair", str(cert.pem()), NumberValue.of(1)).getMessage());
  }

  @Test
  void rsaPrivateKeyBecomesAJwk() {
    KeyPair keys = TestPki.rsa();
    RSAPrivateCrtKey rsa = (RSAPrivateCrtKey) keys.getPrivate();
    Value jwk = call("crypto.x509.parse_rsa_private_key", TestPki.pem(keys.getPrivate()));
    assertEquals(str("RSA"), field(jwk, "kty"));
    assertEquals(str("AQAB"), field(jwk, "e"));
    Base64.Decoder url = Base64.getUrlDecoder();
    assertEquals(rsa.getModulus(), new BigInteger(1, url.decode(((StringValue) field(jwk, "n")).value())));
    assertEquals(rsa.getPrivateExponent(), new BigInteger(1, url.decode(((StringValue) field(jwk, "d")).value())));
    assertEquals(rsa.getCrtCoefficient(), new BigInteger(1, url.decode(((StringValue) field(jwk, "qi")).value())));
    assertEquals(jwk, call("crypto.x509.parse_rsa_private_key", TestPki.base64(TestPki.pem(keys.getPrivate()))));
    Value ec = call("crypto.x509.parse_rsa_private_key", TestPki.sec1Pem(TestPki.ec()));
    assertEquals(str("P-256"), field(ec, "crv"));
    assertEquals(43, ((StringValue) field(ec, "x")).value().length());
  }

  @Test
  void rsaPrivateKeyErrors() {
    assertEquals("illegal base64 data at input byte 4", failure("crypto.x509.parse_rsa_private_key", str("invalid")).getMessage());
    assertEquals("input PEM data was empty", failure("crypto.x509.parse_rsa_private_key", str("")).getMessage());
    assertEquals(NullValue.NULL, call("crypto.x509.parse_rsa_private_key", LEAF.pem()));
  }

  @Test
  void parsesEveryPrivateKeyBlock() {
    KeyPair rsa = TestPki.rsa();
    KeyPair ec = TestPki.ec();
    KeyPair ed = TestPki.ed25519();
    String pem = TestPki.pem(rsa.getPrivate()) + LEAF.pem() + TestPki.sec1Pem(ec)
        + TestPki.pem("PRIVATE KEY", ed.getPrivate().getEncoded());
    ArrayValue keys = (ArrayValue) call("crypto.parse_private_keys", pem);
    assertEquals(3, keys.size());
    assertEquals(NumberValue.of(((RSAPrivateCrtKey) rsa.getPrivate()).getModulus()), field(keys.get(0), "N"));
    assertEquals(2, ((ArrayValue) field(keys.get(0), "Primes")).size());
    assertEquals(NumberValue.of(((ECPublicKey) ec.getPublic()).getW().getAffineY()), field(keys.get(1), "Y"));
    assertEquals(88, ((StringValue) keys.get(2)).value().length());
    assertEquals(keys, call("crypto.parse_private_keys", TestPki.base64(pem)));
  }

  @Test
  void sec1KeysNeedANamedCurve() {
    String unnamed = TestPki.pem(TestPki.ec().getPrivate());
    assertEquals("x509: unknown elliptic curve", failure("crypto.parse_private_keys", str(unnamed)).getMessage());
  }

  @Test
  void privateKeyEdgeCases() {
    assertEquals(NullValue.NULL, call("crypto.parse_private_keys", ""));
    assertEquals(ArrayValue.EMPTY, call("crypto.parse_private_keys", "nope"));
    assertEquals("x509: failed to parse private key (use ParsePKCS8PrivateKey instead for this key format)",
        failure("crypto.parse_private_keys",
            str(TestPki.pem("RSA PRIVATE KEY", TestPki.rsa().getPrivate().getEncoded()))).getMessage());
  }
}
