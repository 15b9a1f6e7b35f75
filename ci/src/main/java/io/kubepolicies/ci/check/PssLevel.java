package io.kubepolicies.ci.check;

import java.util.Locale;
import java.util.Set;

/** A Pod Security Standards level, as the {@code pod-security.kubernetes.io/enforce} label names it. */
public enum PssLevel {
  BASELINE(Set.of("baseline")),
  RESTRICTED(Set.of("baseline", "restricted"));

  private final Set<String> includes;

  PssLevel(Set<String> includes) {
    this.includes = includes;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether a control of PSS level {@code controlLevel} ({@code metadata.pss}) belongs to this level. */
  boolean includes(String controlLevel) {
    return includes.contains(controlLevel);
  }
}
