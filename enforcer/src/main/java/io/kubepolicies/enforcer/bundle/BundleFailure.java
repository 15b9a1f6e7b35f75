package io.kubepolicies.enforcer.bundle;

/** Why a poll or a bundle failed; {@link #label()} is the {@code reason} label in the metrics. */
public enum BundleFailure {
  /** The store did not answer, or answered with an error. */
  STORE_UNAVAILABLE("store_unavailable"),
  /** The pointer or the bundle it names does not exist. */
  NOT_FOUND("not_found"),
  /** The bundle is larger than the configured limit. */
  TOO_LARGE("too_large"),
  /** {@code current.json} is not a valid pointer for this environment. */
  POINTER_INVALID("pointer_invalid"),
  /** The archive's digest differs from the pointer's {@code sha256}. */
  SHA256_MISMATCH("sha256_mismatch"),
  /** Not a readable bundle: corrupt gzip or tar, hostile paths, bad manifest or data. */
  INVALID_ARCHIVE("invalid_archive"),
  /** Unsigned, signed by an untrusted key, a bad signature, or files that differ from the signed hashes. */
  SIGNATURE_INVALID("signature_invalid"),
  /** Signed for another environment. */
  WRONG_ENVIRONMENT("wrong_environment"),
  /** Older than the active bundle (a rollback or replay). */
  LOWER_SEQUENCE("lower_sequence"),
  /** The signed sequence differs from the pointer's. */
  POINTER_MISMATCH("pointer_mismatch"),
  /** The Rego does not parse or compile. */
  COMPILE_ERROR("compile_error"),
  /** The compiled bundle fails on a sample admission request. */
  SMOKE_FAILED("smoke_failed"),
  /** The locally persisted bundle cannot be read or written. */
  CACHE_UNAVAILABLE("cache_unavailable");

  private final String label;

  BundleFailure(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
