package io.kubepolicies.enforcer.config;

import java.nio.file.Path;
import java.util.Optional;

/** Where the decision log (one JSON line per admission request) goes. */
public record DecisionLogConfig(Mode mode, Optional<Path> file) {
  public static final DecisionLogConfig OFF = new DecisionLogConfig(Mode.OFF, Optional.empty());

  /** Off, standard output, or appended to {@code file}. */
  public enum Mode {
    OFF,
    STDOUT,
    FILE
  }

  public DecisionLogConfig {
    if (mode == Mode.FILE && file.isEmpty()) {
      throw new IllegalArgumentException("the decision log mode 'file' needs a file");
    }
  }
}
