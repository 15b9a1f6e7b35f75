package io.kubepolicies.server.store;

import java.net.URI;
import java.util.Objects;

/**
 * Where the bundles live: an S3 endpoint, region, bucket and static credentials. Everything is
 * explicit, so the AWS SDK never falls back to its default chains (environment, profile files,
 * the EC2 instance-metadata endpoint).
 *
 * @param pathStyle {@code https://host/bucket/key} addressing, which S3-compatible stores (S3Proxy,
 *     MinIO) need; AWS S3 buckets created since 2020 need virtual-hosted addressing ({@code false})
 */
public record StoreConfig(URI endpoint, String region, String bucket, String accessKeyId, String secretAccessKey,
    boolean pathStyle) {
  public static final String DEFAULT_BUCKET = "kube-policies";
  public static final String DEFAULT_REGION = "us-east-1";

  public StoreConfig {
    Objects.requireNonNull(endpoint, "the store endpoint is required");
    String scheme = endpoint.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme) || endpoint.getHost() == null) {
      throw new IllegalArgumentException("the store endpoint must be an http(s) URL, not " + endpoint);
    }
    requireText(region, "region");
    requireText(bucket, "bucket");
    requireText(accessKeyId, "access key id");
    requireText(secretAccessKey, "secret access key");
  }

  private static void requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("the store's " + what + " is required");
    }
  }

  /** Never prints the secret. */
  @Override
  public String toString() {
    return "StoreConfig[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", accessKeyId="
        + accessKeyId + ", pathStyle=" + pathStyle + "]";
  }
}
