package io.kubepolicies.enforcer.bundle;

import io.kubepolicies.enforcer.decision.AdmissionReview;
import io.kubepolicies.enforcer.decision.Decider;
import io.kubepolicies.enforcer.decision.Decision;
import io.kubepolicies.enforcer.decision.FailureMode;
import io.kubepolicies.enforcer.decision.MalformedReviewException;
import io.kubepolicies.enforcer.decision.Webhook;
import io.kubepolicies.signing.BundleException;
import io.kubepolicies.signing.bundle.Bundle;
import io.kubepolicies.signing.bundle.BundleLimits;
import io.kubepolicies.signing.bundle.BundleReader;
import io.kubepolicies.signing.signature.BundleVerifier;
import io.kubepolicies.signing.signature.SignatureClaims;
import io.kubepolicies.signing.signature.TrustedKeys;
import io.kubepolicies.signing.signature.VerificationPolicy;
import io.kubepolicies.signing.signature.VerifiedBundle;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Turns a fetched archive into an {@link ActiveBundle}, or refuses it with the reason: digest against
 * the pointer, archive, signature by a trusted key, environment, sequence, compilation, and a smoke
 * evaluation of a sample Pod through both webhooks. Nothing it refuses is ever used.
 */
public final class BundleActivator {
  private static final Duration SMOKE_DEADLINE = Duration.ofSeconds(5);
  // Names no allowlist is expected to hold, so the sample reaches the policies.
  private static final String SMOKE_REVIEW = """
      {"apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview", "request": {
        "uid": "kube-policies-smoke-test", "kind": {"group": "", "version": "v1", "kind": "Pod"},
        "resource": {"group": "", "version": "v1", "resource": "pods"}, "operation": "CREATE",
        "namespace": "kube-policies-smoke-test", "name": "smoke",
        "userInfo": {"username": "kube-policies-smoke-test", "groups": []},
        "object": {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "smoke", "namespace": "kube-policies-smoke-test"},
          "spec": {"containers": [{"name": "app", "image": "registry.example/app:1.0"}]}}}}""";

  private final String environment;
  private final BundleVerifier verifier;
  private final BundleReader reader;
  private final Clock clock;

  public BundleActivator(String environment, TrustedKeys keys, BundleLimits limits, Clock clock) {
    this.environment = environment;
    this.verifier = new BundleVerifier(keys);
    this.reader = new BundleReader(limits);
    this.clock = clock;
  }

  /**
   * Checks and compiles {@code archive}. {@code pointer}, when given, must match the archive's digest
   * and signed sequence; the signed sequence must be at least {@code minimumSequence}.
   */
  public ActiveBundle activate(byte[] archive, Optional<BundlePointer> pointer, long minimumSequence)
      throws BundleRejectedException {
    String sha256 = sha256(archive);
    if (pointer.isPresent() && !pointer.get().sha256().equals(sha256)) {
      throw new BundleRejectedException(BundleFailure.SHA256_MISMATCH,
          pointer.get().key() + " has sha256 " + sha256 + ", the pointer says " + pointer.get().sha256());
    }
    Bundle bundle;
    try {
      bundle = reader.read(new ByteArrayInputStream(archive));
    } catch (BundleException e) {
      throw new BundleRejectedException(BundleFailure.INVALID_ARCHIVE, "unreadable bundle: " + e.getMessage(), e);
    }
    VerifiedBundle verified;
    try {
      verified = verifier.verify(bundle, VerificationPolicy.ANY);
    } catch (BundleException e) {
      throw new BundleRejectedException(BundleFailure.SIGNATURE_INVALID, "signature check failed: " + e.getMessage(), e);
    }
    long sequence = checkClaims(verified.claims(), pointer, minimumSequence);
    Decider decider = compile(bundle);
    smokeTest(decider);
    String revision = bundle.manifest().revision().isEmpty() ? "sequence-" + sequence : bundle.manifest().revision();
    return new ActiveBundle(decider, environment, sequence, revision, sha256, clock.instant());
  }

  private long checkClaims(SignatureClaims claims, Optional<BundlePointer> pointer, long minimumSequence)
      throws BundleRejectedException {
    String signedFor = claims.environment().orElse("");
    if (!signedFor.equals(environment)) {
      throw new BundleRejectedException(BundleFailure.WRONG_ENVIRONMENT, "the bundle is signed for environment \""
          + signedFor + "\", this enforcer serves \"" + environment + "\"");
    }
    if (claims.sequence().isEmpty()) {
      throw new BundleRejectedException(BundleFailure.LOWER_SEQUENCE, "the signature carries no sequence claim");
    }
    long sequence = claims.sequence().getAsLong();
    if (sequence < minimumSequence) {
      throw new BundleRejectedException(BundleFailure.LOWER_SEQUENCE, "the bundle's sequence " + sequence
          + " is lower than the active " + minimumSequence + ": refusing a rollback");
    }
    if (pointer.isPresent() && pointer.get().sequence() != sequence) {
      throw new BundleRejectedException(BundleFailure.POINTER_MISMATCH, "the pointer says sequence "
          + pointer.get().sequence() + ", the bundle is signed with " + sequence);
    }
    return sequence;
  }

  private static Decider compile(Bundle bundle) throws BundleRejectedException {
    try {
      return Decider.compile(bundle);
    } catch (RuntimeException e) {
      // RegoException for bad Rego; anything else the compiler throws is just as fatal for this bundle.
      throw new BundleRejectedException(BundleFailure.COMPILE_ERROR, "the bundle does not compile: " + e.getMessage(), e);
    }
  }

  private static void smokeTest(Decider decider) throws BundleRejectedException {
    AdmissionReview review;
    try {
      review = AdmissionReview.parse(SMOKE_REVIEW.getBytes(StandardCharsets.UTF_8));
    } catch (MalformedReviewException e) {
      throw new IllegalStateException("the built-in smoke review is malformed", e);
    }
    for (Webhook webhook : Webhook.values()) {
      Decision d = decider.decide(review, webhook, FailureMode.CLOSED, System.nanoTime() + SMOKE_DEADLINE.toNanos());
      if (d.outcome() == Decision.Outcome.FAIL_CLOSED) {
        throw new BundleRejectedException(BundleFailure.SMOKE_FAILED, "the " + webhook.entrypoint()
            + " webhook fails on a sample Pod: " + d.error());
      }
    }
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
