package io.kubepolicies.enforcer.bundle;

import io.kubepolicies.enforcer.config.StoreConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Reads the storage layout of CONTRACT.md from an S3 bucket: {@code bundles/<env>/current.json}
 * (conditionally, so an unchanged pointer costs one 304) and the immutable archives it names.
 * The SDK does not retry: the poller's backoff decides when to try again.
 */
public final class S3BundleStore implements BundleStore {
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
  private static final int NOT_MODIFIED = 304;

  private final S3Client s3;
  private final String bucket;

  private S3BundleStore(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  public static S3BundleStore open(StoreConfig config) {
    // Region and credentials are always explicit, so the SDK never probes instance metadata.
    AwsCredentialsProvider credentials = config.credentials()
        .<AwsCredentialsProvider>map(c -> StaticCredentialsProvider.create(
            AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())))
        .orElse(AnonymousCredentialsProvider.create());
    S3ClientBuilder builder = S3Client.builder()
        .region(Region.of(config.region()))
        .credentialsProvider(credentials)
        .forcePathStyle(config.pathStyle())
        .overrideConfiguration(o -> o.retryStrategy(DefaultRetryStrategy.doNotRetry()).apiCallTimeout(CALL_TIMEOUT));
    config.endpoint().ifPresent(builder::endpointOverride);
    return new S3BundleStore(builder.build(), config.bucket());
  }

  /** The key of an environment's pointer. */
  public static String pointerKey(String environment) {
    return "bundles/" + environment + "/current.json";
  }

  @Override
  public Optional<StoredObject> pointer(String environment, String ifNoneMatch) throws BundleRejectedException {
    GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(bucket).key(pointerKey(environment));
    if (ifNoneMatch != null) {
      request.ifNoneMatch(ifNoneMatch);
    }
    try (ResponseInputStream<GetObjectResponse> in = s3.getObject(request.build())) {
      return Optional.of(new StoredObject(in.readAllBytes(), in.response().eTag()));
    } catch (S3Exception e) {
      if (e.statusCode() == NOT_MODIFIED) {
        return Optional.empty();
      }
      throw failure(pointerKey(environment), e);
    } catch (SdkException | IOException e) {
      throw failure(pointerKey(environment), e);
    }
  }

  @Override
  public byte[] bundle(String key, long maxBytes) throws BundleRejectedException {
    try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(bucket).key(key))) {
      Long length = in.response().contentLength();
      if (length != null && length > maxBytes) {
        in.abort();
        throw tooLarge(key, maxBytes);
      }
      byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (content.length > maxBytes) {
        in.abort();
        throw tooLarge(key, maxBytes);
      }
      return content;
    } catch (SdkException | IOException e) {
      throw failure(key, e);
    }
  }

  private static BundleRejectedException tooLarge(String key, long maxBytes) {
    return new BundleRejectedException(BundleFailure.TOO_LARGE, key + " is larger than the limit of " + maxBytes + " bytes");
  }

  private BundleRejectedException failure(String key, Exception e) {
    if (e instanceof NoSuchKeyException) {
      return new BundleRejectedException(BundleFailure.NOT_FOUND, "s3://" + bucket + "/" + key + " does not exist", e);
    }
    String detail = e instanceof S3Exception s3e
        ? "HTTP " + s3e.statusCode() + (s3e.awsErrorDetails() != null && s3e.awsErrorDetails().errorCode() != null
            ? " " + s3e.awsErrorDetails().errorCode() : "")
        : e.getMessage();
    return new BundleRejectedException(BundleFailure.STORE_UNAVAILABLE,
        "cannot fetch s3://" + bucket + "/" + key + ": " + detail, e);
  }

  @Override
  public void close() {
    s3.close();
  }
}
