package io.kubepolicies.enforcer.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubepolicies.enforcer.testing.TestBundles;
import io.kubepolicies.enforcer.testing.TestPki;
import io.kubepolicies.enforcer.testing.TestStore;
import io.kubepolicies.signing.bundle.Bundle;
import io.kubepolicies.signing.bundle.BundleFile;
import io.kubepolicies.signing.bundle.BundleLimits;
import io.kubepolicies.signing.bundle.BundleWriter;
import io.kubepolicies.signing.jws.SigningKey;
import io.kubepolicies.signing.jws.VerificationKey;
import io.kubepolicies.signing.signature.TrustedKeys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BundleActivatorTest {
  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  private static TestBundles bundles;
  private static BundleActivator activator;

  @BeforeAll
  static void keys() throws Exception {
    bundles = new TestBundles();
    TrustedKeys trusted = TrustedKeys.of(Map.of(TestBundles.KEY_ID, VerificationKey.of(bundles.publicKey())));
    activator = new BundleActivator("dev", trusted, BundleLimits.DEFAULT, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static BundlePointer pointer(long sequence, byte[] archive) throws Exception {
    return new BundlePointer("dev", sequence, "r", "bundles/dev/" + sequence + ".tar.gz", TestStore.sha256(archive));
  }

  private static BundleFailure rejection(byte[] archive, Optional<BundlePointer> pointer, long minimum) {
    return assertThrows(BundleRejectedException.class, () -> activator.activate(archive, pointer, minimum)).reason();
  }

  @Test
  void activatesAVerifiedBundle() throws Exception {
    byte[] archive = bundles.build("dev", 7, "rev-7");
    ActiveBundle b = activator.activate(archive, Optional.of(pointer(7, archive)), 7);
    assertEquals("rev-7", b.revision());
    assertEquals(7, b.sequence());
    assertEquals("dev", b.environment());
    assertEquals(TestStore.sha256(archive), b.sha256());
    assertEquals(NOW, b.activatedAt());
  }

  @Test
  void namesTheRevisionAfterTheSequenceWhenTheManifestHasNone() throws Exception {
    byte[] archive = bundles.build("dev", 3, "");
    assertEquals("sequence-3", activator.activate(archive, Optional.empty(), 0).revision());
  }

  @Test
  void refusesADigestThatDiffersFromThePointer() throws Exception {
    byte[] archive = bundles.build("dev", 7, "rev-7");
    BundlePointer wrong = new BundlePointer("dev", 7, "r", "bundles/dev/7.tar.gz", "0".repeat(64));
    assertEquals(BundleFailure.SHA256_MISMATCH, rejection(archive, Optional.of(wrong), 0));
  }

  @Test
  void refusesCorruptGzip() throws Exception {
    byte[] archive = bundles.build("dev", 7, "rev-7");
    byte[] truncated = Arrays.copyOf(archive, archive.length / 2);
    assertEquals(BundleFailure.INVALID_ARCHIVE, rejection(truncated, Optional.empty(), 0));
    assertEquals(BundleFailure.INVALID_ARCHIVE, rejection("not gzip".getBytes(StandardCharsets.UTF_8), Optional.empty(), 0));
  }

  @Test
  void refusesATamperedFile() throws Exception {
    assertEquals(BundleFailure.SIGNATURE_INVALID, rejection(tamperedWith(bundles), Optional.empty(), 0));
  }

  /** A signed bundle whose policy was replaced afterwards (an empty one that denies nothing). */
  static byte[] tamperedWith(TestBundles bundles) throws Exception {
    Bundle signed = bundles.signed("dev", 7, "rev-7", List.of("validating.rego", "mutating.rego"), bundles.signingKey());
    List<BundleFile> files = new ArrayList<>();
    for (BundleFile f : signed.files()) {
      files.add(f.path().equals("validating.rego")
          ? BundleFile.of(f.path(), "package validating\n".getBytes(StandardCharsets.UTF_8)) : f);
    }
    files.add(signed.signatures().orElseThrow());
    return BundleWriter.toBytes(Bundle.of(files));
  }

  @Test
  void refusesAnUntrustedKey() throws Exception {
    SigningKey stranger = SigningKey.of(TestPki.ecKeyPair().getPrivate());
    byte[] archive = bundles.build("dev", 7, "rev-7", List.of("validating.rego", "mutating.rego"), stranger);
    assertEquals(BundleFailure.SIGNATURE_INVALID, rejection(archive, Optional.empty(), 0));
  }

  @Test
  void refusesAnotherEnvironment() throws Exception {
    assertEquals(BundleFailure.WRONG_ENVIRONMENT, rejection(bundles.build("prod", 7, "rev-7"), Optional.empty(), 0));
  }

  @Test
  void refusesALowerSequenceButAcceptsTheSame() throws Exception {
    byte[] archive = bundles.build("dev", 7, "rev-7");
    assertEquals(BundleFailure.LOWER_SEQUENCE, rejection(archive, Optional.empty(), 8));
    assertEquals(7, activator.activate(archive, Optional.empty(), 7).sequence());
  }

  @Test
  void refusesASignedSequenceOtherThanThePointers() throws Exception {
    byte[] archive = bundles.build("dev", 7, "rev-7");
    assertEquals(BundleFailure.POINTER_MISMATCH, rejection(archive, Optional.of(pointer(8, archive)), 0));
  }

  @Test
  void refusesRegoThatDoesNotCompile() throws Exception {
    byte[] archive = bundles.build("dev", 7, "rev-7", List.of("broken.rego"), bundles.signingKey());
    BundleRejectedException e = assertThrows(BundleRejectedException.class,
        () -> activator.activate(archive, Optional.empty(), 0));
    assertEquals(BundleFailure.COMPILE_ERROR, e.reason());
    assertTrue(e.getMessage().contains("no_such_function"), e.getMessage());
  }

  @Test
  void refusesABundleThatFailsTheSmokeEvaluation() throws Exception {
    byte[] archive = bundles.build("dev", 7, "rev-7", List.of("failing.rego"), bundles.signingKey());
    assertEquals(BundleFailure.SMOKE_FAILED, rejection(archive, Optional.empty(), 0));
  }
}
