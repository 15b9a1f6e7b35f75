package io.kubepolicies.signing.signature;

import static io.kubepolicies.signing.signature.SampleBundles.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubepolicies.signing.BundleException;
import io.kubepolicies.signing.bundle.Bundle;
import io.kubepolicies.signing.bundle.BundleFile;
import io.kubepolicies.signing.bundle.BundleReader;
import io.kubepolicies.signing.bundle.BundleWriter;
import io.kubepolicies.signing.jws.JdkKeys;
import io.kubepolicies.signing.jws.Jws;
import io.kubepolicies.signing.jws.JwsAlgorithm;
import io.kubepolicies.signing.jws.SigningKey;
import io.kubepolicies.signing.jws.VerificationKey;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BundleVerifierTest {
  private static final Instant ISSUED = Instant.parse("2026-11-26T10:00:00Z");

  private final KeyPair oldKey = JdkKeys.rsa(2048);
  private final KeyPair newKey = JdkKeys.ec("secp256r1");
  private final KeyPair strangerKey = JdkKeys.ed25519();
  private final BundleVerifier verifier = new BundleVerifier(TrustedKeys.of(Map.of("old", verificationKey(oldKey), "new", verificationKey(newKey))));

  private static VerificationKey verificationKey(KeyPair pair) {
    try {
      return VerificationKey.of(pair.getPublic());
    } catch (BundleException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Bundle sign(Bundle bundle, KeyPair pair, SignOptions options) throws BundleException {
    return BundleSigner.sign(bundle, SigningKey.of(pair.getPrivate()), options);
  }

  private Bundle signedByOld(SignOptions options) throws BundleException {
    return sign(SampleBundles.sample(), oldKey, options.withKeyId("old"));
  }

  private static SignOptions options() {
    return SignOptions.defaults().withIssuedAt(ISSUED);
  }

  private String rejection(Bundle bundle, VerificationPolicy policy) {
    return assertThrows(BundleException.class, () -> verifier.verify(bundle, policy)).getMessage();
  }

  @Test
  void verifiesASignedBundleAndReportsItsClaims() throws BundleException {
    Bundle signed = signedByOld(options().withScope("write").withPublication(new Publication("prod", 7)));
    VerifiedBundle verified = verifier.verify(signed, VerificationPolicy.ANY.withScope("write").forEnvironment("prod", 7));

    assertEquals("old", verified.keyId());
    assertEquals(JwsAlgorithm.RS256, verified.algorithm());
    SignatureClaims claims = verified.claims();
    assertEquals(Optional.of("prod"), claims.environment());
    assertEquals(OptionalLong.of(7), claims.sequence());
    assertEquals(OptionalLong.of(ISSUED.getEpochSecond()), claims.issuedAt());
    assertEquals(List.of(".manifest", "acme/README.md", "acme/authz/policy.rego", "acme/roles/data.json", "acme/zones/data.yaml"),
        claims.files().stream().map(FileHash::name).toList());
    assertTrue(claims.files().stream().allMatch(f -> f.algorithm().equals("SHA-256") && f.hash().length() == 64));
  }

  @Test
  void verifiesAfterAWriteAndReadOfTheArchive() throws BundleException {
    byte[] archive = BundleWriter.toBytes(signedByOld(options()));
    Bundle read = new BundleReader().read(new ByteArrayInputStream(archive));
    assertEquals("old", verifier.verify(read, VerificationPolicy.ANY).keyId());
  }

  @Test
  void signsWithEveryHashAlgorithmOpaAccepts() throws BundleException {
    for (HashAlgorithm hash : HashAlgorithm.values()) {
      Bundle signed = signedByOld(options().withHashAlgorithm(hash));
      assertEquals(hash.opaName(), verifier.verify(signed, VerificationPolicy.ANY).claims().files().get(0).algorithm());
    }
  }

  @Test
  void refusesAFileThatTheSignatureDoesNotList() throws BundleException {
    Bundle tampered = SampleBundles.replacing(signedByOld(options()), file("acme/backdoor.rego", "package acme.backdoor"));
    assertEquals("acme/backdoor.rego: not included in the bundle signature", rejection(tampered, VerificationPolicy.ANY));
  }

  @Test
  void refusesASignedFileThatIsMissing() throws BundleException {
    Bundle tampered = SampleBundles.without(signedByOld(options()), "acme/README.md");
    assertEquals("acme/README.md: listed in the signature but missing from the bundle", rejection(tampered, VerificationPolicy.ANY));
  }

  @Test
  void refusesAChangedFile() throws BundleException {
    Bundle tampered = SampleBundles.replacing(signedByOld(options()),
        file("acme/roles/data.json", "{\"admins\": [\"alice\", \"bob\", \"mallory\"], \"limit\": 10}"));
    String message = rejection(tampered, VerificationPolicy.ANY);
    assertTrue(message.startsWith("acme/roles/data.json: digest mismatch (signed "), message);
  }

  @Test
  void acceptsADataFileReformattedWithoutChangingItsContent() throws BundleException {
    Bundle reformatted = SampleBundles.replacing(signedByOld(options()),
        file("acme/roles/data.json", "{\n  \"limit\": 10,\n  \"admins\": [\"alice\",\"bob\"]\n}\n"));
    assertEquals("old", verifier.verify(reformatted, VerificationPolicy.ANY).keyId());
  }

  @Test
  void refusesAnInvalidSignature() throws BundleException {
    Bundle signed = signedByOld(options());
    Bundle other = sign(SampleBundles.sample(), oldKey, options().withKeyId("old").withScope("x"));
    String token = SignaturesFile.parse(signed.signatures().orElseThrow().bytes()).signatures().get(0);
    String otherToken = SignaturesFile.parse(other.signatures().orElseThrow().bytes()).signatures().get(0);
    String spliced = token.substring(0, token.lastIndexOf('.')) + otherToken.substring(otherToken.lastIndexOf('.'));
    Bundle forged = signed.withSignatures(new SignaturesFile(List.of(spliced)).toJson());
    assertEquals(".signatures.json (key \"old\"): invalid signature", rejection(forged, VerificationPolicy.ANY));
  }

  @Test
  void refusesAnUnknownKeyId() throws BundleException {
    Bundle signed = sign(SampleBundles.sample(), strangerKey, options().withKeyId("stranger"));
    assertEquals(".signatures.json: unknown key id \"stranger\" (trusted: new, old)".length(),
        rejection(signed, VerificationPolicy.ANY).length());
    assertTrue(rejection(signed, VerificationPolicy.ANY).startsWith(".signatures.json: unknown key id \"stranger\""));
  }

  @Test
  void refusesAnAlgorithmOtherThanTheKeys() throws BundleException {
    Bundle signed = BundleSigner.sign(SampleBundles.sample(), SigningKey.of(JwsAlgorithm.PS256, oldKey.getPrivate()),
        options().withKeyId("old"));
    assertEquals(".signatures.json (key \"old\"): the signature uses PS256 but the key is pinned to RS256",
        rejection(signed, VerificationPolicy.ANY));
  }

  @Test
  void refusesAnotherScope() throws BundleException {
    assertEquals("claim \"scope\" is \"write\", expected \"read\"",
        rejection(signedByOld(options().withScope("write")), VerificationPolicy.ANY.withScope("read")));
    assertEquals("claim \"scope\" is \"\", expected \"read\"",
        rejection(signedByOld(options()), VerificationPolicy.ANY.withScope("read")));
    assertEquals("claim \"scope\" is \"write\", expected \"\"",
        rejection(signedByOld(options().withScope("write")), VerificationPolicy.ANY));
  }

  @Test
  void refusesNoneOrSeveralSignatures() throws BundleException {
    Bundle signed = signedByOld(options());
    String token = SignaturesFile.parse(signed.signatures().orElseThrow().bytes()).signatures().get(0);
    assertEquals("the bundle is not signed: it has no .signatures.json", rejection(signed.withoutSignatures(), VerificationPolicy.ANY));
    assertEquals(".signatures.json: 0 signatures (expected exactly one)",
        rejection(signed.withSignatures("{\"signatures\":[]}".getBytes(StandardCharsets.UTF_8)), VerificationPolicy.ANY));
    assertEquals(".signatures.json: 2 signatures (expected exactly one)",
        rejection(signed.withSignatures(new SignaturesFile(List.of(token, token)).toJson()), VerificationPolicy.ANY));
    assertEquals(".signatures.json: signature plugins are not supported (plugin \"custom\")",
        rejection(signed.withSignatures("{\"plugin\":\"custom\",\"signatures\":[]}".getBytes(StandardCharsets.UTF_8)), VerificationPolicy.ANY));
  }

  @Test
  void trustsOldAndNewKeysDuringARotation() throws BundleException {
    Bundle byOld = signedByOld(options());
    Bundle byNew = sign(SampleBundles.sample(), newKey, options().withKeyId("new"));
    assertEquals("old", verifier.verify(byOld, VerificationPolicy.ANY).keyId());
    assertEquals("new", verifier.verify(byNew, VerificationPolicy.ANY).keyId());
    assertEquals(JwsAlgorithm.ES256, verifier.verify(byNew, VerificationPolicy.ANY).algorithm());

    BundleVerifier afterRotation = new BundleVerifier(TrustedKeys.of(Map.of("new", verificationKey(newKey))));
    assertEquals(".signatures.json: unknown key id \"old\" (trusted: new)",
        assertThrows(BundleException.class, () -> afterRotation.verify(byOld, VerificationPolicy.ANY)).getMessage());
  }

  @Test
  void usesTheDefaultKeyForASignatureThatNamesNone() throws BundleException {
    Bundle anonymous = sign(SampleBundles.sample(), oldKey, options());
    BundleVerifier withDefault = new BundleVerifier(TrustedKeys.of(Map.of("old", verificationKey(oldKey)), "old"));
    assertEquals("old", withDefault.verify(anonymous, VerificationPolicy.ANY).keyId());
    assertEquals(".signatures.json: the signature names no key (no kid) and no default key is configured",
        rejection(anonymous, VerificationPolicy.ANY));
  }

  @Test
  void refusesAKidThatContradictsTheKeyidClaim() throws BundleException {
    Bundle signed = signedByOld(options());
    String payload = "{\"files\":[],\"keyid\":\"new\"}";
    String token = Jws.sign(SigningKey.of(oldKey.getPrivate()), Optional.of("old"), payload.getBytes(StandardCharsets.UTF_8));
    assertEquals(".signatures.json: header kid \"old\" differs from claim \"keyid\" \"new\"",
        rejection(signed.withSignatures(new SignaturesFile(List.of(token)).toJson()), VerificationPolicy.ANY));
  }

  @Test
  void refusesABundleSignedForAnotherEnvironment() throws BundleException {
    Bundle staging = signedByOld(options().withPublication(new Publication("staging", 40)));
    assertEquals("claim \"environment\" is \"staging\", expected \"prod\"",
        rejection(staging, VerificationPolicy.ANY.forEnvironment("prod", 3)));
    assertEquals("claim \"environment\" is missing (expected \"prod\")",
        rejection(signedByOld(options()), VerificationPolicy.ANY.withEnvironment("prod")));
  }

  @Test
  void refusesARollbackToALowerSequence() throws BundleException {
    Bundle five = signedByOld(options().withPublication(new Publication("prod", 5)));
    assertEquals("claim \"sequence\" is 5, lower than 6: refusing a rollback to an older bundle",
        rejection(five, VerificationPolicy.ANY.forEnvironment("prod", 6)));
    assertEquals(OptionalLong.of(5), verifier.verify(five, VerificationPolicy.ANY.forEnvironment("prod", 5)).claims().sequence());
    assertEquals(OptionalLong.of(5), verifier.verify(five, VerificationPolicy.ANY.forEnvironment("prod", 4)).claims().sequence());
    assertEquals("claim \"sequence\" is missing (expected at least 1)",
        rejection(signedByOld(options()), VerificationPolicy.ANY.withMinimumSequence(1)));
  }

  @Test
  void refusesMalformedClaims() throws BundleException {
    Bundle signed = signedByOld(options());
    String[][] cases = {
        {"{\"files\":{}}", "claim \"files\" is missing or not an array"},
        {"{\"files\":[{\"name\":\"a\",\"hash\":\"00\"}]}", "claim \"files[a].algorithm\" is missing or not a non-empty string"},
        {"{\"files\":[],\"sequence\":-1}", "claim \"sequence\" is not a non-negative integer"},
        {"{\"files\":[],\"iat\":1.5}", "claim \"iat\" is not an integer"},
        {"{\"files\":[],\"environment\":3}", "claim \"environment\" is not a string"},
        {"{\"files\":[],\"files\":[]}", "signature payload is not valid JSON"},
    };
    for (String[] c : cases) {
      String token = Jws.sign(SigningKey.of(oldKey.getPrivate()), Optional.of("old"), c[0].getBytes(StandardCharsets.UTF_8));
      assertEquals(".signatures.json: " + c[1], rejection(signed.withSignatures(new SignaturesFile(List.of(token)).toJson()), VerificationPolicy.ANY));
    }
  }

  @Test
  void refusesAFileListedTwiceOrWithABadHash() throws BundleException {
    Bundle bundle = Bundle.of(List.of(file("a.rego", "package a")));
    String twice = "{\"files\":[{\"name\":\"a.rego\",\"hash\":\"00\",\"algorithm\":\"SHA-256\"},{\"name\":\"a.rego\",\"hash\":\"00\",\"algorithm\":\"SHA-256\"}]}";
    String notHex = "{\"files\":[{\"name\":\"a.rego\",\"hash\":\"zz\",\"algorithm\":\"SHA-256\"}]}";
    String unknownHash = "{\"files\":[{\"name\":\"a.rego\",\"hash\":\"00\",\"algorithm\":\"SHA3-256\"}]}";
    assertEquals("a.rego: listed twice in the signature", rejection(withPayload(bundle, twice), VerificationPolicy.ANY));
    assertEquals("a.rego: signed hash is not hexadecimal", rejection(withPayload(bundle, notHex), VerificationPolicy.ANY));
    assertEquals("a.rego: unsupported hash algorithm \"SHA3-256\"", rejection(withPayload(bundle, unknownHash), VerificationPolicy.ANY));
  }

  private Bundle withPayload(Bundle bundle, String payload) throws BundleException {
    String token = Jws.sign(SigningKey.of(oldKey.getPrivate()), Optional.of("old"), payload.getBytes(StandardCharsets.UTF_8));
    return bundle.withSignatures(new SignaturesFile(List.of(token)).toJson());
  }

  @Test
  void refusesEverySingleByteChangeNamingTheFile() throws BundleException {
    Bundle signed = signedByOld(options());
    List<BundleFile> all = new ArrayList<>(signed.files());
    all.add(signed.signatures().orElseThrow());
    for (BundleFile target : all) {
      byte[] original = target.bytes();
      for (int i = 0; i < original.length; i++) {
        byte[] changed = original.clone();
        changed[i] ^= 1;
        List<BundleFile> files = new ArrayList<>(all);
        files.set(all.indexOf(target), BundleFile.of(target.path(), changed));
        BundleException e = assertThrows(BundleException.class,
            () -> verifier.verify(Bundle.of(files), VerificationPolicy.ANY), target.path() + " byte " + i);
        assertTrue(e.getMessage().contains(target.path()), target.path() + " byte " + i + ": " + e.getMessage());
      }
    }
  }
}
