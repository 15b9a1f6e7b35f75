package io.kubepolicies.server.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** {@link ObjectStore} on one S3 bucket through the AWS SDK v2 synchronous client. */
public final class S3ObjectStore implements ObjectStore {
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

  private final S3Client s3;
  private final String bucket;

  private S3ObjectStore(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  public static S3ObjectStore open(StoreConfig config) {
    S3Client client = S3Client.builder()
        .endpointOverride(config.endpoint())
        .region(Region.of(config.region()))
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(config.accessKeyId(), config.secretAccessKey())))
        .forcePathStyle(config.pathStyle())
        .overrideConfiguration(c -> c.apiCallTimeout(CALL_TIMEOUT))
        .build();
    return new S3ObjectStore(client, config.bucket());
  }

  /** Creates the bucket unless it exists (for local stores; production buckets are made by their owners). */
  public void ensureBucket() {
    call("check bucket " + bucket, () -> {
      try {
        s3.headBucket(b -> b.bucket(bucket));
      } catch (S3Exception e) {
        if (e.statusCode() != 404) {
          throw e;
        }
        s3.createBucket(b -> b.bucket(bucket));
      }
      return null;
    });
  }

  @Override
  public Optional<StoredObject> get(String key) {
    return call("read " + key, () -> {
      try {
        ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
        return Optional.of(new StoredObject(bytes.asByteArray(), bytes.response().eTag()));
      } catch (NoSuchKeyException e) {
        return Optional.empty();
      }
    });
  }

  @Override
  public Optional<String> create(String key, byte[] content, String contentType) {
    return conditionalPut(key, "create", () -> s3.putObject(
        b -> b.bucket(bucket).key(key).contentType(contentType).ifNoneMatch("*"), RequestBody.fromBytes(content)).eTag());
  }

  @Override
  public Optional<String> replace(String key, byte[] content, String contentType, String etag) {
    return conditionalPut(key, "replace", () -> s3.putObject(
        b -> b.bucket(bucket).key(key).contentType(contentType).ifMatch(etag), RequestBody.fromBytes(content)).eTag());
  }

  @Override
  public List<String> list(String prefix) {
    return call("list " + prefix, () -> {
      List<String> keys = new ArrayList<>();
      for (ListObjectsV2Response page : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix))) {
        page.contents().stream().map(S3Object::key).forEach(keys::add);
      }
      keys.sort(null);
      return keys;
    });
  }

  @Override
  public void close() {
    s3.close();
  }

  /**
   * A failed condition is an answer, not an error: 412 (precondition failed), 409 (AWS: a
   * concurrent conditional write to the same key is in progress) and 404 (If-Match on a key that
   * is gone) all mean the write did not happen because someone else's did.
   */
  private Optional<String> conditionalPut(String key, String what, Supplier<String> put) {
    return call(what + " " + key, () -> {
      try {
        return Optional.of(put.get());
      } catch (S3Exception e) {
        int status = e.statusCode();
        if (status == 412 || status == 409 || status == 404) {
          return Optional.empty();
        }
        throw e;
      }
    });
  }

  private <T> T call(String what, Supplier<T> action) {
    try {
      return action.get();
    } catch (S3Exception e) {
      String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
      throw new StoreException("object store: cannot " + what + " in bucket " + bucket + ": HTTP " + e.statusCode()
          + (code == null ? "" : " " + code), e);
    } catch (SdkException e) {
      throw new StoreException("object store: cannot " + what + " in bucket " + bucket + ": " + e.getMessage(), e);
    }
  }
}
