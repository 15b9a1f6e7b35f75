package io.kubepolicies.enforcer.testing;

import io.kubepolicies.enforcer.config.StoreConfig;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An S3-compatible store on loopback (embedded S3Proxy on the filesystem) and a publisher writing
 * CONTRACT.md's layout into it. {@link #stop} and {@link #restart} simulate an outage; the data survives.
 */
public final class TestStore implements AutoCloseable {
  public static final String BUCKET = "kube-policies";
  private static final String IDENTITY = "local-identity";
  private static final String CREDENTIAL = "local-credential";

  private final Path dir;
  private S3Proxy proxy;
  private int port;
  private S3Client client;

  public TestStore(Path dir) throws Exception {
    this.dir = dir;
    start(0);
    client = S3Client.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(IDENTITY, CREDENTIAL)))
        .forcePathStyle(true).build();
    client.createBucket(b -> b.bucket(BUCKET));
  }

  private void start(int requestedPort) throws Exception {
    Properties p = new Properties();
    p.setProperty("jclouds.filesystem.basedir", dir.toString());
    BlobStore store = BlobStores.create("filesystem", p);
    proxy = S3Proxy.builder().blobStore(store).endpoint(URI.create("http://127.0.0.1:" + requestedPort))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, IDENTITY, CREDENTIAL).build();
    proxy.start();
    while (!"STARTED".equals(proxy.getState())) {
      Thread.sleep(5);
    }
    port = proxy.getPort();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** What an enforcer needs to reach this store. */
  public StoreConfig config() {
    return new StoreConfig(Optional.of(endpoint()), "us-east-1", BUCKET, true,
        Optional.of(new StoreConfig.Credentials(IDENTITY, CREDENTIAL)));
  }

  /** Uploads {@code archive} as {@code key} and points the environment at it. */
  public void publish(String environment, long sequence, String revision, String key, byte[] archive) throws Exception {
    publish(environment, sequence, revision, key, archive, sha256(archive));
  }

  public void publish(String environment, long sequence, String revision, String key, byte[] archive, String sha256) {
    client.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(archive));
    putPointer(environment, """
        {"environment": "%s", "sequence": %d, "revision": "%s", "key": "%s", "sha256": "%s",
         "published_at": "2026-11-26T00:00:00Z"}""".formatted(environment, sequence, revision, key, sha256));
  }

  public void putPointer(String environment, String json) {
    client.putObject(b -> b.bucket(BUCKET).key("bundles/" + environment + "/current.json"),
        RequestBody.fromString(json, StandardCharsets.UTF_8));
  }

  public static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }

  public void stop() throws Exception {
    proxy.stop();
  }

  /** Starts the store again on the same port. */
  public void restart() throws Exception {
    start(port);
  }

  @Override
  public void close() {
    client.close();
    if (!"STOPPED".equals(proxy.getState())) {
      try {
        proxy.stop();
      } catch (Exception e) {
        throw new IllegalStateException("cannot stop the test store", e);
      }
    }
  }
}
