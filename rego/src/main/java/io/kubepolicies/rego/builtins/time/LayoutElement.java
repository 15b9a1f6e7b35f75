package io.kubepolicies.rego.builtins.time;

/** The elements of a Go reference-time layout ("2006", "Jan", "15", "Z07:00", ".000", ...). */
enum LayoutElement {
  LONG_MONTH, // January
  MONTH, // Jan
  NUM_MONTH, // 1
  ZERO_MONTH, // 01
  LONG_WEEKDAY, // Monday
  WEEKDAY, // Mon
  DAY, // 2
  UNDER_DAY, // _2
  ZERO_DAY, // 02
  UNDER_YEAR_DAY, // __2
  ZERO_YEAR_DAY, // 002
  HOUR, // 15
  HOUR12, // 3
  ZERO_HOUR12, // 03
  MINUTE, // 4
  ZERO_MINUTE, // 04
  SECOND, // 5
  ZERO_SECOND, // 05
  LONG_YEAR, // 2006
  YEAR, // 06
  PM, // PM
  LOWER_PM, // pm
  TZ, // MST
  ISO8601_TZ, // Z0700
  ISO8601_SECONDS_TZ, // Z070000
  ISO8601_SHORT_TZ, // Z07
  ISO8601_COLON_TZ, // Z07:00
  ISO8601_COLON_SECONDS_TZ, // Z07:00:00
  NUM_TZ, // -0700
  NUM_SECONDS_TZ, // -070000
  NUM_SHORT_TZ, // -07
  NUM_COLON_TZ, // -07:00
  NUM_COLON_SECONDS_TZ, // -07:00:00
  FRAC_SECOND_0, // .000: trailing zeros kept
  FRAC_SECOND_9; // .999: trailing zeros dropped

  /** The "Z" forms, which print Z for a zero offset and accept Z when parsing. */
  boolean isIso8601Zone() {
    return this == ISO8601_TZ || this == ISO8601_SECONDS_TZ || this == ISO8601_SHORT_TZ
        || this == ISO8601_COLON_TZ || this == ISO8601_COLON_SECONDS_TZ;
  }

  boolean zoneHasColon() {
    return this == ISO8601_COLON_TZ || this == NUM_COLON_TZ || this == ISO8601_COLON_SECONDS_TZ
        || this == NUM_COLON_SECONDS_TZ;
  }

  boolean zoneHasSeconds() {
    return this == ISO8601_SECONDS_TZ || this == NUM_SECONDS_TZ || this == ISO8601_COLON_SECONDS_TZ
        || this == NUM_COLON_SECONDS_TZ;
  }

  boolean zoneIsShort() {
    return this == ISO8601_SHORT_TZ || this == NUM_SHORT_TZ;
  }

  boolean isFraction() {
    return this == FRAC_SECOND_0 || this == FRAC_SECOND_9;
  }
}
