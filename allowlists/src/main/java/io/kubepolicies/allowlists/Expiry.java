package io.kubepolicies.allowlists;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;

/** Expiry times: a date ends at that day's UTC midnight, an RFC 3339 time at that instant. */
final class Expiry {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
      .withResolverStyle(ResolverStyle.STRICT);

  private Expiry() {}

  /** The instant {@code text} names; {@link DateTimeException} when it names none (2027-02-30, 25:00). */
  static Instant parse(String text) {
    if (text.length() == 10) {
      return LocalDate.parse(text, DATE).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    return OffsetDateTime.parse(text.toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
  }

  /** Nanoseconds since the epoch, the unit of Rego's {@code time.now_ns()}; {@link ArithmeticException} past 2262. */
  static long nanos(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
  }
}
