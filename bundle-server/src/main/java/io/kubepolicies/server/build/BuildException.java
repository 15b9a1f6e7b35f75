package io.kubepolicies.server.build;

import java.util.List;

/** A bundle could not be built; the message says what failed and lists every reason, one per line. */
public class BuildException extends Exception {
  private static final long serialVersionUID = 1L;

  public BuildException(String summary, List<String> reasons) {
    super(reasons.isEmpty() ? summary : summary + ":\n  " + String.join("\n  ", reasons));
  }

  public BuildException(String message) {
    this(message, List.of());
  }
}
