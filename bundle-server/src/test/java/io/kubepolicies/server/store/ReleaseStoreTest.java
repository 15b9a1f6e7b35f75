package io.kubepolicies.server.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubepolicies.server.gate.GateCheck;
import io.kubepolicies.server.gate.GateResult;
import io.kubepolicies.server.testing.LocalStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ReleaseStoreTest {
  @RegisterExtension
  static final LocalStore LOCAL = new LocalStore();

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static HistoryRecord record(long sequence) {
    return new HistoryRecord(Operation.PUBLISH, "dev", sequence, "r" + sequence, "alice", Instant.parse("2026-11-26T10:00:00Z"),
        null, sequence == 1 ? null : new Ref("dev", sequence - 1, "r" + (sequence - 1)), Layout.bundle("dev", sequence),
        "dev-test", "ab", GateResult.of(List.of(GateCheck.pass("rego tests", "2 passed, 0 failed"))));
  }

  @Test
  void bundlesAreNeverOverwritten() {
    ReleaseStore store = new ReleaseStore(LOCAL.newBucket());
    assertTrue(store.createBundle("dev", 1, bytes("first")));
    assertFalse(store.createBundle("dev", 1, bytes("second")));
    assertArrayEquals(bytes("first"), store.bundle("dev", 1).orElseThrow());
  }

  @Test
  void pointerIsCreatedOnceThenReplacedOnlyFromTheETagRead() {
    ReleaseStore store = new ReleaseStore(LOCAL.newBucket());
    Pointer first = record(1).pointer();
    assertTrue(store.replacePointer(first, Optional.empty()));
    assertFalse(store.replacePointer(record(2).pointer(), Optional.empty()), "a second first write must fail");
    VersionedPointer read = store.pointer("dev").orElseThrow();
    assertEquals(first, read.pointer());
    assertTrue(store.replacePointer(record(2).pointer(), Optional.of(read)));
    assertFalse(store.replacePointer(record(3).pointer(), Optional.of(read)), "a stale ETag must not win");
    assertEquals(2, store.pointer("dev").orElseThrow().pointer().sequence());
  }

  @Test
  void pointerJsonHasTheContractFields() {
    ObjectStore objects = LOCAL.newBucket();
    new ReleaseStore(objects).replacePointer(record(1).pointer(), Optional.empty());
    String json = new String(objects.get("bundles/dev/current.json").orElseThrow().content(), StandardCharsets.UTF_8);
    for (String field : List.of("\"environment\" : \"dev\"", "\"sequence\" : 1", "\"revision\" : \"r1\"",
        "\"key\" : \"bundles/dev/1.tar.gz\"", "\"sha256\" : \"ab\"", "\"published_at\" : \"2026-11-26T10:00:00Z\"")) {
      assertTrue(json.contains(field), () -> field + " missing in " + json);
    }
  }

  @Test
  void historyIsListedInSequenceOrderAndRecordsAreWrittenOnce() {
    ReleaseStore store = new ReleaseStore(LOCAL.newBucket());
    for (long sequence : new long[] {10, 2, 1, 9}) {
      assertTrue(store.createHistory(record(sequence)));
    }
    assertFalse(store.createHistory(record(2)));
    assertEquals(List.of(1L, 2L, 9L, 10L), store.history("dev").stream().map(HistoryRecord::sequence).toList());
    assertEquals(record(9), store.history("dev", 9).orElseThrow());
  }

  @Test
  void bundleSequencesIgnoreThePointerAndStrayKeys() {
    ObjectStore objects = LOCAL.newBucket();
    ReleaseStore store = new ReleaseStore(objects);
    store.createBundle("dev", 3, bytes("x"));
    store.createBundle("dev", 12, bytes("x"));
    store.createBundle("staging", 1, bytes("x"));
    objects.create("bundles/dev/notes.txt", bytes("x"), "text/plain");
    objects.create("bundles/dev/007.tar.gz", bytes("x"), "application/gzip");
    store.replacePointer(record(3).pointer(), Optional.empty());
    assertEquals(List.of(3L, 12L), store.bundleSequences("dev"));
  }

  @Test
  void corruptPointerIsReportedWithItsKey() {
    ObjectStore objects = LOCAL.newBucket();
    objects.create("bundles/dev/current.json", bytes("{\"sequence\": \"many\"}"), "application/json");
    StoreException e = assertThrows(StoreException.class, () -> new ReleaseStore(objects).pointer("dev"));
    assertTrue(e.getMessage().contains("bundles/dev/current.json"), e.getMessage());
  }

  @Test
  void conditionalWriteCheckPassesOnAStoreThatHonoursThem() {
    ObjectStore objects = LOCAL.newBucket();
    new ReleaseStore(objects).checkConditionalWrites();
    new ReleaseStore(objects).checkConditionalWrites();
    assertEquals(List.of("probes/conditional-write"), objects.list(""));
  }

  @Test
  void storeThatIgnoresIfNoneMatchIsRefused() {
    ObjectStore objects = LOCAL.newBucket();
    ObjectStore ignoring = new ObjectStore() {
      @Override
      public Optional<StoredObject> get(String key) {
        return objects.get(key);
      }

      @Override
      public Optional<String> create(String key, byte[] content, String contentType) {
        return Optional.of("\"etag\"");
      }

      @Override
      public Optional<String> replace(String key, byte[] content, String contentType, String etag) {
        return Optional.of("\"etag\"");
      }

      @Override
      public List<String> list(String prefix) {
        return objects.list(prefix);
      }

      @Override
      public void close() {
      }
    };
    StoreException e = assertThrows(StoreException.class, () -> new ReleaseStore(ignoring).checkConditionalWrites());
    assertTrue(e.getMessage().contains("If-None-Match"), e.getMessage());
  }

  @Test
  void missingObjectsAreEmpty() {
    ReleaseStore store = new ReleaseStore(LOCAL.newBucket());
    assertTrue(store.pointer("dev").isEmpty());
    assertTrue(store.bundle("dev", 1).isEmpty());
    assertTrue(store.history("dev").isEmpty());
    assertTrue(store.source("r1").isEmpty());
  }

  @Test
  void wrongCredentialsAreAStoreErrorNamingTheBucket() {
    StoreConfig good = LOCAL.s3().config("bucket-x");
    StoreConfig bad = new StoreConfig(good.endpoint(), good.region(), good.bucket(), good.accessKeyId(), "wrong", true);
    try (S3ObjectStore objects = S3ObjectStore.open(bad)) {
      StoreException e = assertThrows(StoreException.class, () -> objects.get("bundles/dev/current.json"));
      assertTrue(e.getMessage().contains("bucket-x") && e.getMessage().contains("403"), e.getMessage());
    }
  }

  @Test
  void namesThatCouldEscapeTheLayoutAreRefused() {
    for (String env : new String[] {"", "Dev", "../prod", "dev/x", "-dev", "a b"}) {
      assertThrows(IllegalArgumentException.class, () -> Layout.pointer(env), env);
    }
    for (String revision : new String[] {"", "../x", "a/b", ".hidden", "x".repeat(129)}) {
      assertThrows(IllegalArgumentException.class, () -> Layout.source(revision), revision);
    }
    assertEquals("bundles/prod-eu-1/7.tar.gz", Layout.bundle("prod-eu-1", 7));
  }
}
