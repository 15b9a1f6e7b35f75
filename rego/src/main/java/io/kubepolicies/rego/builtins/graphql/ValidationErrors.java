package io.kubepolicies.rego.builtins.graphql;

import java.util.ArrayList;
import java.util.List;

/** The errors the validation rules report, in the order they report them. */
final class ValidationErrors {
  private final List<GraphqlError> errors = new ArrayList<>();

  /** Adds an error located at the first known of {@code positions} (gqlparser shows only that one). */
  void add(String message, Position... positions) {
    Position at = null;
    for (Position p : positions) {
      if (p != null) {
        at = p;
        break;
      }
    }
    errors.add(new GraphqlError(at, message));
  }

  List<GraphqlError> list() {
    return List.copyOf(errors);
  }
}
