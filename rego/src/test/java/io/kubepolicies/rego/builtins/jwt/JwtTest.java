package io.kubepolicies.rego.builtins.jwt;

import static io.kubepolicies.rego.builtins.TestTerms.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.builtins.BuiltinException;
import io.kubepolicies.rego.builtins.FamilyCalls;
import io.kubepolicies.rego.builtins.TestContext;
import io.kubepolicies.rego.builtins.support.TestPki;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class JwtTest {
  private final FamilyCalls calls = new FamilyCalls(new JwtFamily(), () -> new TestContext(NOW));
  /** RFC 7515 appendix A.1. */
  private static final String RFC_HS256_KEY =
      "{\"kty\":\"oct\",\"k\":\"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow\"}";
  private static final String RFC_HS256_TOKEN = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9"
      + ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
      + ".dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
  /** RFC 8037 appendix A.4. */
  private static final String RFC_ED25519_TOKEN = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc"
      + ".hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";
  private static final String RFC_ED25519_PUBLIC = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}";
  private static final String RFC_ED25519_PRIVATE = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\","
      + "\"d\":\"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}";

  private static final KeyPair RSA = TestPki.rsa();
  private static final KeyPair EC = TestPki.ec();
  private static final long NOW = 1_600_000_000_000_000_000L;


  private static String b64(String s) {
    return b64(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String b64(byte[] b) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** A token signed with the JDK directly, independent of the code under test. */
  private static String token(String header, String payload, String jdkAlgorithm, PrivateKey key) {
    try {
      String input = b64(header) + "." + b64(payload);
      Signature sig = Signature.getInstance(jdkAlgorithm);
      if (jdkAlgorithm.equals("RSASSA-PSS")) {
        sig.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
      }
      sig.initSign(key);
      sig.update(input.getBytes(StandardCharsets.UTF_8));
      return input + "." + b64(sig.sign());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hmacToken(String header, String payload, String secret) {
    try {
      String input = b64(header) + "." + b64(payload);
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return input + "." + b64(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pem(PublicKey key) {
    return TestPki.pem("PUBLIC KEY", key.getEncoded());
  }

  private static String unsigned(BigInteger v) {
    byte[] raw = v.toByteArray();
    return b64(raw[0] == 0 ? java.util.Arrays.copyOfRange(raw, 1, raw.length) : raw);
  }

  private static String rsaJwk(RSAPublicKey key, String extra) {
    return "{\"kty\":\"RSA\",\"n\":\"" + unsigned(key.getModulus()) + "\",\"e\":\"" + unsigned(key.getPublicExponent()) + "\"" + extra + "}";
  }

  private static String ecJwk(ECPublicKey key, String extra) {
    return "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"" + unsigned(key.getW().getAffineX()) + "\",\"y\":\""
        + unsigned(key.getW().getAffineY()) + "\"" + extra + "}";
  }

  @Test
  void decodesHeaderPayloadAndSignature() {
    String jwt = hmacToken("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", "{\"sub\":\"0\",\"iss\":\"opa\",\"ext\":{\"n\":[10,\"10\"]}}", "k");
    ArrayValue parts = (ArrayValue) calls.call("io.jwt.decode", str(jwt));
    assertEquals(Json.parse("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"), parts.get(0));
    assertEquals(Json.parse("{\"sub\":\"0\",\"iss\":\"opa\",\"ext\":{\"n\":[10,\"10\"]}}"), parts.get(1));
    String sig = jwt.substring(jwt.lastIndexOf('.') + 1);
    assertEquals(str(java.util.HexFormat.of().formatHex(Base64.getUrlDecoder().decode(sig))), parts.get(2));
  }

  @Test
  void decodeKeepsTheLastOfDuplicateClaims() {
    String jwt = b64("{\"alg\":\"HS256\"}") + "." + b64("{\"iss\":\"a\",\"iss\":\"opa\"}") + ".c2ln";
    assertEquals(Json.parse("{\"iss\":\"opa\"}"), ((ArrayValue) calls.call("io.jwt.decode", str(jwt))).get(1));
  }

  @Test
  void decodeUnwrapsNestedTokens() {
    String inner = hmacToken("{\"alg\":\"HS256\"}", "{\"sub\":\"0\"}", "k");
    String outer = b64("{\"alg\":\"HS256\",\"cty\":\"JWT\"}") + "." + b64("\"" + inner + "\"") + ".c2ln";
    String twice = b64("{\"alg\":\"HS256\",\"cty\":\"JWT\"}") + "." + b64(outer) + ".c2ln";
    Value expected = calls.call("io.jwt.decode", str(inner));
    assertEquals(expected, calls.call("io.jwt.decode", str(outer)));
    assertEquals(expected, calls.call("io.jwt.decode", str(twice)));
  }

  @Test
  void decodeErrorsUseOpaMessages() {
    String header = b64("{\"alg\":\"HS256\"}");
    String payload = b64("{\"sub\":\"0\"}");
    assertEquals("encoded JWT had no period separators", calls.failure("io.jwt.decode", str(header + payload)).getMessage());
    assertEquals("encoded JWT must have 3 sections, found 2", calls.failure("io.jwt.decode", str(header + "." + payload)).getMessage());
    assertEquals("JWT is a JWE object, which is not supported",
        calls.failure("io.jwt.decode", str(b64("{\"alg\":\"HS256\",\"enc\":\"x\"}") + "." + payload + ".c2ln")).getMessage());
    assertEquals("JWT header had invalid encoding: illegal base64 data at input byte 3",
        calls.failure("io.jwt.decode", str("eyJ^GciO." + payload + ".c2ln")).getMessage());
    assertEquals("JWT header had invalid encoding: illegal base64url string: eyJhb",
        calls.failure("io.jwt.decode", str("eyJhb." + payload + ".c2ln")).getMessage());
    assertEquals("JWT payload had invalid encoding: illegal base64 data at input byte 2",
        calls.failure("io.jwt.decode", str(header + ".ab/d.c2ln")).getMessage());
    assertEquals("JWT signature had invalid encoding: illegal base64url string: abcde",
        calls.failure("io.jwt.decode", str(header + "." + payload + ".abcde")).getMessage());
    assertEquals("decoded JSON type was not an Object", calls.failure("io.jwt.decode", str(header + "." + b64("[1]") + ".c2ln")).getMessage());
    assertTrue(calls.failure("io.jwt.decode", str(b64("{nope") + "." + payload + ".c2ln")).getMessage().startsWith("bad JWT header: invalid JSON: "));
    BuiltinException type = calls.failure("io.jwt.decode", NumberValue.of(1));
    assertEquals(RegoError.EVAL_TYPE, type.code());
  }

  @Test
  void verifiesHmacTokens() {
    String jwt = hmacToken("{\"alg\":\"HS256\"}", "{\"user\":\"alice\"}", "secret");
    assertEquals(BooleanValue.TRUE, calls.call("io.jwt.verify_hs256", str(jwt), str("secret")));
    assertEquals(BooleanValue.FALSE, calls.call("io.jwt.verify_hs256", str(jwt), str("other")));
    assertEquals(BooleanValue.FALSE, calls.call("io.jwt.verify_hs384", str(jwt), str("secret")));
    assertEquals("encoded JWT must have 3 sections, found 2",
        calls.failure("io.jwt.verify_hs512", str(jwt.substring(0, jwt.lastIndexOf('.'))), str("secret")).getMessage());
    assertEquals("operand 2 must be string but got number", calls.failure("io.jwt.verify_hs256", str(jwt), NumberValue.of(1)).getMessage());
  }

  @Test
  void verifiesRsaTokensWithPemAndJwk() {
    String rs = token("{\"alg\":\"RS256\"}", "{\"foo\":\"bar\"}", "SHA256withRSA", RSA.getPrivate());
    String ps = token("{\"alg\":\"PS256\"}", "{\"foo\":\"bar\"}", "RSASSA-PSS", RSA.getPrivate());
    String jwk = rsaJwk((RSAPublicKey) RSA.getPublic(), "");
    for (String key : List.of(pem(RSA.getPublic()), jwk, "{\"keys\":[" + jwk + "]}")) {
      assertEquals(BooleanValue.TRUE, calls.call("io.jwt.verify_rs256", str(rs), str(key)));
      assertEquals(BooleanValue.TRUE, calls.call("io.jwt.verify_ps256", str(ps), str(key)));
      assertEquals(BooleanValue.FALSE, calls.call("io.jwt.verify_ps256", str(rs), str(key)));
      assertEquals(BooleanValue.FALSE, calls.call("io.jwt.verify_rs384", str(rs), str(key)));
    }
    assertEquals(BooleanValue.FALSE, calls.call("io.jwt.verify_rs256", str(rs), str(pem(TestPki.rsa().getPublic()))));
  }

  @Test
  void verifiesWithTheKeyOfACertificate() {
    TestPki.Issued cert = TestPki.selfSignedRsa("signer");
    String rs = token("{\"alg\":\"RS256\"}", "{\"foo\":\"bar\"}", "SHA256withRSA", cert.keys().getPrivate());
    assertEquals(BooleanValue.TRUE, calls.call("io.jwt.verify_rs256", str(rs), str(cert.pem())));
  }

  @Test
  void verifiesEcdsaAndEddsa() {
    String es = token("{\"alg\":\"ES256\"}", "{\"iss\":\"xxx\"}", "SHA256withECDSAinP1363Format", EC.getPrivate());
    assertEquals(BooleanValue.TRUE, calls.call("io.jwt.verify_es256", str(es), str(pem(EC.getPublic()))));
    assertEquals(BooleanValue.TRUE, calls.call("io.jwt.verify_es256", str(es), str(ecJwk((ECPublicKey) EC.getPublic(), ""))));
    assertEquals(BooleanValue.FALSE, calls.call("io.jwt.verify_es256", str(es), str(pem(TestPki.ec().getPublic()))));
    assertEquals(BooleanValue.FALSE, calls.call("io.jwt.verify_es384", str(es), str(pem(EC.getPublic()))));
    assertEquals(BooleanValue.TRUE, calls.call("io.jwt.verify_eddsa", str(RFC_ED25519_TOKEN), str(RFC_ED25519_PUBLIC)));
    KeyPair ed = TestPki.ed25519();
    String eddsa = token("{\"alg\":\"EdDSA\"}", "{\"a\":1}", "Ed25519", ed.getPrivate());
    assertEquals(BooleanValue.TRUE, calls.call("io.jwt.verify_eddsa", str(eddsa), str(pem(ed.getPublic()))));
    assertEquals(BooleanValue.FALSE, calls.call("io.jwt.verify_eddsa", str(eddsa), str(RFC_ED25519_PUBLIC)));
  }

  @Test
  void keySetsHonourKidAndAlg() {
    String rs = token("{\"alg\":\"RS256\",\"kid\":\"k2\"}", "{\"a\":1}", "SHA256withRSA", RSA.getPrivate());
    String other = rsaJwk((RSAPublicKey) TestPki.rsa().getPublic(), ",\"kid\":\"k1\"");
    String right = rsaJwk((RSAPublicKey) RSA.getPublic(), ",\"kid\":\"k2\",\"alg\":\"RS256\"");
    String mislabelled = rsaJwk((RSAPublicKey) RSA.getPublic(), ",\"kid\":\"k1\"");
    assertEquals(BooleanValue.TRUE, calls.call("io.jwt.verify_rs256", str(rs), str("{\"keys\":[" + other + "," + right + "]}")));
    // the key whose kid matches is the only one tried
    assertEquals(BooleanValue.FALSE, calls.call("io.jwt.verify_rs256", str(rs),
        str("{\"keys\":[" + rsaJwk((RSAPublicKey) TestPki.rsa().getPublic(), ",\"kid\":\"k2\"") + "," + mislabelled + "]}")));
    // keys for another algorithm are skipped, unsupported ones dropped
    String wrongAlg = rsaJwk((RSAPublicKey) RSA.getPublic(), ",\"alg\":\"PS256\"");
    String encryption = rsaJwk((RSAPublicKey) RSA.getPublic(), ",\"alg\":\"RSA-OAEP\"");
    String noKid = token("{\"alg\":\"RS256\"}", "{\"a\":1}", "SHA256withRSA", RSA.getPrivate());
    assertEquals(BooleanValue.FALSE, calls.call("io.jwt.verify_rs256", str(noKid), str("{\"keys\":[" + wrongAlg + "," + encryption + "]}")));
  }

  @Test
  void keyErrorsUseOpaMessages() {
    String rs = token("{\"alg\":\"RS256\"}", "{\"a\":1}", "SHA256withRSA", RSA.getPrivate());
    String pem = pem(RSA.getPublic());
    assertEquals("failed to extract a Key from the PEM certificate",
        calls.failure("io.jwt.verify_rs256", str(rs), str(pem.replace("PUBLIC KEY", "CERT"))).getMessage());
    assertEquals("extra data after a PEM certificate block",
        calls.failure("io.jwt.verify_rs256", str(rs), str(pem + "\n")).getMessage());
    assertTrue(calls.failure("io.jwt.verify_rs256", str(rs), str(TestPki.pem("CERTIFICATE", new byte[] {1, 2, 3})))
        .getMessage().startsWith("failed to parse a PEM certificate: "));
    assertTrue(calls.failure("io.jwt.verify_rs256", str(rs), str("{\"kty\":\"RSA\"}"))
        .getMessage().startsWith("failed to parse a JWK key (set): "));
    assertTrue(calls.failure("io.jwt.verify_rs256", str(rs), str("not a key"))
        .getMessage().startsWith("failed to parse a JWK key (set): "));
  }

  private Value decodeVerify(String jwt, String constraints) {
    return calls.call("io.jwt.decode_verify", str(jwt), Json.parse(constraints));
  }

  private static final Value UNVERIFIED = ArrayValue.of(BooleanValue.FALSE, ObjectValue.EMPTY, ObjectValue.EMPTY);

  @Test
  void decodeVerifyChecksSignatureAndAlgorithm() {
    String jwt = token("{\"alg\":\"PS256\",\"typ\":\"JWT\"}", "{\"iss\":\"xxx\"}", "RSASSA-PSS", RSA.getPrivate());
    String cert = "{\"cert\":" + quote(pem(RSA.getPublic()));
    assertEquals(ArrayValue.of(BooleanValue.TRUE, Json.parse("{\"alg\":\"PS256\",\"typ\":\"JWT\"}"), Json.parse("{\"iss\":\"xxx\"}")),
        decodeVerify(jwt, cert + "}"));
    assertEquals(BooleanValue.TRUE, ((ArrayValue) decodeVerify(jwt, cert + ",\"alg\":\"PS256\",\"iss\":\"xxx\"}")).get(0));
    assertEquals(UNVERIFIED, decodeVerify(jwt, cert + ",\"alg\":\"RS256\"}"));
    assertEquals(UNVERIFIED, decodeVerify(jwt, cert + ",\"iss\":\"yyy\"}"));
    assertEquals(UNVERIFIED, decodeVerify(jwt, "{\"cert\":" + quote(pem(TestPki.rsa().getPublic())) + "}"));
    String hs = hmacToken("{\"alg\":\"HS256\"}", "{\"hr\":false}", "secret");
    assertEquals(BooleanValue.TRUE, ((ArrayValue) decodeVerify(hs, "{\"secret\":\"secret\"}")).get(0));
    assertEquals(UNVERIFIED, decodeVerify(hs, "{\"secret\":\"wrong\"}"));
    assertEquals(UNVERIFIED, decodeVerify(hs, cert + "}"));
  }

  private static String quote(String s) {
    return Json.write(StringValue.of(s));
  }

  @Test
  void decodeVerifyChecksAudience() {
    String one = hmacToken("{\"alg\":\"HS256\"}", "{\"aud\":\"fred\"}", "k");
    String list = hmacToken("{\"alg\":\"HS256\"}", "{\"aud\":[\"fred\",\"bob\"]}", "k");
    String none = hmacToken("{\"alg\":\"HS256\"}", "{\"iss\":\"x\"}", "k");
    assertEquals(BooleanValue.TRUE, ((ArrayValue) decodeVerify(one, "{\"secret\":\"k\",\"aud\":\"fred\"}")).get(0));
    assertEquals(BooleanValue.TRUE, ((ArrayValue) decodeVerify(list, "{\"secret\":\"k\",\"aud\":\"bob\"}")).get(0));
    assertEquals(UNVERIFIED, decodeVerify(list, "{\"secret\":\"k\",\"aud\":\"alice\"}"));
    assertEquals(UNVERIFIED, decodeVerify(one, "{\"secret\":\"k\"}"));
    assertEquals(UNVERIFIED, decodeVerify(none, "{\"secret\":\"k\",\"aud\":\"fred\"}"));
  }

  @Test
  void decodeVerifyChecksExpiryAndNotBeforeAsFloats() {
    String exp = hmacToken("{\"alg\":\"HS256\"}", "{\"exp\":1.5893857711234e+09}", "k");
    String nbf = hmacToken("{\"alg\":\"HS256\"}", "{\"nbf\":1.5893857701234e+09}", "k");
    assertEquals(BooleanValue.TRUE, ((ArrayValue) decodeVerify(exp, "{\"secret\":\"k\",\"time\":1589385771023400000}")).get(0));
    assertEquals(UNVERIFIED, decodeVerify(exp, "{\"secret\":\"k\",\"time\":1589385771123400000}"));
    assertEquals(UNVERIFIED, decodeVerify(exp, "{\"secret\":\"k\",\"time\":1589385771223400000}"));
    assertEquals(UNVERIFIED, decodeVerify(nbf, "{\"secret\":\"k\",\"time\":1589385770023400000}"));
    assertEquals(BooleanValue.TRUE, ((ArrayValue) decodeVerify(nbf, "{\"secret\":\"k\",\"time\":1589385770123400000}")).get(0));
    assertEquals(Json.parse("{\"nbf\":1589385770.1234}"), ((ArrayValue) decodeVerify(nbf, "{\"secret\":\"k\",\"time\":1589385770124400000}")).get(2));
  }

  @Test
  void decodeVerifyDefaultsToTheQueryTime() {
    String expired = hmacToken("{\"alg\":\"HS256\"}", "{\"exp\":1599999999}", "k");
    String valid = hmacToken("{\"alg\":\"HS256\"}", "{\"exp\":1600000001,\"nbf\":1600000000}", "k");
    assertEquals(UNVERIFIED, decodeVerify(expired, "{\"secret\":\"k\"}"));
    assertEquals(BooleanValue.TRUE, ((ArrayValue) decodeVerify(valid, "{\"secret\":\"k\"}")).get(0));
  }

  @Test
  void decodeVerifyRejectsBadHeaders() {
    String noAlg = hmacToken("{\"typ\":\"JWT\"}", "{\"a\":1}", "k");
    String critJunk = hmacToken("{\"alg\":\"HS256\",\"crit\":[\"junk\"],\"junk\":1}", "{\"a\":1}", "k");
    String critKnown = hmacToken("{\"alg\":\"HS256\",\"crit\":[\"kid\"],\"kid\":\"x\"}", "{\"a\":1}", "k");
    assertEquals(UNVERIFIED, decodeVerify(noAlg, "{\"secret\":\"k\"}"));
    assertEquals(UNVERIFIED, decodeVerify(critJunk, "{\"secret\":\"k\"}"));
    assertEquals(BooleanValue.TRUE, ((ArrayValue) decodeVerify(critKnown, "{\"secret\":\"k\"}")).get(0));
    assertEquals("crit: must be a nonempty list",
        calls.failure("io.jwt.decode_verify", str(hmacToken("{\"alg\":\"HS256\",\"crit\":[]}", "{}", "k")), Json.parse("{\"secret\":\"k\"}")).getMessage());
    assertEquals("alg: must be a string",
        calls.failure("io.jwt.decode_verify", str(hmacToken("{\"alg\":1}", "{}", "k")), Json.parse("{\"secret\":\"k\"}")).getMessage());
  }

  @Test
  void decodeVerifyUnwrapsNestedTokens() {
    String inner = token("{\"alg\":\"RS256\"}", "{\"iss\":\"xxx\"}", "SHA256withRSA", RSA.getPrivate());
    String outer = token("{\"alg\":\"RS256\",\"cty\":\"JWT\"}", inner, "SHA256withRSA", RSA.getPrivate());
    assertEquals(ArrayValue.of(BooleanValue.TRUE, Json.parse("{\"alg\":\"RS256\"}"), Json.parse("{\"iss\":\"xxx\"}")),
        decodeVerify(outer, "{\"cert\":" + quote(pem(RSA.getPublic())) + "}"));
  }

  @Test
  void decodeVerifyWithKeySets() {
    String jwk = rsaJwk((RSAPublicKey) RSA.getPublic(), ",\"kid\":\"k2\",\"alg\":\"RS256\",\"use\":\"enc\"");
    String set = "{\"keys\":[" + ecJwk((ECPublicKey) EC.getPublic(), ",\"kid\":\"k1\",\"alg\":\"ES256\"") + "," + jwk + "]}";
    String rs = token("{\"alg\":\"RS256\",\"typ\":\"JWT\"}", "{\"sub\":\"1\"}", "SHA256withRSA", RSA.getPrivate());
    String es = token("{\"alg\":\"ES256\"}", "{\"sub\":\"1\"}", "SHA256withECDSAinP1363Format", EC.getPrivate());
    String hs = hmacToken("{\"alg\":\"HS256\"}", "{\"sub\":\"1\"}", "k");
    assertEquals(BooleanValue.TRUE, ((ArrayValue) decodeVerify(rs, "{\"cert\":" + quote(set) + "}")).get(0));
    assertEquals(BooleanValue.TRUE, ((ArrayValue) decodeVerify(es, "{\"cert\":" + quote(set) + "}")).get(0));
    assertEquals(UNVERIFIED, decodeVerify(hs, "{\"cert\":" + quote(set) + "}"));
    String oct = "{\"kty\":\"oct\",\"k\":\"" + b64("k") + "\"}";
    assertEquals(BooleanValue.TRUE, ((ArrayValue) decodeVerify(hs, "{\"cert\":" + quote(oct) + "}")).get(0));
  }

  @Test
  void decodeVerifyConstraintErrors() {
    String hs = hmacToken("{\"alg\":\"HS256\"}", "{}", "k");
    assertEquals("no key constraint", calls.failure("io.jwt.decode_verify", str(hs), Json.parse("{}")).getMessage());
    assertEquals("duplicate key constraints", calls.failure("io.jwt.decode_verify", str(hs),
        Json.parse("{\"secret\":\"k\",\"cert\":" + quote(pem(RSA.getPublic())) + "}")).getMessage());
    assertEquals("unknown token validation constraint: bogus",
        calls.failure("io.jwt.decode_verify", str(hs), Json.parse("{\"secret\":\"k\",\"bogus\":1}")).getMessage());
    assertEquals("token time constraint: must not be negative",
        calls.failure("io.jwt.decode_verify", str(hs), Json.parse("{\"secret\":\"k\",\"time\":-1}")).getMessage());
    assertEquals("token time constraint: must be a number",
        calls.failure("io.jwt.decode_verify", str(hs), Json.parse("{\"secret\":\"k\",\"time\":\"now\"}")).getMessage());
    assertEquals("iss constraint: must be a string",
        calls.failure("io.jwt.decode_verify", str(hs), Json.parse("{\"secret\":\"k\",\"iss\":1}")).getMessage());
    assertEquals("operand 2 must be object but got string", calls.failure("io.jwt.decode_verify", str(hs), str("x")).getMessage());
    assertEquals("exp value must be a number", calls.failure("io.jwt.decode_verify",
        str(hmacToken("{\"alg\":\"HS256\"}", "{\"exp\":null}", "k")), Json.parse("{\"secret\":\"k\"}")).getMessage());
    assertEquals("nbf value must be a number", calls.failure("io.jwt.decode_verify",
        str(hmacToken("{\"alg\":\"HS256\"}", "{\"nbf\":\"soon\"}", "k")), Json.parse("{\"secret\":\"k\"}")).getMessage());
  }

  @Test
  void encodeSignRawMatchesTheRfc() {
    Value jwt = calls.call("io.jwt.encode_sign_raw", str("{\"typ\":\"JWT\",\r\n \"alg\":\"HS256\"}"),
        str("{\"iss\":\"joe\",\r\n \"exp\":1300819380,\r\n \"http://example.com/is_root\":true}"), str(RFC_HS256_KEY));
    assertEquals(str(RFC_HS256_TOKEN), jwt);
  }

  @Test
  void encodeSignSerialisesObjectsCompactlyAndSorted() throws Exception {
    ObjectValue header = (ObjectValue) Json.parse("{\"typ\":\"JWT\",\"alg\":\"HS256\"}");
    ObjectValue payload = (ObjectValue) Json.parse("{\"iss\":\"joe\",\"aud\":[\"bob\"],\"exp\":1300819380}");
    String jwt = ((StringValue) calls.call("io.jwt.encode_sign", header, payload, Json.parse(RFC_HS256_KEY))).value();
    String[] parts = jwt.split("\\.");
    assertEquals("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
    assertEquals("{\"aud\":[\"bob\"],\"exp\":1300819380,\"iss\":\"joe\"}",
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Base64.getUrlDecoder().decode("AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow"), "HmacSHA256"));
    assertEquals(b64(mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.UTF_8))), parts[2]);
  }

  @Test
  void encodeSignWithAsymmetricKeys() throws Exception {
    RSAPrivateCrtKey rsa = (RSAPrivateCrtKey) RSA.getPrivate();
    String rsaKey = rsaJwk((RSAPublicKey) RSA.getPublic(), ",\"d\":\"" + unsigned(rsa.getPrivateExponent()) + "\",\"p\":\""
        + unsigned(rsa.getPrimeP()) + "\",\"q\":\"" + unsigned(rsa.getPrimeQ()) + "\",\"dp\":\"" + unsigned(rsa.getPrimeExponentP())
        + "\",\"dq\":\"" + unsigned(rsa.getPrimeExponentQ()) + "\",\"qi\":\"" + unsigned(rsa.getCrtCoefficient()) + "\"");
    for (String alg : List.of("RS256", "PS256")) {
      String jwt = ((StringValue) calls.call("io.jwt.encode_sign_raw", str("{\"alg\":\"" + alg + "\"}"), str("{\"a\":1}"), str(rsaKey))).value();
      assertEquals(BooleanValue.TRUE, calls.call("io.jwt.verify_" + alg.toLowerCase(), str(jwt), str(pem(RSA.getPublic()))));
    }
    String rs = ((StringValue) calls.call("io.jwt.encode_sign_raw", str("{\"alg\":\"RS256\"}"), str("{\"a\":1}"), str(rsaKey))).value();
    Signature check = Signature.getInstance("SHA256withRSA");
    check.initVerify(RSA.getPublic());
    check.update(rs.substring(0, rs.lastIndexOf('.')).getBytes(StandardCharsets.UTF_8));
    assertTrue(check.verify(Base64.getUrlDecoder().decode(rs.substring(rs.lastIndexOf('.') + 1))));

    String ecKey = ecJwk((ECPublicKey) EC.getPublic(), ",\"d\":\"" + unsigned(((java.security.interfaces.ECPrivateKey) EC.getPrivate()).getS()) + "\"");
    String es = ((StringValue) calls.call("io.jwt.encode_sign_raw", str("{\"alg\":\"ES256\"}"), str("{\"a\":1}"), str(ecKey))).value();
    assertEquals(86, es.substring(es.lastIndexOf('.') + 1).length());
    assertEquals(BooleanValue.TRUE, calls.call("io.jwt.verify_es256", str(es), str(pem(EC.getPublic()))));

    String ed = ((StringValue) calls.call("io.jwt.encode_sign_raw", str("{\"alg\":\"EdDSA\",\"typ\":\"x\"}"),
        str("Example of Ed25519 signing"), str(RFC_ED25519_PRIVATE))).value();
    assertEquals(BooleanValue.TRUE, calls.call("io.jwt.verify_eddsa", str(ed), str(RFC_ED25519_PUBLIC)));
  }

  @Test
  void encodeSignHeaderErrors() {
    Value payload = str("{\"iss\":\"joe\"}");
    Value key = str(RFC_HS256_KEY);
    assertTrue(calls.failure("io.jwt.encode_sign_raw", str("{\"typ:\"JWT\",\r\n \"alg\":\"HS256\"}"), payload, key).getMessage()
        .startsWith("missing or invalid 'alg' header: cannot parse JSON: cannot parse object: missing ':' after object key"));
    assertEquals("unknown JWS algorithm: dummy", calls.failure("io.jwt.encode_sign_raw", str("{\"alg\":\"dummy\"}"), payload, key).getMessage());
    assertEquals("missing or invalid 'alg' header: jwsbb: header \"alg\" not found",
        calls.failure("io.jwt.encode_sign_raw", str("{}"), payload, key).getMessage());
    assertTrue(calls.failure("io.jwt.encode_sign_raw", str(""), payload, key).getMessage()
        .startsWith("missing or invalid 'alg' header: cannot parse JSON: cannot parse empty string"));
    assertEquals("missing or invalid 'alg' header: jwsbb: header \"alg\" not found",
        calls.failure("io.jwt.encode_sign_raw", str("e"), payload, key).getMessage());
  }

  @Test
  void encodeSignPayloadAndKeyErrors() {
    Value key = str(RFC_HS256_KEY);
    assertEquals("type is JWT but payload is not JSON",
        calls.failure("io.jwt.encode_sign_raw", str("{\"alg\":\"HS256\"}"), str("not json"), key).getMessage());
    assertEquals("type is JWT but payload is not JSON",
        calls.failure("io.jwt.encode_sign_raw", str("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"), str(""), key).getMessage());
    assertTrue(calls.call("io.jwt.encode_sign_raw", str("{\"typ\":\"text/plain\",\"alg\":\"HS256\"}"), str(""), key).toString().contains(".."));
    assertEquals("no keys found in JWK set",
        calls.failure("io.jwt.encode_sign_raw", str("{\"alg\":\"HS256\"}"), str("{}"), str("{\"keys\":[]}")).getMessage());
    assertTrue(calls.failure("io.jwt.encode_sign_raw", str("{\"alg\":\"RS256\"}"), str("{}"), key).getMessage().startsWith("failed to sign payload"));
    assertEquals("operand 3 must be string but got number",
        calls.failure("io.jwt.encode_sign_raw", str("{}"), str("{}"), NumberValue.of(1)).getMessage());
  }
}
