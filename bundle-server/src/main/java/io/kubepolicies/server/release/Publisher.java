package io.kubepolicies.server.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubepolicies.server.Sha256;
import io.kubepolicies.server.gate.GateResult;
import io.kubepolicies.server.release.ReleaseException.Reason;
import io.kubepolicies.server.store.HistoryRecord;
import io.kubepolicies.server.store.Layout;
import io.kubepolicies.server.store.Operation;
import io.kubepolicies.server.store.Ref;
import io.kubepolicies.server.store.ReleaseStore;
import io.kubepolicies.server.store.StoreException;
import io.kubepolicies.server.store.StoreJson;
import io.kubepolicies.server.store.VersionedPointer;
import io.kubepolicies.signing.BundleException;
import io.kubepolicies.signing.bundle.Bundle;
import io.kubepolicies.signing.bundle.BundleReader;
import io.kubepolicies.signing.bundle.BundleWriter;
import io.kubepolicies.signing.bundle.Manifest;
import io.kubepolicies.signing.canonical.StrictJson;
import io.kubepolicies.signing.signature.BundleSigner;
import io.kubepolicies.signing.signature.Publication;
import io.kubepolicies.signing.signature.SignOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Publishes a bundle as the next sequence of an environment, so that concurrent publishers never
 * lose an update and sequences have no gaps or duplicates:
 * <ol>
 *   <li>read the pointer (sequence N, ETag E); the new sequence is N + 1;</li>
 *   <li>create {@code bundles/<env>/<N+1>.tar.gz} with {@code If-None-Match: *}. This claims the
 *       sequence: of two publishers that read the same pointer, exactly one succeeds, and the
 *       other is told of the conflict without having written anything;</li>
 *   <li>create {@code history/<env>/<N+1>.json}, then replace the pointer with {@code If-Match: E}
 *       ({@code If-None-Match: *} for the first publication).</li>
 * </ol>
 * The bundle carries its own history record in its signed {@code .manifest} metadata, so steps 3
 * can be redone by anyone from the bundle alone and always write the same bytes. A publisher that
 * dies after step 2 therefore blocks nobody: the next one to claim N + 1 finds it taken and
 * completes it ("rolls it forward") before reporting the conflict. Mutual exclusion rests on the
 * atomic create of step 2, never on {@code If-Match} alone (which S3Proxy checks before it writes,
 * not atomically), and every writer of a given pointer transition writes identical content.
 */
final class Publisher {
  static final String METADATA_KEY = "kube_policies_release";

  private final ReleaseStore store;
  private final StoreJson json = new StoreJson();

  Publisher(ReleaseStore store) {
    this.store = store;
  }

  /** What to publish: everything of the history record but the sequence-dependent parts. */
  record Draft(Operation operation, String environment, String revision, String actor, Instant at, Ref from,
      GateResult gate, Bundle content) {}

  HistoryRecord publish(Draft draft, EnvironmentKey key) {
    String environment = draft.environment();
    Optional<VersionedPointer> base = store.pointer(environment);
    if (base.isEmpty()) {
      refuseRestart(environment);
    }
    long sequence = base.map(p -> p.pointer().sequence() + 1).orElse(1L);
    HistoryRecord record = new HistoryRecord(draft.operation(), environment, sequence, draft.revision(), draft.actor(),
        draft.at(), draft.from(), base.map(p -> p.pointer().ref()).orElse(null), Layout.bundle(environment, sequence),
        key.keyId(), null, draft.gate());
    byte[] archive = sign(draft.content(), record, key);
    record = record.withSha256(Sha256.hex(archive));
    if (!store.createBundle(environment, sequence, archive)) {
      HistoryRecord winner = rollForward(environment, sequence, base);
      throw new ReleaseException(Reason.CONFLICT, "conflict: sequence " + sequence + " of " + environment
          + " was taken by " + winner.actor() + " (" + winner.operation().jsonName() + " of revision "
          + winner.revision() + ") while this request was prepared; nothing was published by this request."
          + " Check the status and retry if still wanted.");
    }
    complete(record, base);
    return record;
  }

  /**
   * A missing pointer with bundles beyond the first means the pointer was deleted by hand:
   * starting again at 1 would hand enforcers sequences they have already passed.
   */
  private void refuseRestart(String environment) {
    List<Long> sequences = store.bundleSequences(environment);
    if (sequences.stream().anyMatch(s -> s > 1)) {
      throw new ReleaseException(Reason.REFUSED, Layout.pointer(environment) + " is missing but bundles up to sequence "
          + sequences.get(sequences.size() - 1) + " exist: restore the pointer (refusing to restart the sequence at 1)");
    }
  }

  private byte[] sign(Bundle content, HistoryRecord record, EnvironmentKey key) {
    try {
      Manifest manifest = content.manifest();
      ObjectNode metadata = manifest.metadataJson().isPresent()
          ? (ObjectNode) StrictJson.MAPPER.readTree(manifest.metadataJson().get())
          : StrictJson.MAPPER.createObjectNode();
      metadata.set(METADATA_KEY, json.tree(record));
      Manifest stamped = new Manifest(record.revision(), manifest.roots(), manifest.regoVersion(),
          manifest.fileRegoVersions(), Optional.of(metadata.toString()));
      Bundle signed = BundleSigner.sign(content.withoutSignatures().withManifest(stamped), key.key(),
          SignOptions.defaults().withKeyId(key.keyId())
              .withPublication(new Publication(record.environment(), record.sequence()))
              .withIssuedAt(record.at()));
      return BundleWriter.toBytes(signed);
    } catch (BundleException | IOException e) {
      throw new ReleaseException(Reason.INVALID, "cannot sign the bundle for " + record.environment() + ": " + e.getMessage());
    }
  }

  /** Steps 3: the history record, then the pointer. Idempotent: redoing them writes the same bytes. */
  private void complete(HistoryRecord record, Optional<VersionedPointer> base) {
    String environment = record.environment();
    if (!store.createHistory(record)) {
      HistoryRecord existing = store.history(environment, record.sequence()).orElse(null);
      if (!record.equals(existing)) {
        throw new StoreException("object store: " + Layout.history(environment, record.sequence())
            + " exists but does not match bundle " + record.key() + "; refusing to move the pointer");
      }
    }
    if (!store.replacePointer(record.pointer(), base)) {
      // The pointer only ever moves one sequence at a time, and only to a claimed bundle: if it is at or past
      // ours, a publisher completing ours moved it there first, and later ones built on it.
      Optional<VersionedPointer> now = store.pointer(environment);
      boolean doneByOther = now.isPresent() && now.get().pointer().sequence() >= record.sequence();
      if (!doneByOther) {
        throw new ReleaseException(Reason.CONFLICT, "conflict: the pointer of " + environment + " moved to "
            + now.map(p -> "sequence " + p.pointer().sequence()).orElse("nothing")
            + " while sequence " + record.sequence() + " was being published");
      }
    }
  }

  /** Completes the publication that claimed {@code sequence}, from the record inside its bundle. */
  private HistoryRecord rollForward(String environment, long sequence, Optional<VersionedPointer> base) {
    byte[] archive = store.bundle(environment, sequence).orElseThrow(() -> new StoreException(
        "object store: " + Layout.bundle(environment, sequence) + " refused a create but cannot be read"));
    HistoryRecord record = embeddedRecord(archive, Layout.bundle(environment, sequence)).withSha256(Sha256.hex(archive));
    boolean consistent = record.environment().equals(environment) && record.sequence() == sequence
        && Objects.equals(record.replaced(), base.map(p -> p.pointer().ref()).orElse(null));
    if (!consistent) {
      throw new StoreException("object store: " + Layout.bundle(environment, sequence)
          + " describes " + record.ref() + " replacing " + record.replaced() + ", which does not follow the pointer");
    }
    complete(record, base);
    return record;
  }

  private HistoryRecord embeddedRecord(byte[] archive, String key) {
    try {
      Bundle bundle = new BundleReader().read(new ByteArrayInputStream(archive));
      JsonNode metadata = StrictJson.MAPPER.readTree(bundle.manifest().metadataJson().orElse("{}"));
      JsonNode record = metadata.get(METADATA_KEY);
      if (record == null) {
        throw new IOException("its manifest has no " + METADATA_KEY + " metadata");
      }
      return json.read(record, HistoryRecord.class, key);
    } catch (BundleException | IOException e) {
      throw new StoreException("object store: cannot read the publication record of " + key + ": " + e.getMessage(), e);
    }
  }

}
