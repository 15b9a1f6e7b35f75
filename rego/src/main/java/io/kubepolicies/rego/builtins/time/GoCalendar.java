package io.kubepolicies.rego.builtins.time;

import java.time.Instant;

/** Go's {@code time.Date}: civil date and time to an instant, normalising out-of-range months and days. */
final class GoCalendar {
  private static final int SECONDS_PER_DAY = 86_400;

  private GoCalendar() {}

  static boolean isLeap(long year) {
    return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
  }

  static int daysIn(int month, long year) {
    return switch (month) {
      case 2 -> isLeap(year) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** Days before the first of {@code month} (1-12) in a non-leap year. */
  static int daysBefore(int month) {
    int days = 0;
    for (int m = 1; m < month; m++) {
      days += daysIn(m, 1);
    }
    return days;
  }

  /**
   * The instant of the given wall-clock time in {@code zone}, Go's way: month and day may overflow
   * (October 32 is November 1), and a wall time in a transition gap or overlap resolves as Go's
   * two-step offset lookup does. Arithmetic overflow throws ArithmeticException and an instant
   * beyond java.time's range throws DateTimeException.
   */
  static Instant date(long year, long month, long day, int hour, int minute, int second, int nanos, Zone zone) {
    long m0 = Math.subtractExact(month, 1);
    long y = Math.addExact(year, Math.floorDiv(m0, 12));
    int m = (int) Math.floorMod(m0, 12) + 1;
    long days = Math.addExact(epochDay(y, m), Math.subtractExact(day, 1));
    long unix = Math.addExact(Math.multiplyExact(days, SECONDS_PER_DAY), hour * 3600L + minute * 60L + second);
    int offset = zone.offsetAt(unix);
    if (offset != 0) {
      // Go looks the offset up at the wall time read as UTC, then once more at the corrected time.
      unix = Math.subtractExact(unix, zone.offsetAt(Math.subtractExact(unix, offset)));
    }
    return Instant.ofEpochSecond(unix, nanos);
  }

  /** Days from 1970-01-01 to the first of the month, for any year (proleptic Gregorian). */
  private static long epochDay(long year, int month) {
    long y = month <= 2 ? Math.subtractExact(year, 1) : year;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long mp = (month + 9) % 12;
    long doy = (153 * mp + 2) / 5;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return Math.addExact(Math.multiplyExact(era, 146_097), doe - 719_468);
  }
}
