package io.kubepolicies.server;

import io.kubepolicies.server.build.SnapshotBuilder;
import io.kubepolicies.server.gate.AllowlistCheck;
import io.kubepolicies.server.gate.Gate;
import io.kubepolicies.server.release.Environments;
import io.kubepolicies.server.release.Releases;
import io.kubepolicies.server.release.SigningKeys;
import io.kubepolicies.server.release.SoakPolicy;
import io.kubepolicies.server.store.ReleaseStore;
import java.time.Clock;
import java.util.List;

/** The production release wiring: the real gate (Rego tests and allowlists) and the real environment build. */
public final class ControlPlane {
  private ControlPlane() {}

  public static Releases releases(ReleaseStore store, Environments environments, SigningKeys keys, SoakPolicy soak,
      Clock clock) {
    return new Releases(store, environments, keys, soak, new Gate(List.of(new AllowlistCheck())), new SnapshotBuilder(),
        clock);
  }
}
