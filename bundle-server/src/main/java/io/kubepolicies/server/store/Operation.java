package io.kubepolicies.server.store;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a publication was. */
public enum Operation {
  /** A new revision built from source into the first environment. */
  PUBLISH,
  /** A revision that ran in the environment below, rebuilt for this one. */
  PROMOTE,
  /** The content of an earlier publication of this environment, under a new sequence. */
  ROLLBACK;

  @JsonValue
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
