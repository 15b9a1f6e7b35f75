package io.kubepolicies.server.build;

import java.util.Locale;

/** Where a validating control's violations go: nowhere, the audit log, a warning, or a denial. */
public enum ValidatingMode {
  OFF, MONITOR, WARN, DENY;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  static ValidatingMode of(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}
