package io.kubepolicies.rego.builtins.time;

import java.util.Map;

/**
 * Go's reference-time layouts: the named constants OPA accepts, and the tokenizer that splits a
 * layout into literal text and {@link LayoutElement}s exactly as Go's {@code nextStdChunk} does.
 * Layouts are byte strings (see {@link GoBytes}).
 */
final class Layout {
  static final String RFC3339 = "2006-01-02T15:04:05Z07:00";
  static final String RFC3339_NANO = "2006-01-02T15:04:05.999999999Z07:00";

  /** The layout names OPA resolves to Go's constants in {@code time.parse_ns} and {@code time.format}. */
  private static final Map<String, String> NAMED = Map.of(
      "ANSIC", "Mon Jan _2 15:04:05 2006",
      "UnixDate", "Mon Jan _2 15:04:05 MST 2006",
      "RubyDate", "Mon Jan 02 15:04:05 -0700 2006",
      "RFC822", "02 Jan 06 15:04 MST",
      "RFC822Z", "02 Jan 06 15:04 -0700",
      "RFC850", "Monday, 02-Jan-06 15:04:05 MST",
      "RFC1123", "Mon, 02 Jan 2006 15:04:05 MST",
      "RFC1123Z", "Mon, 02 Jan 2006 15:04:05 -0700",
      "RFC3339", RFC3339,
      "RFC3339Nano", RFC3339_NANO);

  private Layout() {}

  /** The layout a name stands for, or the text itself when it is not one of the names. */
  static String resolve(String layout) {
    return NAMED.getOrDefault(layout, layout);
  }

  /**
   * The next element of {@code layout}: the literal text before it, the element (null when there is
   * none left, the prefix then being the whole layout) and the rest after it.
   */
  record Chunk(String prefix, LayoutElement element, String elementText, String suffix, int fracDigits, char fracSeparator) {
    static Chunk end(String layout) {
      return new Chunk(layout, null, "", "", 0, '.');
    }
  }

  private static final LayoutElement[] ZERO_X = {
    LayoutElement.ZERO_MONTH, LayoutElement.ZERO_DAY, LayoutElement.ZERO_HOUR12,
    LayoutElement.ZERO_MINUTE, LayoutElement.ZERO_SECOND, LayoutElement.YEAR
  };

  static Chunk next(String layout) {
    int n = layout.length();
    for (int i = 0; i < n; i++) {
      char c = layout.charAt(i);
      switch (c) {
        case 'J' -> {
          if (layout.startsWith("Jan", i)) {
            if (layout.startsWith("January", i)) {
              return chunk(layout, i, LayoutElement.LONG_MONTH, 7);
            }
            if (!startsWithLowerCase(layout, i + 3)) {
              return chunk(layout, i, LayoutElement.MONTH, 3);
            }
          }
        }
        case 'M' -> {
          if (layout.startsWith("Mon", i)) {
            if (layout.startsWith("Monday", i)) {
              return chunk(layout, i, LayoutElement.LONG_WEEKDAY, 6);
            }
            if (!startsWithLowerCase(layout, i + 3)) {
              return chunk(layout, i, LayoutElement.WEEKDAY, 3);
            }
          }
          if (layout.startsWith("MST", i)) {
            return chunk(layout, i, LayoutElement.TZ, 3);
          }
        }
        case '0' -> {
          if (i + 1 < n && layout.charAt(i + 1) >= '1' && layout.charAt(i + 1) <= '6') {
            return chunk(layout, i, ZERO_X[layout.charAt(i + 1) - '1'], 2);
          }
          if (layout.startsWith("002", i)) {
            return chunk(layout, i, LayoutElement.ZERO_YEAR_DAY, 3);
          }
        }
        case '1' -> {
          if (i + 1 < n && layout.charAt(i + 1) == '5') {
            return chunk(layout, i, LayoutElement.HOUR, 2);
          }
          return chunk(layout, i, LayoutElement.NUM_MONTH, 1);
        }
        case '2' -> {
          if (layout.startsWith("2006", i)) {
            return chunk(layout, i, LayoutElement.LONG_YEAR, 4);
          }
          return chunk(layout, i, LayoutElement.DAY, 1);
        }
        case '_' -> {
          if (i + 1 < n && layout.charAt(i + 1) == '2') {
            // "_2006" is a literal underscore followed by the long year.
            if (layout.startsWith("2006", i + 1)) {
              return chunk(layout, i + 1, LayoutElement.LONG_YEAR, 4);
            }
            return chunk(layout, i, LayoutElement.UNDER_DAY, 2);
          }
          if (layout.startsWith("__2", i)) {
            return chunk(layout, i, LayoutElement.UNDER_YEAR_DAY, 3);
          }
        }
        case '3' -> {
          return chunk(layout, i, LayoutElement.HOUR12, 1);
        }
        case '4' -> {
          return chunk(layout, i, LayoutElement.MINUTE, 1);
        }
        case '5' -> {
          return chunk(layout, i, LayoutElement.SECOND, 1);
        }
        case 'P' -> {
          if (i + 1 < n && layout.charAt(i + 1) == 'M') {
            return chunk(layout, i, LayoutElement.PM, 2);
          }
        }
        case 'p' -> {
          if (i + 1 < n && layout.charAt(i + 1) == 'm') {
            return chunk(layout, i, LayoutElement.LOWER_PM, 2);
          }
        }
        case '-' -> {
          Chunk zone = zoneChunk(layout, i, "-", LayoutElement.NUM_SECONDS_TZ, LayoutElement.NUM_COLON_SECONDS_TZ,
              LayoutElement.NUM_TZ, LayoutElement.NUM_COLON_TZ, LayoutElement.NUM_SHORT_TZ);
          if (zone != null) {
            return zone;
          }
        }
        case 'Z' -> {
          Chunk zone = zoneChunk(layout, i, "Z", LayoutElement.ISO8601_SECONDS_TZ,
              LayoutElement.ISO8601_COLON_SECONDS_TZ, LayoutElement.ISO8601_TZ, LayoutElement.ISO8601_COLON_TZ,
              LayoutElement.ISO8601_SHORT_TZ);
          if (zone != null) {
            return zone;
          }
        }
        case '.', ',' -> {
          if (i + 1 < n && (layout.charAt(i + 1) == '0' || layout.charAt(i + 1) == '9')) {
            char digit = layout.charAt(i + 1);
            int j = i + 1;
            while (j < n && layout.charAt(j) == digit) {
              j++;
            }
            // The run must end the number: a fractional second is all digits.
            if (!GoBytes.isDigit(layout, j)) {
              LayoutElement e = digit == '9' ? LayoutElement.FRAC_SECOND_9 : LayoutElement.FRAC_SECOND_0;
              return new Chunk(layout.substring(0, i), e, layout.substring(i, j), layout.substring(j), (j - (i + 1)) & 0xfff, c);
            }
          }
        }
        default -> {}
      }
    }
    return Chunk.end(layout);
  }

  private static Chunk zoneChunk(String layout, int i, String sign, LayoutElement seconds, LayoutElement colonSeconds,
      LayoutElement plain, LayoutElement colon, LayoutElement shortForm) {
    if (layout.startsWith(sign + "070000", i)) {
      return chunk(layout, i, seconds, 7);
    }
    if (layout.startsWith(sign + "07:00:00", i)) {
      return chunk(layout, i, colonSeconds, 9);
    }
    if (layout.startsWith(sign + "0700", i)) {
      return chunk(layout, i, plain, 5);
    }
    if (layout.startsWith(sign + "07:00", i)) {
      return chunk(layout, i, colon, 6);
    }
    if (layout.startsWith(sign + "07", i)) {
      return chunk(layout, i, shortForm, 3);
    }
    return null;
  }

  private static Chunk chunk(String layout, int start, LayoutElement element, int length) {
    return new Chunk(layout.substring(0, start), element, layout.substring(start, start + length),
        layout.substring(start + length), 0, '.');
  }

  /** Keeps "Month" from matching "Mon". */
  private static boolean startsWithLowerCase(String s, int i) {
    return i < s.length() && s.charAt(i) >= 'a' && s.charAt(i) <= 'z';
  }
}
