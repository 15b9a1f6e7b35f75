package io.kubepolicies.rego.builtins.time;

import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/** Go's {@code Time.Format}: renders a time by a reference-time layout. */
final class GoFormat {
  private GoFormat() {}

  /** Formats {@code time} by {@code layout} (plain text, not a layout name). */
  static String format(ZonedTime time, String layout) {
    String rest = GoBytes.of(layout);
    LocalDateTime local = time.local();
    int offset = time.offset();
    StringBuilder b = new StringBuilder(rest.length() + 10);
    while (!rest.isEmpty()) {
      Layout.Chunk chunk = Layout.next(rest);
      b.append(chunk.prefix());
      if (chunk.element() == null) {
        break;
      }
      rest = chunk.suffix();
      append(b, chunk, time, local, offset);
    }
    return GoBytes.text(b.toString());
  }

  private static void append(StringBuilder b, Layout.Chunk chunk, ZonedTime time, LocalDateTime t, int offset) {
    LayoutElement e = chunk.element();
    int hour = t.getHour();
    switch (e) {
      case YEAR -> appendInt(b, Math.abs(t.getYear()) % 100, 2);
      case LONG_YEAR -> appendInt(b, t.getYear(), 4);
      case MONTH -> b.append(monthName(t).substring(0, 3));
      case LONG_MONTH -> b.append(monthName(t));
      case NUM_MONTH -> appendInt(b, t.getMonthValue(), 0);
      case ZERO_MONTH -> appendInt(b, t.getMonthValue(), 2);
      case WEEKDAY -> b.append(weekdayName(t).substring(0, 3));
      case LONG_WEEKDAY -> b.append(weekdayName(t));
      case DAY -> appendInt(b, t.getDayOfMonth(), 0);
      case UNDER_DAY -> {
        if (t.getDayOfMonth() < 10) {
          b.append(' ');
        }
        appendInt(b, t.getDayOfMonth(), 0);
      }
      case ZERO_DAY -> appendInt(b, t.getDayOfMonth(), 2);
      case UNDER_YEAR_DAY -> {
        int yday = t.getDayOfYear();
        if (yday < 100) {
          b.append(yday < 10 ? "  " : " ");
        }
        appendInt(b, yday, 0);
      }
      case ZERO_YEAR_DAY -> appendInt(b, t.getDayOfYear(), 3);
      case HOUR -> appendInt(b, hour, 2);
      case HOUR12 -> appendInt(b, hour % 12 == 0 ? 12 : hour % 12, 0);
      case ZERO_HOUR12 -> appendInt(b, hour % 12 == 0 ? 12 : hour % 12, 2);
      case MINUTE -> appendInt(b, t.getMinute(), 0);
      case ZERO_MINUTE -> appendInt(b, t.getMinute(), 2);
      case SECOND -> appendInt(b, t.getSecond(), 0);
      case ZERO_SECOND -> appendInt(b, t.getSecond(), 2);
      case PM -> b.append(hour >= 12 ? "PM" : "AM");
      case LOWER_PM -> b.append(hour >= 12 ? "pm" : "am");
      case TZ -> {
        String name = time.abbreviation();
        if (name.isEmpty()) {
          appendNumericZone(b, offset, false, true, false);
        } else {
          b.append(GoBytes.of(name));
        }
      }
      case FRAC_SECOND_0, FRAC_SECOND_9 -> appendNano(b, t.getNano(), chunk);
      default -> {
        if (offset == 0 && e.isIso8601Zone()) {
          b.append('Z');
        } else {
          appendNumericZone(b, offset, e.zoneHasColon(), !e.zoneIsShort(), e.zoneHasSeconds());
        }
      }
    }
  }

  private static void appendNumericZone(StringBuilder b, int offset, boolean colon, boolean minutes, boolean seconds) {
    int zone = offset / 60;
    int abs = Math.abs(offset);
    b.append(zone < 0 ? '-' : '+');
    zone = Math.abs(zone);
    appendInt(b, zone / 60, 2);
    if (colon) {
      b.append(':');
    }
    if (minutes) {
      appendInt(b, zone % 60, 2);
    }
    if (seconds) {
      if (colon) {
        b.append(':');
      }
      appendInt(b, abs % 60, 2);
    }
  }

  private static void appendNano(StringBuilder b, int nanos, Layout.Chunk chunk) {
    boolean trim = chunk.element() == LayoutElement.FRAC_SECOND_9;
    int digits = chunk.fracDigits();
    if (trim && (digits == 0 || nanos == 0)) {
      return;
    }
    char dot = chunk.fracSeparator();
    int start = b.length();
    b.append(dot);
    appendInt(b, nanos, 9);
    if (digits < 9) {
      b.setLength(b.length() - 9 + digits);
    }
    if (trim) {
      int end = b.length();
      while (end > start && b.charAt(end - 1) == '0') {
        end--;
      }
      if (end > start && b.charAt(end - 1) == dot) {
        end--;
      }
      b.setLength(end);
    }
  }

  /** Go's appendInt: the decimal form of x, zero-padded to width digits after any sign. */
  static void appendInt(StringBuilder b, long x, int width) {
    if (x < 0) {
      b.append('-');
    }
    String digits = Long.toString(Math.abs(x));
    for (int pad = width - digits.length(); pad > 0; pad--) {
      b.append('0');
    }
    b.append(digits);
  }

  private static String monthName(LocalDateTime t) {
    return t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }

  static String weekdayName(LocalDateTime t) {
    return t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }
}
