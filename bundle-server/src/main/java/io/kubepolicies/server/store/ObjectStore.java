package io.kubepolicies.server.store;

import java.util.List;
import java.util.Optional;

/**
 * The few object-store operations releases need. The two writes are conditional, so that
 * concurrent writers are told apart by the store itself rather than by a read before the write.
 */
public interface ObjectStore extends AutoCloseable {
  Optional<StoredObject> get(String key);

  /** Writes {@code key} only if it does not exist ({@code If-None-Match: *}); the new ETag, or empty if it exists. */
  Optional<String> create(String key, byte[] content, String contentType);

  /** Replaces {@code key} only if its ETag is still {@code etag} ({@code If-Match}); the new ETag, or empty if not. */
  Optional<String> replace(String key, byte[] content, String contentType, String etag);

  /** Every key under {@code prefix}, in key order. */
  List<String> list(String prefix);

  @Override
  void close();
}
