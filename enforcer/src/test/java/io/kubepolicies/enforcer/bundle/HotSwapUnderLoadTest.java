package io.kubepolicies.enforcer.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubepolicies.enforcer.Enforcer;
import io.kubepolicies.enforcer.testing.Reviews;
import io.kubepolicies.enforcer.testing.TestBundles;
import io.kubepolicies.enforcer.testing.TestEnforcers;
import io.kubepolicies.enforcer.testing.TestPki;
import io.kubepolicies.enforcer.testing.TestStore;
import io.kubepolicies.enforcer.testing.Waits;
import io.kubepolicies.enforcer.testing.WebhookClient;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Swaps 20 bundles (after two to warm up) in while 16 threads send requests without pause. The test policy repeats its
 * bundle's revision as a warning, so each response shows which bundle evaluated it; that must be the
 * bundle named by the response's {@code bundle_revision} annotation (one bundle per response).
 */
class HotSwapUnderLoadTest {
  private static final int CLIENTS = 16;
  private static final int BUNDLES = 20;
  private static final int WARM_UP = 2;
  // Fetching, verifying and compiling a bundle while 16 clients saturate two cores takes up to ~0.6 s
  // here; a 1 s interval keeps "enforced within two intervals" about the poller, not the machine.
  private static final Duration POLL = Duration.ofSeconds(1);

  @TempDir
  Path dir;

  @Test
  void swapsBundlesUnderLoadWithoutAFailedOrMixedResponse() throws Exception {
    TestPki pki = new TestPki();
    TestBundles bundles = new TestBundles();
    try (TestStore store = new TestStore(Files.createDirectories(dir.resolve("s3")))) {
      store.publish("dev", 1, "rev-1", "bundles/dev/1.tar.gz", bundles.build("dev", 1, "rev-1"));
      try (Enforcer enforcer = Enforcer.start(TestEnforcers.config(dir.resolve("enforcer"), pki, bundles, store, POLL))) {
        Waits.until("the first bundle is active", Duration.ofSeconds(20), enforcer::ready);
        WebhookClient client = new WebhookClient(pki.clientContext(), enforcer.port());
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong answered = new AtomicLong();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        for (int t = 0; t < CLIENTS; t++) {
          int thread = t;
          clients.add(pool.submit(() -> sendUntilStopped(client, thread, running, answered, failures)));
        }
        List<Duration> delays = new ArrayList<>();
        // Two more bundles than the 20 timed ones: the first swaps under load run cold code (JIT) and are not timed.
        for (int sequence = 2; sequence <= BUNDLES + WARM_UP + 1; sequence++) {
          String revision = "rev-" + sequence;
          byte[] archive = bundles.build("dev", sequence, revision);
          store.publish("dev", sequence, revision, "bundles/dev/" + sequence + ".tar.gz", archive);
          Duration delay = Waits.until(revision + " is enforced", Duration.ofSeconds(10),
              () -> revision.equals(revisionOf(client.validate(review("probe")))));
          if (sequence > WARM_UP + 1) {
            delays.add(delay);
          }
        }
        running.set(false);
        for (Future<?> f : clients) {
          f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(List.of(), List.copyOf(failures));
        assertTrue(answered.get() > CLIENTS * BUNDLES, "only " + answered.get() + " requests answered");
        Duration slowest = delays.stream().max(Duration::compareTo).orElseThrow();
        assertTrue(slowest.compareTo(POLL.multipliedBy(2)) <= 0, "a bundle took " + slowest + " to be enforced: " + delays);
        assertEquals("rev-" + (BUNDLES + WARM_UP + 1), enforcer.activeBundle().orElseThrow().revision());
      }
    }
  }

  private static void sendUntilStopped(WebhookClient client, int thread, AtomicBoolean running, AtomicLong answered,
      ConcurrentLinkedQueue<String> failures) {
    int lastSequence = 0;
    for (int i = 0; running.get(); i++) {
      String uid = "t" + thread + "-" + i;
      try {
        WebhookClient.Reply r = client.validate(review(uid));
        String revision = revisionOf(r);
        Value warnings = r.response().get("warnings");
        if (r.status() != 200 || !BooleanValue.TRUE.equals(r.response().get("allowed"))
            || !StringValue.of(uid).equals(r.response().get("uid"))
            || !(warnings instanceof ArrayValue w && w.elements().equals(List.of(StringValue.of("bundle_marker: " + revision))))) {
          failures.add(uid + ": " + r.status() + " " + r.body());
          continue;
        }
        int sequence = Integer.parseInt(revision.substring("rev-".length()));
        if (sequence < lastSequence) {
          failures.add(uid + ": went back from rev-" + lastSequence + " to " + revision);
        }
        lastSequence = sequence;
        answered.incrementAndGet();
      } catch (Exception e) {
        failures.add(uid + ": " + e);
      }
    }
  }

  private static String review(String uid) {
    return Reviews.pod(uid, "apps", "{\"owner\": \"a\", \"marker\": \"yes\"}", Reviews.GOOD_SPEC);
  }

  private static String revisionOf(WebhookClient.Reply r) {
    String revision = r.annotation("bundle_revision");
    return revision == null ? "" : revision;
  }
}
