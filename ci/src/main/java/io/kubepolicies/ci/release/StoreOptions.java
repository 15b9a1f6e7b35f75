package io.kubepolicies.ci.release;

import io.kubepolicies.server.store.StoreConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the store is. Credentials come from these options or from {@code AWS_ACCESS_KEY_ID} and
 * {@code AWS_SECRET_ACCESS_KEY}, read explicitly: the AWS SDK's own lookup chains are never used.
 */
public final class StoreOptions {
  @Option(names = "--store-endpoint", paramLabel = "URL",
      description = "S3 endpoint, e.g. https://s3.eu-west-1.amazonaws.com or http://127.0.0.1:9000.")
  URI endpoint;

  @Option(names = "--bucket", paramLabel = "NAME", defaultValue = StoreConfig.DEFAULT_BUCKET,
      description = "Bucket (default: ${DEFAULT-VALUE}).")
  String bucket;

  @Option(names = "--region", paramLabel = "REGION", defaultValue = StoreConfig.DEFAULT_REGION,
      description = "Region (default: ${DEFAULT-VALUE}).")
  String region;

  @Option(names = "--path-style", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Path-style addressing, for S3-compatible stores such as MinIO (default). "
          + "Use --no-path-style for AWS S3 buckets, which need virtual-hosted addressing.")
  boolean pathStyle;

  @Option(names = "--access-key-id", paramLabel = "ID", defaultValue = "${env:AWS_ACCESS_KEY_ID}",
      description = "Access key id (default: $AWS_ACCESS_KEY_ID).")
  String accessKeyId;

  @Option(names = "--secret-access-key-file", paramLabel = "FILE",
      description = "File holding the secret access key (default: $AWS_SECRET_ACCESS_KEY).")
  Path secretAccessKeyFile;

  boolean given() {
    return endpoint != null;
  }

  StoreConfig config() throws IOException {
    String secret = secretAccessKeyFile != null
        ? Files.readString(secretAccessKeyFile).strip()
        : System.getenv("AWS_SECRET_ACCESS_KEY");
    if (accessKeyId == null || accessKeyId.isBlank() || secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("store credentials are missing: give --access-key-id and "
          + "--secret-access-key-file, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
    }
    return new StoreConfig(endpoint, region, bucket, accessKeyId, secret, pathStyle);
  }
}
