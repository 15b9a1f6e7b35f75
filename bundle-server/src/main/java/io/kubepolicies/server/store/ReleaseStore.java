package io.kubepolicies.server.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Releases in object storage, laid out as CONTRACT.md says: immutable bundles and history records,
 * written only if absent, and one pointer per environment, replaced only if unchanged since read.
 * Every write reports whether it happened; none overwrites what another writer put there.
 */
public final class ReleaseStore {
  private static final String GZIP = "application/gzip";
  private static final String JSON = "application/json";
  private static final String PROBE = "probes/conditional-write";

  private final ObjectStore objects;
  private final StoreJson json = new StoreJson();

  public ReleaseStore(ObjectStore objects) {
    this.objects = objects;
  }

  /**
   * Refuses a store that ignores {@code If-None-Match: *} on writes, on which concurrent publishers
   * could overwrite each other's bundles. Writes one small object, {@value #PROBE}, and tries to
   * write it again: the second write must be refused.
   */
  public void checkConditionalWrites() {
    objects.create(PROBE, new byte[0], JSON);
    if (objects.create(PROBE, new byte[0], JSON).isPresent()) {
      throw new StoreException("object store: it accepted a second write of " + PROBE + " despite If-None-Match: *;"
          + " a store without conditional writes cannot keep concurrent publications apart, so it is not used");
    }
  }

  public Optional<VersionedPointer> pointer(String environment) {
    String key = Layout.pointer(environment);
    return objects.get(key).map(o -> new VersionedPointer(parse(o.content(), Pointer.class, key), o.etag()));
  }

  /** Moves the pointer from {@code previous} (empty: no pointer yet) to {@code next}; false if it moved meanwhile. */
  public boolean replacePointer(Pointer next, Optional<VersionedPointer> previous) {
    String key = Layout.pointer(next.environment());
    byte[] content = json.write(next);
    return (previous.isEmpty()
        ? objects.create(key, content, JSON)
        : objects.replace(key, content, JSON, previous.get().etag())).isPresent();
  }

  /** Stores a bundle under its sequence; false if that sequence is taken. */
  public boolean createBundle(String environment, long sequence, byte[] archive) {
    return objects.create(Layout.bundle(environment, sequence), archive, GZIP).isPresent();
  }

  public Optional<byte[]> bundle(String environment, long sequence) {
    return objects.get(Layout.bundle(environment, sequence)).map(StoredObject::content);
  }

  /** The sequences of all stored bundles of the environment, ascending. */
  public List<Long> bundleSequences(String environment) {
    List<Long> sequences = new ArrayList<>();
    for (String key : objects.list(Layout.bundlesPrefix(environment))) {
      OptionalLong sequence = Layout.bundleSequence(environment, key);
      sequence.ifPresent(sequences::add);
    }
    sequences.sort(null);
    return sequences;
  }

  /** Stores a history record; false if one exists for that sequence. */
  public boolean createHistory(HistoryRecord record) {
    return objects.create(Layout.history(record.environment(), record.sequence()), json.write(record), JSON).isPresent();
  }

  public Optional<HistoryRecord> history(String environment, long sequence) {
    String key = Layout.history(environment, sequence);
    return objects.get(key).map(o -> parse(o.content(), HistoryRecord.class, key));
  }

  /** All history records of the environment, by ascending sequence. */
  public List<HistoryRecord> history(String environment) {
    List<HistoryRecord> records = new ArrayList<>();
    for (String key : objects.list(Layout.historyPrefix(environment))) {
      objects.get(key).map(o -> parse(o.content(), HistoryRecord.class, key)).ifPresent(records::add);
    }
    records.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
    return records;
  }

  /** Stores a source snapshot under its revision; false if one is stored already. */
  public boolean createSource(String revision, byte[] archive) {
    return objects.create(Layout.source(revision), archive, GZIP).isPresent();
  }

  public Optional<byte[]> source(String revision) {
    return objects.get(Layout.source(revision)).map(StoredObject::content);
  }

  private <T> T parse(byte[] content, Class<T> type, String key) {
    try {
      return json.read(content, type, key);
    } catch (IOException e) {
      throw new StoreException("object store: " + e.getMessage() + " (the object is corrupt)", e);
    }
  }
}
