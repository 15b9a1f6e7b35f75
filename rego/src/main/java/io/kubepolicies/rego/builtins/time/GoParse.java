package io.kubepolicies.rego.builtins.time;

import io.kubepolicies.rego.builtins.BuiltinException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalInt;

/**
 * Go's {@code time.Parse}: reads a value by a reference-time layout, failing with Go's
 * {@code ParseError} text. Only the instant matters to OPA, so the zone the result is recorded
 * in is not kept. One instance parses one value.
 */
final class GoParse {
  private static final List<String> SHORT_MONTHS =
      List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");
  private static final List<String> LONG_MONTHS = List.of("January", "February", "March", "April", "May", "June",
      "July", "August", "September", "October", "November", "December");
  private static final List<String> SHORT_DAYS = List.of("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat");
  private static final List<String> LONG_DAYS =
      List.of("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday");

  private final String layout;
  private final String input;
  private final Zone local;

  private String value; // the input not yet consumed
  private boolean bad; // the current element did not match
  private String rangeError;

  private GoParse(String layout, String input, Zone local) {
    this.layout = layout;
    this.input = input;
    this.local = local;
    this.value = input;
  }

  /** Parses {@code value} by {@code layout} (plain text); a time without a zone is UTC, zone names are looked up in {@code local}. */
  static Instant parse(String layout, String value, Zone local) {
    return new GoParse(GoBytes.of(layout), GoBytes.of(value), local).run();
  }

  private Instant run() {
    boolean amSet = false;
    boolean pmSet = false;
    int year = 0;
    int month = -1;
    int day = -1;
    int yday = -1;
    int hour = 0;
    int min = 0;
    int sec = 0;
    int nsec = 0;
    boolean utc = false;
    int zoneOffset = -1;
    String zoneName = "";

    String rest = layout;
    while (true) {
      Layout.Chunk chunk = Layout.next(rest);
      if (!skip(chunk.prefix())) {
        throw error(chunk.prefix(), value, "");
      }
      LayoutElement e = chunk.element();
      if (e == null) {
        if (!value.isEmpty()) {
          throw error("", value, ": extra text: " + GoBytes.quote(value));
        }
        break;
      }
      rest = chunk.suffix();
      String hold = value;
      bad = false;
      switch (e) {
        case YEAR -> {
          if (value.length() < 2) {
            bad = true;
            break;
          }
          String p = take(2);
          year = atoi(p);
          if (!bad) {
            year += year >= 69 ? 1900 : 2000;
          }
        }
        case LONG_YEAR -> {
          if (value.length() < 4 || !GoBytes.isDigit(value, 0)) {
            bad = true;
            break;
          }
          year = atoi(take(4));
        }
        case MONTH -> month = lookup(SHORT_MONTHS) + 1;
        case LONG_MONTH -> month = lookup(LONG_MONTHS) + 1;
        case NUM_MONTH, ZERO_MONTH -> {
          month = getnum(e == LayoutElement.ZERO_MONTH);
          if (!bad && (month <= 0 || 12 < month)) {
            rangeError = "month";
          }
        }
        case WEEKDAY -> lookup(SHORT_DAYS);
        case LONG_WEEKDAY -> lookup(LONG_DAYS);
        case DAY, UNDER_DAY, ZERO_DAY -> {
          if (e == LayoutElement.UNDER_DAY && value.startsWith(" ")) {
            value = value.substring(1);
          }
          day = getnum(e == LayoutElement.ZERO_DAY);
        }
        case UNDER_YEAR_DAY, ZERO_YEAR_DAY -> {
          for (int i = 0; i < 2; i++) {
            if (e == LayoutElement.UNDER_YEAR_DAY && value.startsWith(" ")) {
              value = value.substring(1);
            }
          }
          yday = getnum3(e == LayoutElement.ZERO_YEAR_DAY);
        }
        case HOUR -> {
          hour = getnum(false);
          if (hour < 0 || 24 <= hour) {
            rangeError = "hour";
          }
        }
        case HOUR12, ZERO_HOUR12 -> {
          hour = getnum(e == LayoutElement.ZERO_HOUR12);
          if (hour < 0 || 12 < hour) {
            rangeError = "hour";
          }
        }
        case MINUTE, ZERO_MINUTE -> {
          min = getnum(e == LayoutElement.ZERO_MINUTE);
          if (min < 0 || 60 <= min) {
            rangeError = "minute";
          }
        }
        case SECOND, ZERO_SECOND -> {
          sec = getnum(e == LayoutElement.ZERO_SECOND);
          if (bad) {
            break;
          }
          if (sec < 0 || 60 <= sec) {
            rangeError = "second";
            break;
          }
          // A fractional second in the input that the layout does not mention is accepted.
          if (value.length() >= 2 && commaOrPeriod(value.charAt(0)) && GoBytes.isDigit(value, 1)) {
            LayoutElement next = Layout.next(rest).element();
            if (next != null && next.isFraction()) {
              break;
            }
            int n = 2;
            while (n < value.length() && GoBytes.isDigit(value, n)) {
              n++;
            }
            nsec = nanoseconds(value, n);
            value = value.substring(n);
          }
        }
        case PM, LOWER_PM -> {
          if (value.length() < 2) {
            bad = true;
            break;
          }
          String p = take(2);
          boolean upper = e == LayoutElement.PM;
          if (p.equals(upper ? "PM" : "pm")) {
            pmSet = true;
          } else if (p.equals(upper ? "AM" : "am")) {
            amSet = true;
          } else {
            bad = true;
          }
        }
        case TZ -> {
          if (value.startsWith("UTC")) {
            utc = true;
            value = value.substring(3);
            break;
          }
          int n = timeZoneLength(value);
          if (n <= 0) {
            bad = true;
            break;
          }
          zoneName = take(n);
        }
        case FRAC_SECOND_0 -> {
          int ndigit = 1 + chunk.fracDigits();
          if (value.length() < ndigit) {
            bad = true;
            break;
          }
          nsec = nanoseconds(value, ndigit);
          value = value.substring(ndigit);
        }
        case FRAC_SECOND_9 -> {
          if (value.length() < 2 || !commaOrPeriod(value.charAt(0)) || !GoBytes.isDigit(value, 1)) {
            break; // the fractional second is optional
          }
          int i = 0;
          while (i + 1 < value.length() && GoBytes.isDigit(value, i + 1)) {
            i++;
          }
          nsec = nanoseconds(value, 1 + i);
          value = value.substring(1 + i);
        }
        default -> {
          if (e.isIso8601Zone() && value.startsWith("Z")) {
            value = value.substring(1);
            utc = true;
            break;
          }
          Integer offset = zoneOffset(e);
          if (offset != null) {
            zoneOffset = offset;
          }
        }
      }
      if (rangeError != null) {
        throw error(chunk.elementText(), value, ": " + rangeError + " out of range");
      }
      if (bad) {
        throw error(chunk.elementText(), hold, "");
      }
    }
    if (pmSet && hour < 12) {
      hour += 12;
    } else if (amSet && hour == 12) {
      hour = 0;
    }

    if (yday >= 0) {
      int d = 0;
      int m = 0;
      if (GoCalendar.isLeap(year)) {
        if (yday == 31 + 29) {
          m = 2;
          d = 29;
        } else if (yday > 31 + 29) {
          yday--;
        }
      }
      if (yday < 1 || yday > 365) {
        throw error("", value, ": day-of-year out of range");
      }
      if (m == 0) {
        m = (yday - 1) / 31 + 1;
        if (GoCalendar.daysBefore(m + 1) < yday) {
          m++;
        }
        d = yday - GoCalendar.daysBefore(m);
      }
      if (month >= 0 && month != m) {
        throw error("", value, ": day-of-year does not match month");
      }
      month = m;
      if (day >= 0 && day != d) {
        throw error("", value, ": day-of-year does not match day");
      }
      day = d;
    } else {
      if (month < 0) {
        month = 1;
      }
      if (day < 0) {
        day = 1;
      }
    }
    if (day < 1 || day > GoCalendar.daysIn(month, year)) {
      throw error("", value, ": day out of range");
    }

    long unix = LocalDateTime.of(year, month, day, hour, min, sec).toEpochSecond(ZoneOffset.UTC);
    if (!utc) {
      // Go's "no offset" marker is -1, so an offset of exactly -1s is ignored as in Go.
      if (zoneOffset != -1) {
        unix -= zoneOffset;
      } else if (!zoneName.isEmpty()) {
        // A known abbreviation of the local zone gives its offset; any other name leaves the time as UTC.
        OptionalInt offset = local.offsetOfName(GoBytes.text(zoneName), unix);
        if (offset.isPresent()) {
          unix -= offset.getAsInt();
        }
      }
    }
    return Instant.ofEpochSecond(unix, nsec);
  }

  /** The offset of a numeric zone element, or null with {@link #bad} set. */
  private Integer zoneOffset(LayoutElement e) {
    String sign;
    String hh;
    String mm = "00";
    String ss = "00";
    if (e.zoneHasColon() && !e.zoneHasSeconds()) {
      if (value.length() < 6 || value.charAt(3) != ':') {
        bad = true;
        return null;
      }
      sign = value.substring(0, 1);
      hh = value.substring(1, 3);
      mm = value.substring(4, 6);
      value = value.substring(6);
    } else if (e.zoneIsShort()) {
      if (value.length() < 3) {
        bad = true;
        return null;
      }
      sign = value.substring(0, 1);
      hh = value.substring(1, 3);
      value = value.substring(3);
    } else if (e.zoneHasColon()) {
      if (value.length() < 9 || value.charAt(3) != ':' || value.charAt(6) != ':') {
        bad = true;
        return null;
      }
      sign = value.substring(0, 1);
      hh = value.substring(1, 3);
      mm = value.substring(4, 6);
      ss = value.substring(7, 9);
      value = value.substring(9);
    } else if (e.zoneHasSeconds()) {
      if (value.length() < 7) {
        bad = true;
        return null;
      }
      sign = value.substring(0, 1);
      hh = value.substring(1, 3);
      mm = value.substring(3, 5);
      ss = value.substring(5, 7);
      value = value.substring(7);
    } else {
      if (value.length() < 5) {
        bad = true;
        return null;
      }
      sign = value.substring(0, 1);
      hh = value.substring(1, 3);
      mm = value.substring(3, 5);
      value = value.substring(5);
    }
    int hr = fixedTwoDigits(hh);
    int min = bad ? 0 : fixedTwoDigits(mm);
    int sec = bad ? 0 : fixedTwoDigits(ss);
    // Offsets of 24 hours or 60 minutes or seconds are accepted, as people write them.
    if (hr > 24) {
      rangeError = "time zone offset hour";
    }
    if (min > 60) {
      rangeError = "time zone offset minute";
    }
    if (sec > 60) {
      rangeError = "time zone offset second";
    }
    int offset = (hr * 60 + min) * 60 + sec;
    switch (sign.charAt(0)) {
      case '+' -> {
        return offset;
      }
      case '-' -> {
        return -offset;
      }
      default -> {
        bad = true;
        return offset;
      }
    }
  }

  private int fixedTwoDigits(String s) {
    if (!GoBytes.isDigit(s, 0) || !GoBytes.isDigit(s, 1)) {
      bad = true;
      return 0;
    }
    return (s.charAt(0) - '0') * 10 + s.charAt(1) - '0';
  }

  private BuiltinException error(String layoutElem, String valueElem, String message) {
    String text = message.isEmpty()
        ? "parsing time " + GoBytes.quote(input) + " as " + GoBytes.quote(layout) + ": cannot parse "
            + GoBytes.quote(valueElem) + " as " + GoBytes.quote(layoutElem)
        : "parsing time " + GoBytes.quote(input) + message;
    return BuiltinException.error(text);
  }

  private String take(int n) {
    String p = value.substring(0, n);
    value = value.substring(n);
    return p;
  }

  /** Removes {@code prefix} from the input, any run of spaces matching any run; false on a mismatch. */
  private boolean skip(String prefix) {
    while (!prefix.isEmpty()) {
      if (prefix.charAt(0) == ' ') {
        if (!value.isEmpty() && value.charAt(0) != ' ') {
          return false;
        }
        prefix = cutSpace(prefix);
        value = cutSpace(value);
        continue;
      }
      if (value.isEmpty() || value.charAt(0) != prefix.charAt(0)) {
        return false;
      }
      prefix = prefix.substring(1);
      value = value.substring(1);
    }
    return true;
  }

  private static String cutSpace(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) == ' ') {
      i++;
    }
    return s.substring(i);
  }

  /** Index of the table entry the input starts with, ignoring ASCII case; -1 with {@link #bad} set. */
  private int lookup(List<String> table) {
    for (int i = 0; i < table.size(); i++) {
      String v = table.get(i);
      if (value.length() >= v.length() && matchIgnoreCase(value, v)) {
        value = value.substring(v.length());
        return i;
      }
    }
    bad = true;
    return -1;
  }

  private static boolean matchIgnoreCase(String s, String v) {
    for (int i = 0; i < v.length(); i++) {
      char c1 = s.charAt(i);
      char c2 = v.charAt(i);
      if (c1 != c2) {
        c1 |= 'a' - 'A';
        c2 |= 'a' - 'A';
        if (c1 != c2 || c1 < 'a' || c1 > 'z') {
          return false;
        }
      }
    }
    return true;
  }

  /** One or two digits (exactly two when fixed). */
  private int getnum(boolean fixed) {
    if (!GoBytes.isDigit(value, 0)) {
      bad = true;
      return 0;
    }
    if (!GoBytes.isDigit(value, 1)) {
      if (fixed) {
        bad = true;
        return 0;
      }
      return take(1).charAt(0) - '0';
    }
    return Integer.parseInt(take(2));
  }

  /** One to three digits (exactly three when fixed). */
  private int getnum3(boolean fixed) {
    int n = 0;
    int i = 0;
    for (; i < 3 && GoBytes.isDigit(value, i); i++) {
      n = n * 10 + value.charAt(i) - '0';
    }
    if (i == 0 || fixed && i != 3) {
      bad = true;
      return 0;
    }
    value = value.substring(i);
    return n;
  }

  /** Go's atoi: an optional sign and digits, nothing else. */
  private int atoi(String s) {
    boolean neg = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      neg = s.charAt(0) == '-';
      s = s.substring(1);
    }
    int i = 0;
    long x = 0;
    for (; i < s.length() && GoBytes.isDigit(s, i); i++) {
      x = x * 10 + s.charAt(i) - '0';
    }
    if (i < s.length()) {
      bad = true;
      return 0;
    }
    return (int) (neg ? -x : x);
  }

  /** The nanoseconds of a fraction such as ".123" in the first {@code n} bytes of {@code s}. */
  private int nanoseconds(String s, int n) {
    if (!commaOrPeriod(s.charAt(0))) {
      bad = true;
      return 0;
    }
    if (n > 10) {
      n = 10;
    }
    int ns = atoi(s.substring(1, n));
    if (bad) {
      return 0;
    }
    if (ns < 0) {
      rangeError = "fractional second";
      return ns;
    }
    for (int i = 0; i < 10 - n; i++) {
      ns *= 10;
    }
    return ns;
  }

  private static boolean commaOrPeriod(char c) {
    return c == '.' || c == ',';
  }

  /**
   * Go's parseTimeZone: the length of a zone abbreviation at the start of {@code s} (three upper-case
   * letters, four or five ending in T, a few special cases, GMT with an hour offset, or a bare
   * signed hour offset), or 0.
   */
  private static int timeZoneLength(String s) {
    if (s.length() < 3) {
      return 0;
    }
    if (s.startsWith("ChST") || s.startsWith("MeST")) {
      return 4;
    }
    if (s.startsWith("GMT")) {
      return s.length() == 3 ? 3 : 3 + signedOffsetLength(s.substring(3));
    }
    if (s.charAt(0) == '+' || s.charAt(0) == '-') {
      return signedOffsetLength(s);
    }
    int upper = 0;
    while (upper < 6 && upper < s.length() && s.charAt(upper) >= 'A' && s.charAt(upper) <= 'Z') {
      upper++;
    }
    return switch (upper) {
      case 3 -> 3;
      case 4 -> s.charAt(3) == 'T' || s.startsWith("WITA") ? 4 : 0;
      case 5 -> s.charAt(4) == 'T' ? 5 : 0;
      default -> 0;
    };
  }

  /** The length of a signed hour offset within -23..+23 ("+03"), or 0. */
  private static int signedOffsetLength(String s) {
    char sign = s.charAt(0);
    if (sign != '-' && sign != '+') {
      return 0;
    }
    int i = 1;
    long x = 0;
    while (i < s.length() && GoBytes.isDigit(s, i)) {
      x = x * 10 + s.charAt(i) - '0';
      if (x > 1_000_000) {
        return 0;
      }
      i++;
    }
    if (i == 1 || x > 23) {
      return 0;
    }
    return i;
  }
}
