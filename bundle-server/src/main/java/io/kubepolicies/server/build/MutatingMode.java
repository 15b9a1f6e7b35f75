package io.kubepolicies.server.build;

import java.util.Locale;

/** What a mutating control's patches do: nothing, an audit annotation only, or change the object. */
public enum MutatingMode {
  OFF, DRYRUN, PATCH;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  static MutatingMode of(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}
