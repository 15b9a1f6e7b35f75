package io.kubepolicies.server.release;

import io.kubepolicies.signing.jws.SigningKey;

/** An environment's signing key and the id enforcers know it by (e.g. {@code dev-2026-11}). */
public record EnvironmentKey(String keyId, SigningKey key) {
  public EnvironmentKey {
    if (keyId == null || keyId.isBlank()) {
      throw new IllegalArgumentException("a signing key needs a key id");
    }
  }
}
