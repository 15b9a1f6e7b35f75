package io.kubepolicies.enforcer.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubepolicies.enforcer.Enforcer;
import io.kubepolicies.enforcer.config.EnforcerConfig;
import io.kubepolicies.enforcer.testing.Reviews;
import io.kubepolicies.enforcer.testing.TestBundles;
import io.kubepolicies.enforcer.testing.TestEnforcers;
import io.kubepolicies.enforcer.testing.TestPki;
import io.kubepolicies.enforcer.testing.TestStore;
import io.kubepolicies.enforcer.testing.Waits;
import io.kubepolicies.enforcer.testing.WebhookClient;
import io.kubepolicies.signing.jws.SigningKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad bundles and a failing store against a running enforcer: none is activated, each is counted by
 * reason in {@code /metrics}, the last good bundle keeps serving; a restart with the store down
 * serves the persisted bundle. The tests share one enforcer and run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BundleFaultsTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String MODULES_OK = "validating.rego";

  @TempDir
  static Path dir;

  private static TestBundles bundles;
  private static TestStore store;
  private static EnforcerConfig config;
  private static Enforcer enforcer;
  private static WebhookClient client;
  private static TestPki pki;

  @BeforeAll
  static void start() throws Exception {
    pki = new TestPki();
    bundles = new TestBundles();
    store = new TestStore(Files.createDirectories(dir.resolve("s3")));
    store.publish("dev", 10, "good", "bundles/dev/10.tar.gz", bundles.build("dev", 10, "good"));
    config = TestEnforcers.config(dir.resolve("enforcer"), pki, bundles, store, Duration.ofMillis(100));
    enforcer = Enforcer.start(config);
    client = new WebhookClient(pki.clientContext(), enforcer.port());
    Waits.until("the good bundle is active", WAIT, enforcer::ready);
  }

  @AfterAll
  static void stop() throws Exception {
    if (enforcer != null) {
      enforcer.close();
    }
    store.close();
  }

  /** Publishes a bad pointer, waits until its rejection is counted, and checks the good bundle still decides. */
  private static void assertRejected(BundleFailure reason, Runnable publish) throws Exception {
    String sample = "kube_policies_bundle_failures_total{reason=\"" + reason.label() + "\"}";
    double before = client.metric(sample);
    publish.run();
    Waits.until(reason.label() + " is counted", WAIT, () -> client.metric(sample) > before);
    assertStillServing("good");
  }

  private static void assertStillServing(String revision) throws Exception {
    assertEquals(revision, enforcer.activeBundle().orElseThrow().revision());
    WebhookClient.Reply r = client.validate(Reviews.pod("uid", "apps", "{\"marker\": \"yes\"}", Reviews.LATEST_SPEC));
    assertEquals(revision, r.annotation("bundle_revision"));
    assertEquals(200, client.get("/readyz").status());
  }

  private static void publish(long sequence, String key, byte[] archive) {
    try {
      store.publish("dev", sequence, "bad", key, archive);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @Order(1)
  void refusesATamperedBundle() throws Exception {
    assertRejected(BundleFailure.SIGNATURE_INVALID, () -> publish(10, "bundles/dev/tampered.tar.gz", tampered()));
  }

  private static byte[] tampered() {
    try {
      return BundleActivatorTest.tamperedWith(bundles);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @Order(2)
  void refusesABundleSignedWithAnUntrustedKey() throws Exception {
    SigningKey stranger = SigningKey.of(TestPki.ecKeyPair().getPrivate());
    byte[] archive = bundles.build("dev", 11, "bad", List.of(MODULES_OK), stranger);
    assertRejected(BundleFailure.SIGNATURE_INVALID, () -> publish(11, "bundles/dev/11.tar.gz", archive));
  }

  @Test
  @Order(3)
  void refusesABundleForAnotherEnvironment() throws Exception {
    byte[] archive = bundles.build("prod", 12, "bad");
    assertRejected(BundleFailure.WRONG_ENVIRONMENT, () -> publish(12, "bundles/dev/12.tar.gz", archive));
  }

  @Test
  @Order(4)
  void refusesALowerSequence() throws Exception {
    byte[] archive = bundles.build("dev", 5, "bad");
    assertRejected(BundleFailure.LOWER_SEQUENCE, () -> publish(5, "bundles/dev/replayed-5.tar.gz", archive));
  }

  @Test
  @Order(5)
  void refusesCorruptGzip() throws Exception {
    byte[] archive = bundles.build("dev", 13, "bad");
    byte[] corrupt = Arrays.copyOf(archive, archive.length - 20);
    assertRejected(BundleFailure.INVALID_ARCHIVE, () -> publish(13, "bundles/dev/13.tar.gz", corrupt));
  }

  @Test
  @Order(6)
  void refusesRegoThatDoesNotCompile() throws Exception {
    byte[] archive = bundles.build("dev", 14, "bad", List.of("broken.rego"), bundles.signingKey());
    assertRejected(BundleFailure.COMPILE_ERROR, () -> publish(14, "bundles/dev/14.tar.gz", archive));
  }

  @Test
  @Order(7)
  void refusesAnArchiveThatDiffersFromThePointer() throws Exception {
    byte[] archive = bundles.build("dev", 15, "bad");
    assertRejected(BundleFailure.SHA256_MISMATCH,
        () -> store.publish("dev", 15, "bad", "bundles/dev/15.tar.gz", archive, "f".repeat(64)));
  }

  @Test
  @Order(8)
  void refusesAnInvalidPointer() throws Exception {
    assertRejected(BundleFailure.POINTER_INVALID, () -> store.putPointer("dev", "{\"environment\": \"dev\"}"));
  }

  @Test
  @Order(9)
  void keepsServingWhileTheStoreIsDown() throws Exception {
    assertRejected(BundleFailure.STORE_UNAVAILABLE, () -> {
      try {
        store.stop();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    store.restart();
  }

  @Test
  @Order(10)
  void stillActivatesAGoodBundleAfterAllThat() throws Exception {
    store.publish("dev", 20, "good-20", "bundles/dev/20.tar.gz", bundles.build("dev", 20, "good-20"));
    Waits.until("good-20 is active", WAIT, () -> "good-20".equals(enforcer.activeBundle().orElseThrow().revision()));
    assertStillServing("good-20");
    assertEquals(20, client.metric("kube_policies_bundle_sequence"));
    String notModified = "kube_policies_bundle_polls_total{result=\"not_modified\"}";
    double before = client.metric(notModified);
    Waits.until("the unchanged pointer costs a 304", WAIT, () -> client.metric(notModified) > before);
  }

  @Test
  @Order(11)
  void aRestartWithTheStoreDownServesThePersistedBundle() throws Exception {
    enforcer.close();
    store.stop();
    enforcer = Enforcer.start(config);
    client = new WebhookClient(pki.clientContext(), enforcer.port());
    assertTrue(enforcer.ready(), "the persisted bundle is active as soon as start returns");
    assertStillServing("good-20");
    Waits.until("the store outage is counted", WAIT,
        () -> client.metric("kube_policies_bundle_failures_total{reason=\"store_unavailable\"}") > 0);
    store.restart();
  }

  @Test
  @Order(12)
  void aPersistedBundleThatNoLongerVerifiesIsNotServed() throws Exception {
    enforcer.close();
    store.stop();
    Path cached = config.bundles().cacheDir().resolve("last-good.tar.gz");
    byte[] archive = Files.readAllBytes(cached);
    archive[archive.length / 2] ^= 0x55;
    Files.write(cached, archive);
    enforcer = Enforcer.start(config);
    client = new WebhookClient(pki.clientContext(), enforcer.port());
    assertEquals(false, enforcer.ready());
    assertEquals(503, client.get("/readyz").status());
    assertTrue(client.metric("kube_policies_bundle_failures_total{reason=\"invalid_archive\"}")
        + client.metric("kube_policies_bundle_failures_total{reason=\"signature_invalid\"}") >= 1);
    store.restart();
  }
}
