package io.kubepolicies.rego.builtins.time;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** An instant seen in a zone: what Go's {@code time.Time} is for OPA's time built-ins. */
record ZonedTime(Instant instant, Zone zone) {
  int offset() {
    return zone.offsetAt(instant.getEpochSecond());
  }

  LocalDateTime local() {
    return LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.ofTotalSeconds(offset()));
  }

  String abbreviation() {
    return zone.abbreviationAt(instant.getEpochSecond());
  }

  ZonedTime in(Zone other) {
    return new ZonedTime(instant, other);
  }
}
