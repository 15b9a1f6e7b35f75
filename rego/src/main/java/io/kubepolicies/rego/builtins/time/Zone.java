package io.kubepolicies.rego.builtins.time;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.TimeZone;

/**
 * A time zone as Go's {@code *time.Location} behaves for OPA: offsets from java.time, abbreviations
 * from the tz database file when there is one ({@link ZoneNames}), else from the JDK's names.
 */
final class Zone {
  static final Zone UTC = new Zone(ZoneOffset.UTC, ZoneNames.fixed("UTC", 0));

  private final ZoneId id;
  private final ZoneRules rules;
  private final ZoneNames names; // null: no tz database file, use the JDK's names

  Zone(ZoneId id, ZoneNames names) {
    this.id = id;
    this.rules = id.getRules();
    this.names = names;
  }

  /** The UTC offset in seconds at {@code epochSecond}; fails with DateTimeException beyond java.time's range. */
  int offsetAt(long epochSecond) {
    return rules.getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
  }

  /** The abbreviation Go prints for the element {@code MST}; empty when the zone has none. */
  String abbreviationAt(long epochSecond) {
    int offset = offsetAt(epochSecond);
    if (names != null) {
      String name = names.nameAt(epochSecond, offset);
      if (name != null) {
        return name;
      }
    }
    return jdkName(Instant.ofEpochSecond(epochSecond));
  }

  /**
   * Go's {@code Location.lookupName}: the offset of the zone abbreviation {@code name} around
   * {@code epochSecond} (a local time read as UTC), if this zone uses that abbreviation.
   */
  OptionalInt offsetOfName(String name, long epochSecond) {
    if (names == null) {
      Instant at = Instant.ofEpochSecond(epochSecond);
      return name.equals(jdkName(at)) ? OptionalInt.of(rules.getOffset(at).getTotalSeconds()) : OptionalInt.empty();
    }
    for (ZoneNames.ZoneType type : names.types()) {
      if (type.name().equals(name)) {
        long utc = epochSecond - type.offset();
        try {
          if (name.equals(abbreviationAt(utc))) {
            return OptionalInt.of(offsetAt(utc));
          }
        } catch (DateTimeException e) {
          break;
        }
      }
    }
    for (ZoneNames.ZoneType type : names.types()) {
      if (type.name().equals(name)) {
        return OptionalInt.of(type.offset());
      }
    }
    return OptionalInt.empty();
  }

  /** The JDK's short name, with its "GMT+05:30" forms written the tz database way ("+0530"). */
  private String jdkName(Instant at) {
    String name = TimeZone.getTimeZone(id).getDisplayName(rules.isDaylightSavings(at), TimeZone.SHORT, Locale.US);
    if (name.length() == 9 && name.startsWith("GMT") && name.charAt(6) == ':') {
      String hours = name.substring(3, 6);
      String minutes = name.substring(7);
      return minutes.equals("00") ? hours : hours + minutes;
    }
    return name;
  }
}
