package io.kubepolicies.rego.builtins.time;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The abbreviations Go prints for a zone ("EST", "CEST", "+04"), read from the zone's TZif file
 * in the system's tz database, as Go reads them. java.time knows the offsets but not these names.
 * Offsets come from java.time; the names are matched to them by offset, so a slightly different
 * tz database version still yields a sensible name.
 */
final class ZoneNames {
  /** One local time type of the zone: its UTC offset in seconds and its abbreviation. */
  record ZoneType(int offset, String name) {}

  private final long[] transitions;
  private final int[] transitionTypes;
  private final List<ZoneType> types;
  private final List<ZoneType> rule; // from the footer: the types used after the last transition

  private ZoneNames(long[] transitions, int[] transitionTypes, List<ZoneType> types, List<ZoneType> rule) {
    this.transitions = transitions;
    this.transitionTypes = transitionTypes;
    this.types = List.copyOf(types);
    this.rule = List.copyOf(rule);
  }

  /** A zone that always has one name, such as UTC. */
  static ZoneNames fixed(String name, int offset) {
    return new ZoneNames(new long[0], new int[0], List.of(new ZoneType(offset, name)), List.of());
  }

  /** The names in a TZif file, or null when the data is not a TZif file. */
  static ZoneNames parse(byte[] data) {
    try {
      ByteBuffer in = ByteBuffer.wrap(data);
      int[] counts = header(in);
      if (counts == null) {
        return null;
      }
      int version = data[4];
      if (version >= '2') {
        skip(in, counts[3] * 5L + counts[4] * 6L + counts[5] + counts[2] * 8L + counts[1] + counts[0]);
        counts = header(in);
        if (counts == null) {
          return null;
        }
        return body(in, counts, 8, true);
      }
      return body(in, counts, 4, false);
    } catch (BufferUnderflowException | IllegalArgumentException e) {
      return null;
    }
  }

  /** isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt; null without the TZif magic. */
  private static int[] header(ByteBuffer in) {
    byte[] magic = new byte[4];
    in.get(magic);
    if (!Arrays.equals(magic, "TZif".getBytes(StandardCharsets.US_ASCII))) {
      return null;
    }
    skip(in, 16);
    int[] counts = new int[6];
    for (int i = 0; i < 6; i++) {
      counts[i] = in.getInt();
      if (counts[i] < 0) {
        throw new IllegalArgumentException("negative count");
      }
    }
    return counts;
  }

  private static ZoneNames body(ByteBuffer in, int[] counts, int timeSize, boolean hasFooter) {
    int timecnt = counts[3];
    int typecnt = counts[4];
    long[] transitions = new long[timecnt];
    for (int i = 0; i < timecnt; i++) {
      transitions[i] = timeSize == 8 ? in.getLong() : in.getInt();
    }
    int[] transitionTypes = new int[timecnt];
    for (int i = 0; i < timecnt; i++) {
      transitionTypes[i] = Byte.toUnsignedInt(in.get());
      if (transitionTypes[i] >= typecnt) {
        throw new IllegalArgumentException("bad type index");
      }
    }
    int[] offsets = new int[typecnt];
    int[] nameIndexes = new int[typecnt];
    for (int i = 0; i < typecnt; i++) {
      offsets[i] = in.getInt();
      in.get(); // isdst: Go picks names by the transition in effect, and so do we
      nameIndexes[i] = Byte.toUnsignedInt(in.get());
    }
    byte[] chars = new byte[counts[5]];
    in.get(chars);
    List<ZoneType> types = new ArrayList<>(typecnt);
    for (int i = 0; i < typecnt; i++) {
      types.add(new ZoneType(offsets[i], cString(chars, nameIndexes[i])));
    }
    List<ZoneType> rule = List.of();
    if (hasFooter) {
      skip(in, counts[2] * (long) (timeSize + 4) + counts[1] + counts[0]);
      byte[] rest = new byte[in.remaining()];
      in.get(rest);
      String footer = new String(rest, StandardCharsets.US_ASCII).strip();
      rule = PosixRule.types(footer);
    }
    return new ZoneNames(transitions, transitionTypes, types, rule);
  }

  private static void skip(ByteBuffer in, long n) {
    if (n > in.remaining()) {
      throw new BufferUnderflowException();
    }
    in.position(in.position() + (int) n);
  }

  private static String cString(byte[] chars, int start) {
    if (start >= chars.length) {
      throw new IllegalArgumentException("bad name index");
    }
    int end = start;
    while (end < chars.length && chars[end] != 0) {
      end++;
    }
    return new String(chars, start, end - start, StandardCharsets.US_ASCII);
  }

  /** All local time types of the zone, in file order (Go's {@code Location.zone}). */
  List<ZoneType> types() {
    return types;
  }

  /** The abbreviation in effect at {@code epochSecond}, whose offset java.time says is {@code offset}; null if unknown. */
  String nameAt(long epochSecond, int offset) {
    int n = transitions.length;
    if (n > 0 && epochSecond >= transitions[0]) {
      int i = Arrays.binarySearch(transitions, epochSecond);
      int at = i >= 0 ? lastIndexOf(transitions, i) : -i - 2;
      if (at == n - 1 && !rule.isEmpty()) {
        String name = byOffset(rule, offset, false);
        if (name != null) {
          return name;
        }
      }
      ZoneType type = types.get(transitionTypes[at]);
      if (type.offset() == offset) {
        return type.name();
      }
      return byOffset(types, offset, true);
    }
    if (n == 0 && !rule.isEmpty()) {
      String name = byOffset(rule, offset, false);
      if (name != null) {
        return name;
      }
    }
    return byOffset(types, offset, false);
  }

  private static int lastIndexOf(long[] sorted, int i) {
    while (i + 1 < sorted.length && sorted[i + 1] == sorted[i]) {
      i++;
    }
    return i;
  }

  private static String byOffset(List<ZoneType> list, int offset, boolean latest) {
    for (int k = 0; k < list.size(); k++) {
      ZoneType t = list.get(latest ? list.size() - 1 - k : k);
      if (t.offset() == offset) {
        return t.name();
      }
    }
    return null;
  }

  /** The zone names and offsets of a POSIX TZ rule such as {@code EST5EDT,M3.2.0,M11.1.0} or {@code <+04>-4}. */
  static final class PosixRule {
    private final String text;
    private int pos;

    private PosixRule(String text) {
      this.text = text;
    }

    static List<ZoneType> types(String rule) {
      if (rule.isEmpty()) {
        return List.of();
      }
      PosixRule p = new PosixRule(rule);
      String std = p.name();
      Integer stdOffset = std == null ? null : p.offset();
      if (stdOffset == null) {
        return List.of();
      }
      List<ZoneType> out = new ArrayList<>(2);
      out.add(new ZoneType(stdOffset, std));
      String dst = p.name();
      if (dst != null) {
        Integer dstOffset = p.offset();
        out.add(new ZoneType(dstOffset != null ? dstOffset : stdOffset + 3600, dst));
      }
      return out;
    }

    private String name() {
      if (pos < text.length() && text.charAt(pos) == '<') {
        int end = text.indexOf('>', pos);
        if (end < 0) {
          return null;
        }
        String name = text.substring(pos + 1, end);
        pos = end + 1;
        return name;
      }
      int start = pos;
      while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
        pos++;
      }
      return pos - start >= 3 ? text.substring(start, pos) : null;
    }

    /** The UTC offset in seconds east; POSIX writes offsets west of Greenwich as positive. */
    private Integer offset() {
      int sign = -1;
      if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
        sign = text.charAt(pos) == '-' ? 1 : -1;
        pos++;
      }
      int seconds = 0;
      int[] scale = {3600, 60, 1};
      for (int part = 0; part < 3; part++) {
        int start = pos;
        int v = 0;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
          v = v * 10 + text.charAt(pos++) - '0';
        }
        if (pos == start) {
          return part == 0 ? null : sign * seconds;
        }
        seconds += v * scale[part];
        if (pos >= text.length() || text.charAt(pos) != ':') {
          break;
        }
        pos++;
      }
      return sign * seconds;
    }
  }
}
