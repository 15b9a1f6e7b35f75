package io.kubepolicies.enforcer.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubepolicies.enforcer.config.StoreConfig;
import io.kubepolicies.enforcer.testing.TestEnforcers;
import io.kubepolicies.enforcer.testing.TestStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store client against a real S3-compatible server (S3Proxy on loopback). */
class S3BundleStoreTest {
  @TempDir
  static Path dir;

  private static TestStore store;
  private static S3BundleStore client;

  @BeforeAll
  static void start() throws Exception {
    store = new TestStore(Files.createDirectories(dir.resolve("s3")));
    client = S3BundleStore.open(store.config());
  }

  @AfterAll
  static void stop() throws Exception {
    client.close();
    store.close();
  }

  @Test
  void anUnchangedPointerIsNotFetchedAgain() throws Exception {
    store.putPointer("etag", "{\"v\": 1}");
    BundleStore.StoredObject first = client.pointer("etag", null).orElseThrow();
    assertEquals("{\"v\": 1}", new String(first.content(), StandardCharsets.UTF_8));
    assertEquals(Optional.empty(), client.pointer("etag", first.etag()));
    store.putPointer("etag", "{\"v\": 2}");
    BundleStore.StoredObject second = client.pointer("etag", first.etag()).orElseThrow();
    assertEquals("{\"v\": 2}", new String(second.content(), StandardCharsets.UTF_8));
  }

  @Test
  void fetchesABundleWithinTheLimit() throws Exception {
    byte[] archive = new byte[1000];
    store.publish("limit", 1, "r", "bundles/limit/1.tar.gz", archive);
    assertArrayEquals(archive, client.bundle("bundles/limit/1.tar.gz", 1000));
    BundleRejectedException e = assertThrows(BundleRejectedException.class,
        () -> client.bundle("bundles/limit/1.tar.gz", 999));
    assertEquals(BundleFailure.TOO_LARGE, e.reason());
    assertEquals("bundles/limit/1.tar.gz is larger than the limit of 999 bytes", e.getMessage());
  }

  @Test
  void aMissingObjectIsNotFound() {
    BundleRejectedException e = assertThrows(BundleRejectedException.class, () -> client.pointer("nowhere", null));
    assertEquals(BundleFailure.NOT_FOUND, e.reason());
    assertEquals("s3://kube-policies/bundles/nowhere/current.json does not exist", e.getMessage());
  }

  @Test
  void wrongCredentialsAndAnUnreachableStoreAreUnavailable() {
    StoreConfig c = store.config();
    try (S3BundleStore wrong = S3BundleStore.open(new StoreConfig(c.endpoint(), c.region(), c.bucket(), true,
        Optional.of(new StoreConfig.Credentials("local-identity", "wrong"))))) {
      BundleRejectedException e = assertThrows(BundleRejectedException.class, () -> wrong.pointer("dev", null));
      assertEquals(BundleFailure.STORE_UNAVAILABLE, e.reason());
      assertTrue(e.getMessage().contains("HTTP 403"), e.getMessage());
    }
    try (S3BundleStore down = S3BundleStore.open(TestEnforcers.UNREACHABLE)) {
      assertEquals(BundleFailure.STORE_UNAVAILABLE,
          assertThrows(BundleRejectedException.class, () -> down.pointer("dev", null)).reason());
    }
  }
}
