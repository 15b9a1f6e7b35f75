package io.kubepolicies.ci.release;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations on the command line: {@code 90s}, {@code 30m}, {@code 1h}, {@code 2d}, {@code 0}, or ISO-8601 ({@code PT1H30M}). */
final class Durations {
  private static final Pattern SHORT = Pattern.compile("(\\d{1,9})([smhd])");

  private Durations() {}

  static Duration parse(String text) {
    String value = text.strip();
    if (value.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = SHORT.matcher(value);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }
    try {
      Duration parsed = Duration.parse(value);
      if (parsed.isNegative()) {
        throw new IllegalArgumentException("a duration must not be negative: " + text);
      }
      return parsed;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not a duration: \"" + text + "\" (use e.g. 90s, 30m, 1h, 2d or PT1H30M)");
    }
  }
}
