package io.kubepolicies.allowlists;

import java.util.Locale;
import java.util.Optional;

/** The environments a policy change passes through, lowest first. */
public enum Environment {
  DEV, STAGING, PROD;

  /** The name used in files and bundles: {@code dev}, {@code staging}, {@code prod}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Environment> of(String id) {
    for (Environment environment : values()) {
      if (environment.id().equals(id)) {
        return Optional.of(environment);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return id();
  }
}
