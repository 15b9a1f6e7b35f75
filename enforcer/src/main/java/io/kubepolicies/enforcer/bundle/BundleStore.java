package io.kubepolicies.enforcer.bundle;

import java.util.Optional;

/** Where bundles are published (an S3-compatible bucket in production). */
public interface BundleStore extends AutoCloseable {
  /** An object's content and its ETag. */
  record StoredObject(byte[] content, String etag) {}

  /**
   * The environment's pointer, or empty when its ETag still equals {@code ifNoneMatch} (null: fetch
   * unconditionally). Failures carry {@link BundleFailure#STORE_UNAVAILABLE} or {@link BundleFailure#NOT_FOUND}.
   */
  Optional<StoredObject> pointer(String environment, String ifNoneMatch) throws BundleRejectedException;

  /** A bundle archive; refused with {@link BundleFailure#TOO_LARGE} past {@code maxBytes}. */
  byte[] bundle(String key, long maxBytes) throws BundleRejectedException;

  @Override
  void close();
}
