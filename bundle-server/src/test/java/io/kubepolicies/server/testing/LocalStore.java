package io.kubepolicies.server.testing;

import io.kubepolicies.server.local.EmbeddedS3;
import io.kubepolicies.server.store.S3ObjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One embedded S3Proxy on loopback per test class ({@code @RegisterExtension static}); each
 * {@link #newBucket()} is a fresh, empty bucket, so tests do not see each other's objects.
 */
public final class LocalStore implements BeforeAllCallback, AfterAllCallback {
  private final AtomicInteger buckets = new AtomicInteger();
  private Path dir;
  private EmbeddedS3 s3;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    dir = Files.createTempDirectory("kube-policies-s3");
    s3 = EmbeddedS3.start(dir, "127.0.0.1", 0, "test-identity", "test-credential");
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    s3.close();
    try (var walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  public EmbeddedS3 s3() {
    return s3;
  }

  public S3ObjectStore newBucket() {
    return open(newBucketName());
  }

  /** A name no test has used yet; {@link #open} creates the bucket. */
  public String newBucketName() {
    return "bucket-" + buckets.incrementAndGet();
  }

  /** Another client of {@code bucket}, as a second publisher would have. */
  public S3ObjectStore open(String bucket) {
    S3ObjectStore store = S3ObjectStore.open(s3.config(bucket));
    store.ensureBucket();
    return store;
  }
}
