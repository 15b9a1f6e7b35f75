package io.kubepolicies.server.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.kubepolicies.server.gate.Gate;
import io.kubepolicies.server.release.ReleaseException.Reason;
import io.kubepolicies.server.store.HistoryRecord;
import io.kubepolicies.server.store.ObjectStore;
import io.kubepolicies.server.store.Pointer;
import io.kubepolicies.server.store.ReleaseStore;
import io.kubepolicies.server.store.StoreException;
import io.kubepolicies.server.testing.FixtureBuilder;
import io.kubepolicies.server.testing.Fixtures;
import io.kubepolicies.server.testing.InterceptingStore;
import io.kubepolicies.server.testing.LocalStore;
import io.kubepolicies.server.testing.TestKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Publishers racing on one environment, each with its own client as separate servers would have. */
class ConcurrentPublishTest {
  @RegisterExtension
  static final LocalStore LOCAL = new LocalStore();

  private TestKeys keys;
  private String bucket;

  @BeforeEach
  void setUp() throws Exception {
    keys = new TestKeys(Environments.DEFAULT.order());
    bucket = LOCAL.newBucketName();
  }

  private Releases publisher(Consumer<String> beforeCreate) throws Exception {
    ObjectStore objects = new InterceptingStore(LOCAL.open(bucket), beforeCreate);
    return new Releases(new ReleaseStore(objects), Environments.DEFAULT, keys.signing(), SoakPolicy.of(Duration.ZERO),
        new Gate(List.of()), new FixtureBuilder(), Clock.systemUTC());
  }

  private ReleaseStore reader() {
    return new ReleaseStore(LOCAL.open(bucket));
  }

  /** Both publishers read the pointer and prepare before either may claim the next sequence. */
  @ParameterizedTest(name = "after {0} earlier publications")
  @ValueSource(ints = {0, 2})
  void exactlyOneOfTwoConcurrentPublishesWinsAndTheOtherIsToldOfTheConflict(int earlier) throws Exception {
    Releases setup = publisher(key -> { });
    for (int i = 0; i < earlier; i++) {
      setup.publish(Fixtures.source("earlier-" + i), "setup");
    }
    CyclicBarrier bothPrepared = new CyclicBarrier(2);
    Consumer<String> meetBeforeClaim = key -> {
      if (key.startsWith("bundles/dev/")) {
        try {
          bothPrepared.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
          throw new IllegalStateException("the other publisher never got ready", e);
        }
      }
    };
    Releases alice = publisher(meetBeforeClaim);
    Releases bob = publisher(meetBeforeClaim);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<HistoryRecord> a = pool.submit(() -> alice.publish(Fixtures.source("alice"), "alice"));
      Future<HistoryRecord> b = pool.submit(() -> bob.publish(Fixtures.source("bob"), "bob"));
      List<HistoryRecord> won = new ArrayList<>();
      List<ReleaseException> lost = new ArrayList<>();
      for (Future<HistoryRecord> f : List.of(a, b)) {
        try {
          won.add(f.get(120, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof ReleaseException r)) {
            throw e;
          }
          lost.add(r);
        }
      }
      assertEquals(1, won.size(), "exactly one winner");
      assertEquals(1, lost.size(), "exactly one loser");
      assertEquals(Reason.CONFLICT, lost.get(0).reason());
      assertTrue(lost.get(0).getMessage().contains("was taken by " + won.get(0).actor()), lost.get(0).getMessage());
      assertTrue(lost.get(0).getMessage().contains("nothing was published by this request"));

      long expected = earlier + 1;
      ReleaseStore store = reader();
      assertEquals(expected, won.get(0).sequence());
      assertEquals(won.get(0).pointer(), store.pointer("dev").orElseThrow().pointer());
      assertContiguous(store, expected);
      assertEquals(won.get(0), store.history("dev", expected).orElseThrow());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void manyRacingPublishersNeverLoseOrDuplicateASequence() throws Exception {
    int threads = 4;
    int attempts = 4;
    List<HistoryRecord> won = new CopyOnWriteArrayList<>();
    List<ReleaseException> conflicts = new CopyOnWriteArrayList<>();
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Releases releases = publisher(key -> { });
        String name = "p" + t;
        runs.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < attempts; i++) {
            try {
              won.add(releases.publish(Fixtures.source(name + "-" + i), name));
            } catch (ReleaseException e) {
              if (e.reason() != Reason.CONFLICT) {
                throw e;
              }
              conflicts.add(e);
            }
          }
          return null;
        }));
      }
      for (Future<?> run : runs) {
        run.get(300, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(threads * attempts, won.size() + conflicts.size());
    ReleaseStore store = reader();
    long published = won.size();
    assertEquals(published, store.pointer("dev").orElseThrow().pointer().sequence());
    assertContiguous(store, published);
    List<HistoryRecord> history = store.history("dev");
    for (HistoryRecord record : won) {
      assertEquals(record, history.get((int) record.sequence() - 1), "every winner is recorded as it was told");
    }
  }

  @Test
  void anInterruptedPublicationIsCompletedByTheNextPublisher() throws Exception {
    AtomicBoolean crash = new AtomicBoolean(true);
    Releases crashing = publisher(key -> {
      if (key.startsWith("history/") && crash.getAndSet(false)) {
        throw new StoreException("simulated crash after claiming the sequence");
      }
    });
    assertThrows(StoreException.class, () -> crashing.publish(Fixtures.source("v1"), "alice"));
    Releases next = publisher(key -> { });
    EnvironmentStatus interrupted = next.status("dev");
    assertNull(interrupted.current());
    assertEquals(1L, interrupted.pendingSequence());

    ReleaseException e = assertThrows(ReleaseException.class, () -> next.publish(Fixtures.source("v2"), "bob"));
    assertEquals(Reason.CONFLICT, e.reason());
    assertTrue(e.getMessage().contains("taken by alice"), e.getMessage());
    Pointer completed = reader().pointer("dev").orElseThrow().pointer();
    assertEquals(1, completed.sequence());
    assertEquals(Fixtures.source("v1").revision(), completed.revision());
    assertEquals("alice", reader().history("dev", 1).orElseThrow().actor());

    assertEquals(2, next.publish(Fixtures.source("v2"), "bob").sequence());
    assertContiguous(reader(), 2);
  }

  @Test
  void aSlowWinnerIsToldItWonEvenAfterOthersBuiltOnItsPublication() throws Exception {
    CountDownLatch claimed = new CountDownLatch(1);
    CountDownLatch resume = new CountDownLatch(1);
    Releases slow = publisher(key -> {
      if (key.equals("history/dev/1.json")) {
        claimed.countDown();
        await(resume);
      }
    });
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<HistoryRecord> first = pool.submit(() -> slow.publish(Fixtures.source("slow"), "slow"));
      await(claimed);
      Releases others = publisher(key -> { });
      assertEquals(Reason.CONFLICT, assertThrows(ReleaseException.class,
          () -> others.publish(Fixtures.source("second"), "second")).reason(), "sequence 1 is taken, and completed");
      assertEquals(2, others.publish(Fixtures.source("third"), "third").sequence());
      resume.countDown();
      HistoryRecord won = first.get(60, TimeUnit.SECONDS);
      assertEquals(1, won.sequence());
      assertEquals(won, reader().history("dev", 1).orElseThrow());
      assertContiguous(reader(), 2);
    } finally {
      resume.countDown();
      pool.shutdownNow();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("timed out waiting for the other publisher");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aPointerDeletedByHandIsNotSilentlyRestartedAtOne() throws Exception {
    ObjectStore raw = LOCAL.open(bucket);
    raw.create("bundles/dev/1.tar.gz", new byte[] {1}, "application/gzip");
    raw.create("bundles/dev/2.tar.gz", new byte[] {2}, "application/gzip");
    ReleaseException e = assertThrows(ReleaseException.class,
        () -> publisher(key -> { }).publish(Fixtures.source("v1"), "alice"));
    assertEquals(Reason.REFUSED, e.reason());
    assertTrue(e.getMessage().contains("restore the pointer"), e.getMessage());
  }

  private static void assertContiguous(ReleaseStore store, long last) {
    List<Long> expected = LongStream.rangeClosed(1, last).boxed().toList();
    assertEquals(expected, store.bundleSequences("dev"), "bundles");
    List<HistoryRecord> history = store.history("dev");
    assertEquals(expected, history.stream().map(HistoryRecord::sequence).toList(), "history");
    for (int i = 1; i < history.size(); i++) {
      if (!history.get(i - 1).ref().equals(history.get(i).replaced())) {
        fail("sequence " + history.get(i).sequence() + " replaced " + history.get(i).replaced()
            + " instead of " + history.get(i - 1).ref());
      }
    }
  }
}
