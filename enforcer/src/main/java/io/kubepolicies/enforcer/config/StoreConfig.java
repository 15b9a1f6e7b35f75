package io.kubepolicies.enforcer.config;

import java.net.URI;
import java.util.Optional;

/**
 * The S3-compatible object store bundles are fetched from. No endpoint means AWS's own for the region;
 * no credentials means anonymous requests (credentials are never looked up from instance metadata).
 */
public record StoreConfig(Optional<URI> endpoint, String region, String bucket, boolean pathStyle,
    Optional<Credentials> credentials) {

  /** A static access key pair. */
  public record Credentials(String accessKeyId, String secretAccessKey) {
    @Override
    public String toString() {
      return "Credentials[" + accessKeyId + ", secret hidden]";
    }
  }

  public StoreConfig {
    if (bucket.isEmpty()) {
      throw new IllegalArgumentException("the bucket must not be empty");
    }
    if (region.isEmpty()) {
      throw new IllegalArgumentException("the region must not be empty");
    }
  }
}
