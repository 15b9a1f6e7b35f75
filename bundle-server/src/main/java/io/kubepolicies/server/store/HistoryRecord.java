package io.kubepolicies.server.store;

import io.kubepolicies.server.gate.GateResult;
import java.time.Instant;

/**
 * {@code history/<env>/<sequence>.json}: who published what, when, from where, replacing what.
 *
 * @param from where the content came from: the lower environment's publication (promote) or the
 *     earlier publication of this environment (rollback); null for a publish from source
 * @param replaced what was current before; null for the environment's first publication
 * @param keyId the signing key's id
 * @param sha256 lowercase hex of the bundle archive; null only inside the bundle's own manifest,
 *     which cannot hold its own hash
 */
public record HistoryRecord(Operation operation, String environment, long sequence, String revision, String actor,
    Instant at, Ref from, Ref replaced, String key, String keyId, String sha256, GateResult gate) {

  public Ref ref() {
    return new Ref(environment, sequence, revision);
  }

  public HistoryRecord withSha256(String hex) {
    return new HistoryRecord(operation, environment, sequence, revision, actor, at, from, replaced, key, keyId, hex, gate);
  }

  public Pointer pointer() {
    return new Pointer(environment, sequence, revision, key, sha256, at);
  }
}
