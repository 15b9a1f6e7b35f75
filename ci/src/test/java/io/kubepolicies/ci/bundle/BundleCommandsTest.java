package io.kubepolicies.ci.bundle;

import static io.kubepolicies.ci.support.Cli.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubepolicies.ci.support.Cli.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleCommandsTest {
  @TempDir
  Path dir;

  private Path source;
  private Path bundle;

  @BeforeEach
  void layOutSource() throws IOException {
    source = dir.resolve("src");
    write(source.resolve(".manifest"), "{\"roots\": [\"k8s\"]}");
    write(source.resolve("k8s/admission/deny.rego"),
        "package k8s.admission\n\ndeny contains msg if {\n  input.kind == \"Pod\"\n  msg := \"no pods\"\n}\n");
    write(source.resolve("k8s/allow/data.json"), "{\"registries\": [\"registry.example\"]}");
    bundle = dir.resolve("bundle.tar.gz");
  }

  @Test
  void buildsSignsVerifiesAndInspects() throws Exception {
    KeyPair signer = ec();
    Path key = pem("signer.pem", signer.getPrivate());
    Path publicKey = pem("signer.pub", signer.getPublic());

    Run build = run("bundle", "build", source.toString(), "-o", bundle.toString(), "--revision", "v42");
    assertEquals(0, build.exit(), build.err());
    assertEquals("built " + bundle + ": 3 files (1 modules, 1 data files), revision \"v42\"\n", build.out());

    Run sign = run("bundle", "sign", bundle.toString(), "--signing-key", key.toString(), "--key-id", "ci-2026",
        "--environment", "prod", "--sequence", "12");
    assertEquals(0, sign.exit(), sign.err());
    assertEquals("signed " + bundle + ": 3 files, ES256, key \"ci-2026\", environment \"prod\" sequence 12\n", sign.out());

    Run verify = run("bundle", "verify", bundle.toString(), "--verification-key", "ci-2026=" + publicKey,
        "--environment", "prod", "--min-sequence", "12");
    assertEquals(0, verify.exit(), verify.err());
    assertEquals("verified " + bundle + ": revision \"v42\", 3 files, key \"ci-2026\" (ES256), environment \"prod\", sequence 12\n",
        verify.out());

    Run inspect = run("bundle", "inspect", bundle.toString());
    assertEquals(0, inspect.exit(), inspect.err());
    assertTrue(inspect.out().contains("\"revision\":\"v42\""), inspect.out());
    assertTrue(inspect.out().contains("k8s/admission/deny.rego"), inspect.out());
    assertTrue(inspect.out().contains("header: {\"alg\":\"ES256\",\"kid\":\"ci-2026\"}"), inspect.out());
    assertTrue(inspect.out().contains("\"environment\" : \"prod\""), inspect.out());
  }

  @Test
  void verifyFailsWithTheReason() throws Exception {
    KeyPair signer = ec();
    Path key = pem("signer.pem", signer.getPrivate());
    Path publicKey = pem("signer.pub", signer.getPublic());
    Path otherKey = pem("other.pub", ec().getPublic());
    run("bundle", "build", source.toString(), "-o", bundle.toString());
    run("bundle", "sign", bundle.toString(), "--signing-key", key.toString(), "--environment", "staging", "--sequence", "3");

    Run wrongKey = run("bundle", "verify", bundle.toString(), "--verification-key", otherKey.toString());
    assertEquals(1, wrongKey.exit());
    assertEquals("verification failed: .signatures.json (key \"default\"): invalid signature\n", wrongKey.err());

    Run wrongEnvironment = run("bundle", "verify", bundle.toString(), "--verification-key", publicKey.toString(), "--environment", "prod");
    assertEquals(1, wrongEnvironment.exit());
    assertEquals("verification failed: claim \"environment\" is \"staging\", expected \"prod\"\n", wrongEnvironment.err());

    Run rollback = run("bundle", "verify", bundle.toString(), "--verification-key", publicKey.toString(), "--min-sequence", "4");
    assertEquals(1, rollback.exit());
    assertTrue(rollback.err().contains("claim \"sequence\" is 3, lower than 4"), rollback.err());

    Run unsigned = run("bundle", "build", source.toString(), "-o", dir.resolve("unsigned.tar.gz").toString());
    assertEquals(0, unsigned.exit());
    Run notSigned = run("bundle", "verify", dir.resolve("unsigned.tar.gz").toString(), "--verification-key", publicKey.toString());
    assertEquals("verification failed: the bundle is not signed: it has no .signatures.json\n", notSigned.err());
  }

  @Test
  void verifiesWithEitherKeyDuringARotation() throws Exception {
    KeyPair oldPair = rsa();
    KeyPair newPair = ec();
    run("bundle", "build", source.toString(), "-o", bundle.toString());
    Path byNew = dir.resolve("by-new.tar.gz");
    assertEquals(0, run("bundle", "sign", bundle.toString(), "--signing-key", pem("old.pem", oldPair.getPrivate()).toString(),
        "--key-id", "old").exit());
    assertEquals(0, run("bundle", "sign", bundle.toString(), "-o", byNew.toString(),
        "--signing-key", pem("new.pem", newPair.getPrivate()).toString(), "--key-id", "new").exit());
    String trusted = "old=" + pem("old.pub", oldPair.getPublic()) + ",new=" + pem("new.pub", newPair.getPublic());

    assertEquals(0, run("bundle", "verify", bundle.toString(), "--verification-key", trusted).exit());
    assertEquals(0, run("bundle", "verify", byNew.toString(), "--verification-key", trusted).exit());
  }

  @Test
  void signWritesToOutputAndLeavesTheInputAlone() throws Exception {
    run("bundle", "build", source.toString(), "-o", bundle.toString());
    byte[] before = Files.readAllBytes(bundle);
    Path signed = dir.resolve("signed.tar.gz");
    Run sign = run("bundle", "sign", bundle.toString(), "-o", signed.toString(), "--signing-key", pem("k.pem", rsa().getPrivate()).toString(),
        "--alg", "PS256");
    assertEquals(0, sign.exit(), sign.err());
    assertArrayEquals(before, Files.readAllBytes(bundle));
    assertTrue(sign.out().contains("PS256"), sign.out());
  }

  @Test
  void signsAndVerifiesWithAnHmacSecret() throws Exception {
    Path secret = dir.resolve("secret");
    Files.writeString(secret, "0123456789abcdef0123456789abcdef\n");
    run("bundle", "build", source.toString(), "-o", bundle.toString());
    Run noAlg = run("bundle", "sign", bundle.toString(), "--signing-key", secret.toString());
    assertEquals(1, noAlg.exit());
    assertTrue(noAlg.err().contains("needs --alg HS256, HS384 or HS512"), noAlg.err());
    assertEquals(0, run("bundle", "sign", bundle.toString(), "--signing-key", secret.toString(), "--alg", "HS256").exit());
    Run verify = run("bundle", "verify", bundle.toString(), "--verification-key", secret.toString(), "--alg", "HS256");
    assertEquals(0, verify.exit(), verify.err());
  }

  @Test
  void buildRefusesModulesThatDoNotParse() throws Exception {
    write(source.resolve("k8s/broken.rego"), "package k8s.broken\n\nallow if {\n");
    Run build = run("bundle", "build", source.toString(), "-o", bundle.toString());
    assertEquals(1, build.exit());
    assertTrue(build.err().contains("k8s/broken.rego"), build.err());
    assertTrue(build.err().contains("rego_parse_error"), build.err());
    assertTrue(Files.notExists(bundle));
  }

  @Test
  void buildParsesRegoV0WhenAsked() throws Exception {
    write(source.resolve("k8s/admission/deny.rego"), "package k8s.admission\n\ndeny[msg] {\n  msg := \"v0 style\"\n}\n");
    assertEquals(1, run("bundle", "build", source.toString(), "-o", bundle.toString()).exit());
    Run v0 = run("bundle", "build", source.toString(), "-o", bundle.toString(), "--v0-compatible");
    assertEquals(0, v0.exit(), v0.err());
    Run inspect = run("bundle", "inspect", bundle.toString());
    assertTrue(inspect.out().contains("\"rego_version\":0"), inspect.out());
  }

  @Test
  void buildRefusesDataOutsideTheRoots() throws Exception {
    write(source.resolve("other/data.json"), "{}");
    Run build = run("bundle", "build", source.toString(), "-o", bundle.toString());
    assertEquals(1, build.exit());
    assertEquals("error: other/data.json: data at /other is outside the roots [k8s] of .manifest\n", build.err());
  }

  @Test
  void signNeedsEnvironmentAndSequenceTogether() throws Exception {
    run("bundle", "build", source.toString(), "-o", bundle.toString());
    Run sign = run("bundle", "sign", bundle.toString(), "--signing-key", pem("k.pem", ec().getPrivate()).toString(), "--environment", "prod");
    assertEquals(2, sign.exit());
    assertTrue(sign.err().contains("--sequence"), sign.err());
  }

  @Test
  void inspectRefusesAHostileArchive() throws Exception {
    Files.write(bundle, "not a bundle".getBytes(StandardCharsets.UTF_8));
    Run inspect = run("bundle", "inspect", bundle.toString());
    assertEquals(1, inspect.exit());
    assertEquals("error: invalid gzip: Not in GZIP format\n", inspect.err());
  }

  private static KeyPair ec() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  private static KeyPair rsa() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  /** PKCS#8 private keys and X.509 public keys, as openssl writes them by default. */
  private Path pem(String name, Key key) throws IOException {
    String type = key instanceof PrivateKey ? "PRIVATE KEY" : "PUBLIC KEY";
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
    Path file = dir.resolve(name);
    Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
    return file;
  }

  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
