package io.kubepolicies.rego;

import io.kubepolicies.rego.ast.Location;
import java.util.List;
import java.util.stream.Collectors;

/** Parsing, compiling or evaluating failed; carries every error found (at least one). */
public class RegoException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<RegoError> errors;

  public RegoException(List<RegoError> errors) {
    super(errors.stream().map(RegoError::toString).collect(Collectors.joining("\n")));
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("no errors");
    }
    this.errors = List.copyOf(errors);
  }

  public RegoException(RegoError error) {
    this(List.of(error));
  }

  public RegoException(String code, String message, Location location) {
    this(new RegoError(code, message, location));
  }

  public List<RegoError> errors() {
    return errors;
  }

  public RegoError first() {
    return errors.get(0);
  }
}
