package io.kubepolicies.server.release;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubepolicies.server.Sha256;
import io.kubepolicies.server.gate.Gate;
import io.kubepolicies.server.release.ReleaseException.Reason;
import io.kubepolicies.server.source.SourceSnapshot;
import io.kubepolicies.server.store.HistoryRecord;
import io.kubepolicies.server.store.ObjectStore;
import io.kubepolicies.server.store.Operation;
import io.kubepolicies.server.store.Pointer;
import io.kubepolicies.server.store.Ref;
import io.kubepolicies.server.store.ReleaseStore;
import io.kubepolicies.server.store.StoreException;
import io.kubepolicies.server.testing.FixtureBuilder;
import io.kubepolicies.server.testing.Fixtures;
import io.kubepolicies.server.testing.LocalStore;
import io.kubepolicies.server.testing.MutableClock;
import io.kubepolicies.server.testing.TestKeys;
import io.kubepolicies.signing.BundleException;
import io.kubepolicies.signing.bundle.Bundle;
import io.kubepolicies.signing.bundle.BundleFile;
import io.kubepolicies.signing.bundle.BundleReader;
import io.kubepolicies.signing.bundle.FileKind;
import io.kubepolicies.signing.signature.BundleVerifier;
import io.kubepolicies.signing.signature.VerificationPolicy;
import io.kubepolicies.signing.signature.VerifiedBundle;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ReleasesTest {
  @RegisterExtension
  static final LocalStore LOCAL = new LocalStore();

  private static final Instant START = Instant.parse("2026-11-26T09:00:00Z");

  private final MutableClock clock = new MutableClock(START);
  private TestKeys keys;
  private ObjectStore objects;
  private ReleaseStore store;
  private Releases releases;

  @BeforeEach
  void setUp() throws Exception {
    keys = new TestKeys(Environments.DEFAULT.order());
    objects = LOCAL.newBucket();
    store = new ReleaseStore(objects);
    releases = new Releases(store, Environments.DEFAULT, keys.signing(),
        new SoakPolicy(Duration.ofHours(1), Map.of("staging", Duration.ofHours(24))),
        new Gate(List.of()), new FixtureBuilder(), clock);
  }

  private VerifiedBundle verify(String environment, long sequence) throws Exception {
    byte[] archive = store.bundle(environment, sequence).orElseThrow();
    Bundle bundle = new BundleReader().read(new ByteArrayInputStream(archive));
    return new BundleVerifier(keys.trusted(environment))
        .verify(bundle, VerificationPolicy.ANY.forEnvironment(environment, sequence));
  }

  private static String dataJson(VerifiedBundle bundle) {
    return bundle.bundle().data().toJson();
  }

  @Test
  void publishGatesBuildsSignsAndPointsTheFirstEnvironmentAtIt() throws Exception {
    SourceSnapshot source = Fixtures.source("v1");
    HistoryRecord record = releases.publish(source, "alice");

    assertEquals(Operation.PUBLISH, record.operation());
    assertEquals(new Ref("dev", 1, source.revision()), record.ref());
    assertEquals("alice", record.actor());
    assertEquals(START, record.at());
    assertNull(record.from());
    assertNull(record.replaced());
    assertEquals("dev-test", record.keyId());
    assertTrue(record.gate().passed());
    assertEquals("2 passed, 0 failed", record.gate().checks().stream()
        .filter(c -> c.name().equals(Gate.TESTS)).findFirst().orElseThrow().summary());

    Pointer pointer = store.pointer("dev").orElseThrow().pointer();
    assertEquals(record.pointer(), pointer);
    assertEquals("bundles/dev/1.tar.gz", pointer.key());
    assertEquals(Sha256.hex(store.bundle("dev", 1).orElseThrow()), pointer.sha256());
    assertEquals(record, store.history("dev", 1).orElseThrow());

    VerifiedBundle verified = verify("dev", 1);
    assertEquals(OptionalLong.of(1), verified.claims().sequence());
    assertEquals(Optional.of("dev"), verified.claims().environment());
    assertEquals(source.revision(), verified.bundle().manifest().revision());
    assertTrue(dataJson(verified).contains("\"environment\":\"dev\""), dataJson(verified));
    assertTrue(verified.bundle().file("lib/privileged.rego").isPresent());
    assertFalse(verified.bundle().file("lib/privileged_test.rego").isPresent(), "tests stay out of bundles");
    assertArrayEquals(source.toArchive(), store.source(source.revision()).orElseThrow());
  }

  @Test
  void eachPublishIsTheNextSequenceAndNamesWhatItReplaced() {
    HistoryRecord first = releases.publish(Fixtures.source("v1"), "alice");
    clock.advance(Duration.ofMinutes(5));
    HistoryRecord second = releases.publish(Fixtures.source("v2"), "bob");
    assertEquals(2, second.sequence());
    assertEquals(first.ref(), second.replaced());
    assertEquals(List.of(first, second), releases.history("dev"));
    EnvironmentStatus status = releases.status("dev");
    assertEquals(second.pointer(), status.current());
    assertEquals(second, status.record());
    assertNull(status.pendingSequence());
  }

  @Test
  void republishingTheCurrentRevisionIsRefused() {
    releases.publish(Fixtures.source("v1"), "alice");
    ReleaseException e = assertThrows(ReleaseException.class, () -> releases.publish(Fixtures.source("v1"), "alice"));
    assertEquals(Reason.REFUSED, e.reason());
    assertTrue(e.getMessage().contains("already runs"), e.getMessage());
    assertEquals(List.of(1L), store.bundleSequences("dev"));
  }

  @Test
  void failingPolicyTestBlocksPublishingAndWritesNothing() {
    SourceSnapshot broken = Fixtures.withFile("v1", "policies/lib/broken_test.rego", Fixtures.FAILING_TEST);
    ReleaseException e = assertThrows(ReleaseException.class, () -> releases.publish(broken, "alice"));
    assertEquals(Reason.GATE_FAILED, e.reason());
    assertTrue(e.getMessage().contains("test_expects_the_impossible: FAIL"), e.getMessage());
    assertTrue(e.getMessage().contains("policies/lib/broken_test.rego:"), e.getMessage());
    assertFalse(e.gate().orElseThrow().passed());
    assertTrue(objects.list("").isEmpty(), () -> "written: " + objects.list(""));
  }

  @Test
  void moduleThatDoesNotCompileBlocksPublishing() {
    SourceSnapshot broken = Fixtures.withFile("v1", "policies/lib/bad.rego",
        "package kube_policies.policies.bad\n\nviolation contains x if { x := y }\n");
    ReleaseException e = assertThrows(ReleaseException.class, () -> releases.publish(broken, "alice"));
    assertEquals(Reason.GATE_FAILED, e.reason());
    assertTrue(e.getMessage().contains(Gate.COMPILE), e.getMessage());
    assertTrue(objects.list("").isEmpty());
  }

  @Test
  void buildFailureIsAGateFailureNamingTheEnvironment() {
    SourceSnapshot noStages = Fixtures.withFile("v1", "policies/stages.yaml", "environments: {staging: {}}\n");
    ReleaseException e = assertThrows(ReleaseException.class, () -> releases.publish(noStages, "alice"));
    assertEquals(Reason.GATE_FAILED, e.reason());
    assertTrue(e.getMessage().contains("bundle builds (dev)") && e.getMessage().contains("no stages for dev"),
        e.getMessage());
    assertTrue(objects.list("").isEmpty());
  }

  @Test
  void promotionNeedsTheSoakTimeBelowThenRebuildsAndSignsForTheTarget() throws Exception {
    HistoryRecord dev = releases.publish(Fixtures.source("v1"), "alice");
    clock.advance(Duration.ofMinutes(59));
    ReleaseException early = assertThrows(ReleaseException.class,
        () -> releases.promote("staging", Optional.empty(), "bob"));
    assertEquals(Reason.REFUSED, early.reason());
    assertTrue(early.getMessage().contains("59m of the 1h soak time"), early.getMessage());
    assertTrue(store.pointer("staging").isEmpty());

    clock.advance(Duration.ofMinutes(1));
    HistoryRecord staging = releases.promote("staging", Optional.empty(), "bob");
    assertEquals(Operation.PROMOTE, staging.operation());
    assertEquals(new Ref("staging", 1, dev.revision()), staging.ref());
    assertEquals(dev.ref(), staging.from());
    assertEquals("staging-test", staging.keyId());
    VerifiedBundle verified = verify("staging", 1);
    assertTrue(dataJson(verified).contains("\"environment\":\"staging\""));
    assertTrue(dataJson(verified).contains("\"validating\":\"warn\""), "staging's stages");
    assertThrows(BundleException.class, () -> new BundleVerifier(keys.trusted("dev")).verify(verified.bundle(),
        VerificationPolicy.ANY.forEnvironment("dev", 0)), "a dev enforcer must refuse the staging bundle");

    clock.advance(Duration.ofHours(23));
    assertEquals(Reason.REFUSED, assertThrows(ReleaseException.class,
        () -> releases.promote("prod", Optional.empty(), "carol")).reason(), "staging's soak is 24h");
    clock.advance(Duration.ofHours(1));
    HistoryRecord prod = releases.promote("prod", Optional.empty(), "carol");
    assertEquals(staging.ref(), prod.from());
    assertTrue(dataJson(verify("prod", 1)).contains("\"validating\":\"deny\""));
  }

  @Test
  void aRevisionReplacedBelowStillCountsOnlyTheTimeItWasCurrent() {
    HistoryRecord v1 = releases.publish(Fixtures.source("v1"), "alice");
    clock.advance(Duration.ofMinutes(10));
    releases.publish(Fixtures.source("v2"), "alice");
    clock.advance(Duration.ofHours(3));
    ReleaseException e = assertThrows(ReleaseException.class,
        () -> releases.promote("staging", Optional.of(v1.revision()), "bob"));
    assertEquals(Reason.REFUSED, e.reason());
    assertTrue(e.getMessage().contains("10m of the 1h"), e.getMessage());
  }

  @Test
  void aRevisionThatWasCurrentBelowCanBePromotedAfterItWasReplaced() {
    HistoryRecord v1 = releases.publish(Fixtures.source("v1"), "alice");
    clock.advance(Duration.ofHours(2));
    releases.publish(Fixtures.source("v2"), "alice");
    HistoryRecord staging = releases.promote("staging", Optional.of(v1.revision()), "bob");
    assertEquals(v1.revision(), staging.revision());
    assertEquals(v1.ref(), staging.from());
  }

  @Test
  void onlyRevisionsThatWereCurrentBelowArePromotedOneStepAtATime() {
    releases.publish(Fixtures.source("v1"), "alice");
    clock.advance(Duration.ofDays(2));
    ReleaseException never = assertThrows(ReleaseException.class,
        () -> releases.promote("staging", Optional.of(Fixtures.source("other").revision()), "bob"));
    assertEquals(Reason.REFUSED, never.reason());
    assertTrue(never.getMessage().contains("never been current in dev"), never.getMessage());
    ReleaseException skip = assertThrows(ReleaseException.class, () -> releases.promote("prod", Optional.empty(), "bob"));
    assertEquals(Reason.NOT_FOUND, skip.reason());
    assertTrue(skip.getMessage().contains("nothing has been published to staging"), skip.getMessage());
    assertEquals(Reason.REFUSED, assertThrows(ReleaseException.class,
        () -> releases.promote("dev", Optional.empty(), "bob")).reason());
    assertEquals(Reason.NOT_FOUND, assertThrows(ReleaseException.class,
        () -> releases.promote("qa", Optional.empty(), "bob")).reason());
    assertEquals(Reason.INVALID, assertThrows(ReleaseException.class,
        () -> releases.promote("staging", Optional.of("../x"), "bob")).reason());
  }

  @Test
  void promotingWhatTheTargetRunsIsRefused() {
    releases.publish(Fixtures.source("v1"), "alice");
    clock.advance(Duration.ofHours(2));
    releases.promote("staging", Optional.empty(), "bob");
    assertEquals(Reason.REFUSED, assertThrows(ReleaseException.class,
        () -> releases.promote("staging", Optional.empty(), "bob")).reason());
  }

  @Test
  void rollbackRepublishesTheEarlierContentUnderANewSequence() throws Exception {
    HistoryRecord v1 = releases.publish(Fixtures.source("v1"), "alice");
    releases.publish(Fixtures.source("v2"), "alice");
    clock.advance(Duration.ofMinutes(1));
    HistoryRecord back = releases.rollback("dev", OptionalLong.empty(), "oncall");

    assertEquals(Operation.ROLLBACK, back.operation());
    assertEquals(new Ref("dev", 3, v1.revision()), back.ref());
    assertEquals(v1.ref(), back.from());
    assertEquals(2, back.replaced().sequence());
    assertEquals(back.pointer(), store.pointer("dev").orElseThrow().pointer());
    VerifiedBundle republished = verify("dev", 3);
    assertEquals(OptionalLong.of(3), republished.claims().sequence());
    assertSameContent(verify("dev", 1).bundle(), republished.bundle());
  }

  @Test
  void rollbackToAChosenSequence() {
    HistoryRecord v1 = releases.publish(Fixtures.source("v1"), "alice");
    releases.publish(Fixtures.source("v2"), "alice");
    releases.publish(Fixtures.source("v3"), "alice");
    HistoryRecord back = releases.rollback("dev", OptionalLong.of(1), "oncall");
    assertEquals(v1.revision(), back.revision());
    assertEquals(4, back.sequence());
  }

  @Test
  void rollbackRefusals() {
    assertEquals(Reason.NOT_FOUND, assertThrows(ReleaseException.class,
        () -> releases.rollback("dev", OptionalLong.empty(), "oncall")).reason());
    releases.publish(Fixtures.source("v1"), "alice");
    assertEquals(Reason.NOT_FOUND, assertThrows(ReleaseException.class,
        () -> releases.rollback("dev", OptionalLong.empty(), "oncall")).reason(), "no other revision to go back to");
    releases.publish(Fixtures.source("v2"), "alice");
    assertEquals(Reason.INVALID, assertThrows(ReleaseException.class,
        () -> releases.rollback("dev", OptionalLong.of(2), "oncall")).reason(), "the current sequence");
    assertEquals(Reason.INVALID, assertThrows(ReleaseException.class,
        () -> releases.rollback("dev", OptionalLong.of(7), "oncall")).reason(), "a future sequence");
    assertEquals(Reason.NOT_FOUND, assertThrows(ReleaseException.class,
        () -> releases.rollback("dev", OptionalLong.of(0), "oncall")).reason());
    releases.rollback("dev", OptionalLong.empty(), "oncall");
    assertEquals(Reason.REFUSED, assertThrows(ReleaseException.class,
        () -> releases.rollback("dev", OptionalLong.of(1), "oncall")).reason(), "dev runs v1 again already");
  }

  @Test
  void rollbackRefusesABundleThatNoLongerMatchesItsRecord() {
    releases.publish(Fixtures.source("v1"), "alice");
    releases.publish(Fixtures.source("v2"), "alice");
    String etag = objects.get("bundles/dev/1.tar.gz").orElseThrow().etag();
    objects.replace("bundles/dev/1.tar.gz", "tampered".getBytes(StandardCharsets.UTF_8), "application/gzip", etag);
    StoreException e = assertThrows(StoreException.class, () -> releases.rollback("dev", OptionalLong.empty(), "oncall"));
    assertTrue(e.getMessage().contains("does not match the sha256"), e.getMessage());
    assertEquals(2, store.pointer("dev").orElseThrow().pointer().sequence());
  }

  @Test
  void statusCoversEveryEnvironment() {
    releases.publish(Fixtures.source("v1"), "alice");
    List<EnvironmentStatus> all = releases.status();
    assertEquals(List.of("dev", "staging", "prod"), all.stream().map(EnvironmentStatus::environment).toList());
    assertEquals(1, all.get(0).current().sequence());
    assertNull(all.get(1).current());
    assertNull(all.get(1).record());
  }

  @Test
  void missingSigningKeyIsRefusedBeforeAnythingRuns() {
    Releases noKeys = new Releases(store, Environments.DEFAULT, new SigningKeys(Map.of()),
        SoakPolicy.of(Duration.ZERO), new Gate(List.of()), new FixtureBuilder(), clock);
    ReleaseException e = assertThrows(ReleaseException.class, () -> noKeys.publish(Fixtures.source("v1"), "alice"));
    assertEquals(Reason.REFUSED, e.reason());
    assertTrue(e.getMessage().contains("no signing key"), e.getMessage());
  }

  private static void assertSameContent(Bundle expected, Bundle actual) {
    List<BundleFile> want = expected.files().stream().filter(f -> f.kind() != FileKind.MANIFEST).toList();
    List<BundleFile> got = actual.files().stream().filter(f -> f.kind() != FileKind.MANIFEST).toList();
    assertEquals(want.stream().map(BundleFile::path).toList(), got.stream().map(BundleFile::path).toList());
    for (int i = 0; i < want.size(); i++) {
      assertTrue(want.get(i).sameContent(got.get(i)), want.get(i).path());
    }
  }
}
