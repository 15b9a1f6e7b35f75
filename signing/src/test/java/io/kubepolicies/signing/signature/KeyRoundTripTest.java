package io.kubepolicies.signing.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubepolicies.signing.BundleException;
import io.kubepolicies.signing.bundle.Bundle;
import io.kubepolicies.signing.bundle.BundleDirectory;
import io.kubepolicies.signing.bundle.BundleFile;
import io.kubepolicies.signing.bundle.BundleLimits;
import io.kubepolicies.signing.bundle.BundleReader;
import io.kubepolicies.signing.bundle.BundleWriter;
import io.kubepolicies.signing.jws.JdkKeys;
import io.kubepolicies.signing.jws.JwsAlgorithm;
import io.kubepolicies.signing.jws.PemKeys;
import io.kubepolicies.signing.jws.SigningKey;
import io.kubepolicies.signing.jws.VerificationKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** build, sign, verify for every algorithm, with keys made by openssl and by the JDK. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyRoundTripTest {
  private Path dir;
  private KeyPair jdkRsa;

  @BeforeAll
  void makeKeys(@TempDir Path keys) throws Exception {
    dir = keys;
    openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "rsa2048.pem");
    openssl("rsa", "-in", "rsa2048.pem", "-traditional", "-out", "rsa2048-pkcs1.pem");
    openssl("rsa", "-in", "rsa2048.pem", "-RSAPublicKey_out", "-out", "rsa2048-pkcs1.pub");
    openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:4096", "-out", "rsa4096.pem");
    openssl("ecparam", "-name", "prime256v1", "-genkey", "-out", "ec256.pem");
    openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384", "-out", "ec384.pem");
    openssl("ecparam", "-name", "secp521r1", "-genkey", "-noout", "-out", "ec521.pem");
    openssl("genpkey", "-algorithm", "ed25519", "-out", "ed25519.pem");
    for (String key : List.of("rsa2048", "rsa4096", "ec256", "ec384", "ec521", "ed25519")) {
      openssl("pkey", "-in", key + ".pem", "-pubout", "-out", key + ".pub");
    }
    openssl("req", "-x509", "-new", "-key", "ec256.pem", "-subj", "/CN=bundle-signer", "-days", "1", "-out", "ec256.crt");
    openssl("rand", "-hex", "-out", "secret.txt", "32");
    jdkRsa = JdkKeys.rsa(2048);
  }

  static Stream<Arguments> opensslKeys() {
    List<Arguments> cases = new ArrayList<>();
    for (String rsa : List.of("rsa2048", "rsa4096")) {
      for (JwsAlgorithm algorithm : List.of(JwsAlgorithm.RS256, JwsAlgorithm.RS384, JwsAlgorithm.RS512,
          JwsAlgorithm.PS256, JwsAlgorithm.PS384, JwsAlgorithm.PS512)) {
        cases.add(Arguments.of(rsa + ".pem", rsa + ".pub", algorithm));
      }
    }
    cases.add(Arguments.of("rsa2048-pkcs1.pem", "rsa2048-pkcs1.pub", JwsAlgorithm.RS256));
    cases.add(Arguments.of("ec256.pem", "ec256.pub", JwsAlgorithm.ES256));
    cases.add(Arguments.of("ec256.pem", "ec256.crt", JwsAlgorithm.ES256));
    cases.add(Arguments.of("ec384.pem", "ec384.pub", JwsAlgorithm.ES384));
    cases.add(Arguments.of("ec521.pem", "ec521.pub", JwsAlgorithm.ES512));
    cases.add(Arguments.of("ed25519.pem", "ed25519.pub", JwsAlgorithm.EDDSA));
    return cases.stream();
  }

  @ParameterizedTest(name = "{2} with {0} / {1}")
  @MethodSource("opensslKeys")
  void roundTripsWithOpensslKeys(String privateFile, String publicFile, JwsAlgorithm algorithm) throws Exception {
    SigningKey signing = SigningKey.of(algorithm, PemKeys.privateKey(read(privateFile)));
    VerificationKey verification = VerificationKey.of(algorithm, PemKeys.publicKey(read(publicFile)));
    assertEquals(algorithm, roundTrip(signing, verification).algorithm());
  }

  @Test
  void infersTheAlgorithmOfOpensslKeys() throws Exception {
    assertEquals(JwsAlgorithm.ES384, roundTrip(SigningKey.of(PemKeys.privateKey(read("ec384.pem"))),
        VerificationKey.of(PemKeys.publicKey(read("ec384.pub")))).algorithm());
    assertEquals(JwsAlgorithm.RS256, roundTrip(SigningKey.of(PemKeys.privateKey(read("rsa4096.pem"))),
        VerificationKey.of(PemKeys.publicKey(read("rsa4096.pub")))).algorithm());
  }

  @ParameterizedTest
  @EnumSource(value = JwsAlgorithm.class, names = {"HS256", "HS384", "HS512"})
  void roundTripsWithAnOpensslSecret(JwsAlgorithm algorithm) throws Exception {
    // 64 hex characters: long enough for HS512 too.
    byte[] secret = read("secret.txt").strip().getBytes(StandardCharsets.US_ASCII);
    assertEquals(algorithm, roundTrip(SigningKey.hmac(algorithm, secret), VerificationKey.hmac(algorithm, secret)).algorithm());
  }

  @ParameterizedTest
  @EnumSource(value = JwsAlgorithm.class, mode = EnumSource.Mode.EXCLUDE, names = {"HS256", "HS384", "HS512"})
  void roundTripsWithJdkKeys(JwsAlgorithm algorithm) throws Exception {
    KeyPair pair = JdkKeys.forAlgorithm(algorithm, jdkRsa);
    assertEquals(algorithm, roundTrip(SigningKey.of(algorithm, pair.getPrivate()), VerificationKey.of(algorithm, pair.getPublic())).algorithm());
  }

  @Test
  void refusesKeysOfTheWrongKind() throws Exception {
    assertEquals("expected a public key or certificate, found PEMKeyPair",
        assertThrows(BundleException.class, () -> PemKeys.publicKey(read("ec256.pem"))).getMessage());
    assertEquals("expected a private key, found SubjectPublicKeyInfo",
        assertThrows(BundleException.class, () -> PemKeys.privateKey(read("ed25519.pub"))).getMessage());
    assertEquals("no PEM key found", assertThrows(BundleException.class, () -> PemKeys.privateKey("not a key")).getMessage());
    assertTrue(assertThrows(BundleException.class, () -> PemKeys.privateKey("-----BEGIN PRIVATE KEY-----\n!!!\n-----END PRIVATE KEY-----\n"))
        .getMessage().startsWith("invalid PEM"));
  }

  @Test
  void refusesEncryptedKeysAndUnsupportedCurves() throws Exception {
    openssl("genpkey", "-algorithm", "ed25519", "-aes256", "-pass", "pass:secret", "-out", "encrypted.pem");
    assertEquals("expected a private key, found an encrypted key (not supported: decrypt it first)",
        assertThrows(BundleException.class, () -> PemKeys.privateKey(read("encrypted.pem"))).getMessage());
    openssl("ecparam", "-name", "secp256k1", "-genkey", "-noout", "-out", "k1.pem");
    assertThrows(BundleException.class, () -> SigningKey.of(PemKeys.privateKey(read("k1.pem"))));
  }

  /** Lays the sample out as a source directory, builds, signs, writes, reads back and verifies. */
  private VerifiedBundle roundTrip(SigningKey signing, VerificationKey verification) throws BundleException, IOException {
    Path source = Files.createTempDirectory(dir, "src");
    for (BundleFile file : SampleBundles.sample().files()) {
      Path target = source.resolve(file.path());
      Files.createDirectories(target.getParent());
      Files.write(target, file.bytes());
    }
    Bundle built = Bundle.of(BundleDirectory.files(source, BundleLimits.DEFAULT));
    Path archive = source.resolve("bundle.tar.gz");
    BundleWriter.write(built, archive);

    Bundle signed = BundleSigner.sign(new BundleReader().read(archive), signing,
        SignOptions.defaults().withKeyId("k").withPublication(new Publication("prod", 1)));
    BundleWriter.write(signed, archive);

    BundleVerifier verifier = new BundleVerifier(TrustedKeys.of(Map.of("k", verification)));
    return verifier.verify(new BundleReader().read(archive), VerificationPolicy.ANY.forEnvironment("prod", 1));
  }

  private String read(String file) throws IOException {
    return Files.readString(dir.resolve(file));
  }

  private void openssl(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
    }
  }
}
