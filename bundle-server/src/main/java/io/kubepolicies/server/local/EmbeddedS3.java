package io.kubepolicies.server.local;

import io.kubepolicies.server.store.StoreConfig;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;

/**
 * An S3-compatible store in this process (S3Proxy, filesystem backend: {@code <dir>/<bucket>/<key>}),
 * for {@code kube-policies up} and tests. Requests must be signed with the given credentials.
 * S3Proxy is an optional dependency of this module: only callers of this class need it.
 */
public final class EmbeddedS3 implements AutoCloseable {
  private static final long START_TIMEOUT_MILLIS = 30_000;
  private static final String ACCESS_KEY_ID = "access_key_id";
  private static final String SECRET_ACCESS_KEY = "secret_access_key";

  private final S3Proxy proxy;
  private final String host;
  private final String accessKeyId;
  private final String secretAccessKey;

  private EmbeddedS3(S3Proxy proxy, String host, String accessKeyId, String secretAccessKey) {
    this.proxy = proxy;
    this.host = host;
    this.accessKeyId = accessKeyId;
    this.secretAccessKey = secretAccessKey;
  }

  /** Starts on {@code host:port} (port 0: any free port) and waits until it serves. */
  public static EmbeddedS3 start(Path dataDir, String host, int port, String accessKeyId, String secretAccessKey)
      throws IOException {
    Files.createDirectories(dataDir);
    Properties properties = new Properties();
    properties.setProperty("jclouds.filesystem.basedir", dataDir.toAbsolutePath().toString());
    S3Proxy proxy = S3Proxy.builder()
        .blobStore(BlobStores.create("filesystem", properties))
        .endpoint(URI.create("http://" + host + ":" + port))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKeyId, secretAccessKey)
        .build();
    try {
      proxy.start();
      long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
      while (!"STARTED".equals(proxy.getState())) {
        if ("FAILED".equals(proxy.getState()) || System.currentTimeMillis() > deadline) {
          throw new IOException("the embedded S3 store did not start on " + host + ":" + port + " (" + proxy.getState() + ")");
        }
        Thread.sleep(10);
      }
    } catch (IOException e) {
      stopQuietly(proxy);
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopQuietly(proxy);
      throw new IOException("interrupted while starting the embedded S3 store", e);
    } catch (Exception e) {
      stopQuietly(proxy);
      throw new IOException("cannot start the embedded S3 store on " + host + ":" + port + ": " + e.getMessage(), e);
    }
    return new EmbeddedS3(proxy, host, accessKeyId, secretAccessKey);
  }

  /**
   * Starts with the access key pair kept in {@code credentialsFile} (made on first use, owner only),
   * so that a store restarted on the same data keeps its credentials.
   */
  public static EmbeddedS3 startWithStoredCredentials(Path dataDir, Path credentialsFile, String host, int port)
      throws IOException {
    Properties credentials = new Properties();
    if (Files.exists(credentialsFile)) {
      try (Reader in = Files.newBufferedReader(credentialsFile)) {
        credentials.load(in);
      }
    }
    String id = credentials.getProperty(ACCESS_KEY_ID);
    String secret = credentials.getProperty(SECRET_ACCESS_KEY);
    if (id == null || secret == null) {
      id = "local-" + PrivateFiles.randomSecret(9);
      secret = PrivateFiles.randomSecret(30);
      PrivateFiles.write(credentialsFile, ACCESS_KEY_ID + "=" + id + "\n" + SECRET_ACCESS_KEY + "=" + secret + "\n");
    }
    return start(dataDir, host, port, id, secret);
  }

  public URI endpoint() {
    return URI.create("http://" + host + ":" + proxy.getPort());
  }

  /** How to reach {@code bucket} here (path-style, as S3Proxy needs). */
  public StoreConfig config(String bucket) {
    return new StoreConfig(endpoint(), StoreConfig.DEFAULT_REGION, bucket, accessKeyId, secretAccessKey, true);
  }

  @Override
  public void close() {
    stopQuietly(proxy);
  }

  private static void stopQuietly(S3Proxy proxy) {
    try {
      proxy.stop();
    } catch (Exception e) {
      // Stopping is best effort: the process may be on its way out, and there is nothing left to save.
    }
  }
}
