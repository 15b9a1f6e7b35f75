package io.kubepolicies.rego.builtins.strings;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The parts of Go's {@code strings} package whose rules differ from Java's: Unicode simple case
 * mapping per code point, {@code unicode.IsSpace}, cut sets of code points, and splitting on the
 * empty separator into code points.
 */
public final class GoText {
  private GoText() {}

  /** {@code strings.ToLower}: the simple lower-case mapping of each code point, no locale rules. */
  public static String lower(String s) {
    return mapCodePoints(s, Character::toLowerCase);
  }

  /** {@code strings.ToUpper}: the simple upper-case mapping of each code point (so "ß" stays "ß"). */
  public static String upper(String s) {
    return mapCodePoints(s, Character::toUpperCase);
  }

  /** {@code unicode.IsSpace}: the Latin-1 spaces Go lists plus the White_Space code points above. */
  public static boolean isSpace(int cp) {
    if (cp <= 0xFF) {
      return cp == ' ' || cp >= '\t' && cp <= '\r' || cp == 0x85 || cp == 0xA0;
    }
    return Character.isSpaceChar(cp);
  }

  /** Removes leading and/or trailing code points matching {@code cut}. */
  public static String trim(String s, IntPredicate cut, boolean left, boolean right) {
    int start = 0;
    int end = s.length();
    while (left && start < end && cut.test(s.codePointAt(start))) {
      start += Character.charCount(s.codePointAt(start));
    }
    while (right && end > start && cut.test(s.codePointBefore(end))) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    return s.substring(start, end);
  }

  /** {@code strings.Trim}: removes leading and trailing code points that occur in {@code cutset}. */
  public static String trim(String s, String cutset) {
    return trim(s, cutSet(cutset), true, true);
  }

  /** A predicate for "is one of the code points of {@code cutset}". */
  public static IntPredicate cutSet(String cutset) {
    int[] cps = cutset.codePoints().toArray();
    return cp -> {
      for (int c : cps) {
        if (c == cp) {
          return true;
        }
      }
      return false;
    };
  }

  /**
   * {@code strings.Split}: the parts between occurrences of {@code sep}; an empty {@code sep} splits
   * into single code points (and an empty string into no parts).
   */
  public static List<String> split(String s, String sep) {
    List<String> parts = new ArrayList<>();
    if (sep.isEmpty()) {
      s.codePoints().forEach(cp -> parts.add(new String(Character.toChars(cp))));
      return parts;
    }
    int last = 0;
    for (int at = s.indexOf(sep); at >= 0; at = s.indexOf(sep, last)) {
      parts.add(s.substring(last, at));
      last = at + sep.length();
    }
    parts.add(s.substring(last));
    return parts;
  }

  /** {@code strings.Count}: non-overlapping occurrences; the empty string occurs once per code point plus one. */
  public static int count(String s, String sub) {
    if (sub.isEmpty()) {
      return s.codePointCount(0, s.length()) + 1;
    }
    int n = 0;
    for (int at = s.indexOf(sub); at >= 0; at = s.indexOf(sub, at + sub.length())) {
      n++;
    }
    return n;
  }

  private static String mapCodePoints(String s, java.util.function.IntUnaryOperator f) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int mapped = f.applyAsInt(cp);
      if (mapped != cp && sb == null) {
        sb = new StringBuilder(s.length()).append(s, 0, i);
      }
      if (sb != null) {
        sb.appendCodePoint(mapped);
      }
      i += Character.charCount(cp);
    }
    return sb == null ? s : sb.toString();
  }
}
