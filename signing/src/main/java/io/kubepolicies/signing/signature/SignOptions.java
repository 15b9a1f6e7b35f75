package io.kubepolicies.signing.signature;

import java.time.Instant;
import java.util.Optional;

/**
 * How to sign a bundle.
 *
 * @param keyId written as the JWS header's {@code kid}, so verifiers holding several keys pick this one
 * @param scope the {@code scope} claim, which verifiers compare with the scope they expect
 * @param publication the {@code environment} and {@code sequence} claims
 * @param issuedAt the {@code iat} claim
 */
public record SignOptions(Optional<String> keyId, Optional<String> scope, Optional<Publication> publication,
    Instant issuedAt, HashAlgorithm hashAlgorithm) {

  /** No key id, scope or publication; issued now; SHA-256 file hashes. */
  public static SignOptions defaults() {
    return new SignOptions(Optional.empty(), Optional.empty(), Optional.empty(), Instant.now(), HashAlgorithm.SHA256);
  }

  public SignOptions withKeyId(String id) {
    return new SignOptions(Optional.of(id), scope, publication, issuedAt, hashAlgorithm);
  }

  public SignOptions withScope(String value) {
    return new SignOptions(keyId, Optional.of(value), publication, issuedAt, hashAlgorithm);
  }

  public SignOptions withPublication(Publication value) {
    return new SignOptions(keyId, scope, Optional.of(value), issuedAt, hashAlgorithm);
  }

  public SignOptions withIssuedAt(Instant value) {
    return new SignOptions(keyId, scope, publication, value, hashAlgorithm);
  }

  public SignOptions withHashAlgorithm(HashAlgorithm value) {
    return new SignOptions(keyId, scope, publication, issuedAt, value);
  }
}
