package io.kubepolicies.rego.compile;

import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.RegoException;
import io.kubepolicies.rego.ast.Location;
import java.util.ArrayList;
import java.util.List;

/** Collects compile errors across stages, so one run reports as many problems as it can find. */
final class Errors {
  private final List<RegoError> errors = new ArrayList<>();

  void add(String code, String message, Location location) {
    errors.add(new RegoError(code, message, location));
  }

  boolean isEmpty() {
    return errors.isEmpty();
  }

  /** Ends a stage: throws everything found so far. */
  void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new RegoException(errors);
    }
  }
}
