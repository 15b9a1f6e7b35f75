package io.kubepolicies.server.release;

import io.kubepolicies.server.Sha256;
import io.kubepolicies.server.gate.Gate;
import io.kubepolicies.server.gate.GateCheck;
import io.kubepolicies.server.gate.GateResult;
import io.kubepolicies.server.release.Publisher.Draft;
import io.kubepolicies.server.release.ReleaseException.Reason;
import io.kubepolicies.server.source.SourceSnapshot;
import io.kubepolicies.server.store.HistoryRecord;
import io.kubepolicies.server.store.Layout;
import io.kubepolicies.server.store.Operation;
import io.kubepolicies.server.store.Pointer;
import io.kubepolicies.server.store.Ref;
import io.kubepolicies.server.store.ReleaseStore;
import io.kubepolicies.server.store.StoreException;
import io.kubepolicies.server.store.VersionedPointer;
import io.kubepolicies.signing.BundleException;
import io.kubepolicies.signing.bundle.Bundle;
import io.kubepolicies.signing.bundle.BundleReader;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The release control plane: publish from source into the first environment, promote one
 * environment up, roll back, and report status and history. Every publication goes through the
 * gate, is signed with the environment's key and committed by the {@link Publisher}.
 */
public final class Releases {
  private final ReleaseStore store;
  private final Environments environments;
  private final SigningKeys keys;
  private final SoakPolicy soak;
  private final Gate gate;
  private final BundleBuilder builder;
  private final Clock clock;
  private final Publisher publisher;

  public Releases(ReleaseStore store, Environments environments, SigningKeys keys, SoakPolicy soak, Gate gate,
      BundleBuilder builder, Clock clock) {
    this.store = store;
    this.environments = environments;
    this.keys = keys;
    this.soak = soak;
    this.gate = gate;
    this.builder = builder;
    this.clock = clock;
    this.publisher = new Publisher(store);
  }

  public Environments environments() {
    return environments;
  }

  /** The operations on behalf of {@code actor}, who is named in every history record they write. */
  public ReleaseOperations as(String actor) {
    if (actor == null || actor.isBlank()) {
      throw new IllegalArgumentException("an actor is required");
    }
    return new Acting(actor);
  }

  public HistoryRecord publish(SourceSnapshot source, String actor) {
    String environment = environments.first();
    EnvironmentKey key = keys.forEnvironment(environment);
    refuseIfCurrent(environment, source.revision());
    GateResult result = gate.checkSource(source);
    Bundle bundle = null;
    if (result.passed()) {
      Built built = build(source, environment);
      result = result.and(built.gate());
      bundle = built.bundle();
    }
    if (!result.passed()) {
      throw ReleaseException.gateFailed("revision " + source.revision() + " for " + environment, result);
    }
    storeSource(source);
    return publisher.publish(new Draft(Operation.PUBLISH, environment, source.revision(), actor, clock.instant(), null,
        result, bundle), key);
  }

  public HistoryRecord promote(String environment, Optional<String> revision, String actor) {
    String lower = environments.below(environments.check(environment)).orElseThrow(() -> new ReleaseException(
        Reason.REFUSED, environment + " is the first environment: publish to it instead of promoting"));
    EnvironmentKey key = keys.forEnvironment(environment);
    Pointer lowerCurrent = store.pointer(lower).map(VersionedPointer::pointer).orElseThrow(() -> new ReleaseException(
        Reason.NOT_FOUND, "nothing has been published to " + lower + " yet, so there is nothing to promote"));
    String wanted = revision.map(Releases::checkRevision).orElse(lowerCurrent.revision());
    refuseIfCurrent(environment, wanted);
    List<HistoryRecord> lowerHistory = store.history(lower);
    Ref from = lastCurrent(lowerHistory, lowerCurrent, wanted).orElseThrow(() -> new ReleaseException(Reason.REFUSED,
        "revision " + wanted + " has never been current in " + lower + ", so it cannot be promoted to " + environment));
    Instant now = clock.instant();
    Duration soaked = timeCurrent(lowerHistory, lowerCurrent, wanted, now);
    Duration required = soak.in(lower);
    if (soaked.compareTo(required) < 0) {
      throw new ReleaseException(Reason.REFUSED, "revision " + wanted + " has been current in " + lower + " for "
          + describe(soaked) + " of the " + describe(required) + " soak time required before promotion to "
          + environment + " (eligible in " + describe(required.minus(soaked)) + ")");
    }
    SourceSnapshot source = loadSource(wanted);
    GateResult result = gate.checkSource(source);
    Built built = result.passed() ? build(source, environment) : null;
    if (built != null) {
      result = result.and(built.gate());
    }
    if (!result.passed()) {
      throw ReleaseException.gateFailed("revision " + wanted + " for " + environment, result);
    }
    return publisher.publish(new Draft(Operation.PROMOTE, environment, wanted, actor, now, from, result,
        built.bundle()), key);
  }

  public HistoryRecord rollback(String environment, OptionalLong sequence, String actor) {
    environments.check(environment);
    EnvironmentKey key = keys.forEnvironment(environment);
    Pointer current = store.pointer(environment).map(VersionedPointer::pointer).orElseThrow(() -> new ReleaseException(
        Reason.NOT_FOUND, "nothing has been published to " + environment + " yet, so there is nothing to roll back"));
    List<HistoryRecord> history = store.history(environment);
    HistoryRecord target = sequence.isPresent()
        ? rollbackTarget(history, current, sequence.getAsLong())
        : history.stream()
            .filter(r -> r.sequence() < current.sequence() && !r.revision().equals(current.revision()))
            .reduce((a, b) -> b)
            .orElseThrow(() -> new ReleaseException(Reason.NOT_FOUND, environment
                + " has no earlier publication with a revision other than the current " + current.revision()));
    byte[] archive = store.bundle(environment, target.sequence()).orElseThrow(() -> new StoreException(
        "object store: " + target.key() + " is missing although history records it"));
    if (!Sha256.hex(archive).equals(target.sha256())) {
      throw new StoreException("object store: " + target.key() + " does not match the sha256 its history record holds;"
          + " refusing to republish it");
    }
    Bundle content;
    try {
      content = new BundleReader().read(new ByteArrayInputStream(archive));
    } catch (BundleException e) {
      throw new StoreException("object store: " + target.key() + " is not a readable bundle: " + e.getMessage(), e);
    }
    GateResult result = gate.checkBundle(environment, content);
    if (!result.passed()) {
      throw ReleaseException.gateFailed("rollback of " + environment + " to sequence " + target.sequence(), result);
    }
    return publisher.publish(new Draft(Operation.ROLLBACK, environment, target.revision(), actor, clock.instant(),
        target.ref(), result, content), key);
  }

  public List<EnvironmentStatus> status() {
    return environments.order().stream().map(this::status).toList();
  }

  public EnvironmentStatus status(String environment) {
    environments.check(environment);
    Optional<Pointer> current = store.pointer(environment).map(VersionedPointer::pointer);
    long next = current.map(p -> p.sequence() + 1).orElse(1L);
    boolean pending = store.bundleSequences(environment).contains(next);
    return new EnvironmentStatus(environment, current.orElse(null),
        current.flatMap(p -> store.history(environment, p.sequence())).orElse(null), pending ? next : null);
  }

  public List<HistoryRecord> history(String environment) {
    return store.history(environments.check(environment));
  }

  private void refuseIfCurrent(String environment, String revision) {
    store.pointer(environment).map(VersionedPointer::pointer).filter(p -> p.revision().equals(revision)).ifPresent(p -> {
      throw new ReleaseException(Reason.REFUSED, environment + " already runs revision " + revision + " (sequence "
          + p.sequence() + "); nothing to publish");
    });
  }

  private record Built(Bundle bundle, GateResult gate) {}

  /** Builds and checks one environment's bundle; a build failure is a failed gate check, not an error. */
  private Built build(SourceSnapshot source, String environment) {
    Bundle bundle;
    try {
      bundle = builder.build(source, environment);
    } catch (Exception e) {
      return new Built(null, GateResult.of(List.of(GateCheck.fail("bundle builds (" + environment + ")",
          "the build failed", List.of(String.valueOf(e.getMessage()))))));
    }
    GateResult built = GateResult.of(List.of(GateCheck.pass("bundle builds (" + environment + ")",
        bundle.files().size() + " files")));
    return new Built(bundle, built.and(gate.checkBundle(environment, bundle)));
  }

  /** Keeps the snapshot for later promotion; a revision names its content, so an existing one must be identical. */
  private void storeSource(SourceSnapshot source) {
    byte[] archive;
    try {
      archive = source.toArchive();
    } catch (BundleException e) {
      throw new ReleaseException(Reason.INVALID, "cannot archive the source: " + e.getMessage());
    }
    if (!store.createSource(source.revision(), archive)
        && !Arrays.equals(store.source(source.revision()).orElse(null), archive)) {
      throw new StoreException("object store: " + Layout.source(source.revision())
          + " holds different content for the same revision; refusing to publish");
    }
  }

  private SourceSnapshot loadSource(String revision) {
    byte[] archive = store.source(revision).orElseThrow(() -> new ReleaseException(Reason.NOT_FOUND,
        "the source of revision " + revision + " is not in the store (" + Layout.source(revision) + ")"));
    try {
      return SourceSnapshot.read(archive);
    } catch (BundleException e) {
      throw new StoreException("object store: " + Layout.source(revision) + " is corrupt: " + e.getMessage(), e);
    }
  }

  private static String checkRevision(String revision) {
    try {
      return Layout.checkRevision(revision);
    } catch (IllegalArgumentException e) {
      throw new ReleaseException(Reason.INVALID, e.getMessage());
    }
  }

  private static HistoryRecord rollbackTarget(List<HistoryRecord> history, Pointer current, long sequence) {
    if (sequence >= current.sequence()) {
      throw new ReleaseException(Reason.INVALID, "can only roll back to an earlier sequence than the current "
          + current.sequence() + ", not " + sequence);
    }
    HistoryRecord target = history.stream().filter(r -> r.sequence() == sequence).findFirst()
        .orElseThrow(() -> new ReleaseException(Reason.NOT_FOUND, current.environment() + " has no sequence " + sequence));
    if (target.revision().equals(current.revision())) {
      throw new ReleaseException(Reason.REFUSED, current.environment() + " already runs revision " + target.revision()
          + " (sequence " + current.sequence() + "); nothing to roll back");
    }
    return target;
  }

  /** The last publication of {@code revision} that became current (sequences up to the pointer's did). */
  private static Optional<Ref> lastCurrent(List<HistoryRecord> history, Pointer current, String revision) {
    return history.stream()
        .filter(r -> r.sequence() <= current.sequence() && r.revision().equals(revision))
        .reduce((a, b) -> b)
        .map(HistoryRecord::ref);
  }

  /** How long {@code revision} has been current in all: each publication of it until the next one. */
  private static Duration timeCurrent(List<HistoryRecord> history, Pointer current, String revision, Instant now) {
    List<HistoryRecord> became = history.stream().filter(r -> r.sequence() <= current.sequence()).toList();
    Duration total = Duration.ZERO;
    for (int i = 0; i < became.size(); i++) {
      if (!became.get(i).revision().equals(revision)) {
        continue;
      }
      Instant until = i + 1 < became.size() ? became.get(i + 1).at() : now;
      Duration stint = Duration.between(became.get(i).at(), until);
      total = stint.isNegative() ? total : total.plus(stint);
    }
    return total;
  }

  private static String describe(Duration duration) {
    long seconds = Math.max(0, duration.toSeconds());
    if (seconds >= 3600) {
      return seconds / 3600 + "h" + (seconds % 3600 / 60 == 0 ? "" : seconds % 3600 / 60 + "m");
    }
    return seconds >= 60 ? seconds / 60 + "m" + (seconds % 60 == 0 ? "" : seconds % 60 + "s") : seconds + "s";
  }

  private final class Acting implements ReleaseOperations {
    private final String actor;

    private Acting(String actor) {
      this.actor = actor;
    }

    @Override
    public HistoryRecord publish(SourceSnapshot source) {
      return Releases.this.publish(source, actor);
    }

    @Override
    public HistoryRecord promote(String environment, Optional<String> revision) {
      return Releases.this.promote(environment, revision, actor);
    }

    @Override
    public HistoryRecord rollback(String environment, OptionalLong sequence) {
      return Releases.this.rollback(environment, sequence, actor);
    }

    @Override
    public List<EnvironmentStatus> status() {
      return Releases.this.status();
    }

    @Override
    public EnvironmentStatus status(String environment) {
      return Releases.this.status(environment);
    }

    @Override
    public List<HistoryRecord> history(String environment) {
      return Releases.this.history(environment);
    }
  }
}
