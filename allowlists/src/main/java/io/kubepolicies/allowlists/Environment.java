package io.kubepolicies.allowlists;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The environments a policy change passes through, lowest first. */
public enum Environment {
  DEV, STAGING, PROD;

  /** The name used in files and bundles: {@code dev}, {@code staging}, {@code prod}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Every environment's id, lowest first, for messages: {@code dev, staging, prod}. */
  public static String allIds() {
    return Arrays.stream(values()).map(Environment::id).collect(Collectors.joining(", "));
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
