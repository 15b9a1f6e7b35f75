package io.kubepolicies.server.release;

import java.time.Duration;
import java.util.Map;

/**
 * How long a revision must have been current in an environment before it may be promoted out of
 * it: {@code perEnvironment} by the lower environment's name, else {@code standard}.
 */
public record SoakPolicy(Duration standard, Map<String, Duration> perEnvironment) {
  public SoakPolicy {
    perEnvironment = Map.copyOf(perEnvironment);
    if (standard.isNegative() || perEnvironment.values().stream().anyMatch(Duration::isNegative)) {
      throw new IllegalArgumentException("soak times must not be negative");
    }
  }

  public static SoakPolicy of(Duration standard) {
    return new SoakPolicy(standard, Map.of());
  }

  public Duration in(String lowerEnvironment) {
    return perEnvironment.getOrDefault(lowerEnvironment, standard);
  }
}
