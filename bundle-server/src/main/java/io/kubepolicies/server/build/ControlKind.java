package io.kubepolicies.server.build;

import java.util.List;
import java.util.Optional;

/**
 * The two kinds of control, told apart by package: {@code kube_policies.policies.<id>} validates,
 * {@code kube_policies.mutations.<id>} mutates.
 */
public enum ControlKind {
  VALIDATING("policies", "validating"),
  MUTATING("mutations", "mutating");

  private final String packageSegment;
  private final String modeKey;

  ControlKind(String packageSegment, String modeKey) {
    this.packageSegment = packageSegment;
    this.modeKey = modeKey;
  }

  /** The key of this kind's mode in a stage ({@code validating} / {@code mutating}). */
  public String modeKey() {
    return modeKey;
  }

  /** The kind a package path (below {@code data}) declares a control of, if it declares one. */
  static Optional<ControlKind> ofPackage(List<String> path) {
    if (path.size() != 3 || !path.get(0).equals("kube_policies")) {
      return Optional.empty();
    }
    for (ControlKind kind : values()) {
      if (kind.packageSegment.equals(path.get(1))) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
