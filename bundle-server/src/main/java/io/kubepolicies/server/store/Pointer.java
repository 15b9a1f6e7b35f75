package io.kubepolicies.server.store;

import java.time.Instant;

/**
 * {@code bundles/<env>/current.json}: the publication enforcers of the environment load.
 *
 * @param key the bundle's object key
 * @param sha256 lowercase hex of the bundle archive
 */
public record Pointer(String environment, long sequence, String revision, String key, String sha256,
    Instant publishedAt) {

  public Ref ref() {
    return new Ref(environment, sequence, revision);
  }
}
