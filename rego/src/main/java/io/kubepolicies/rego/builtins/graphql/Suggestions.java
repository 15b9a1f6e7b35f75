package io.kubepolicies.rego.builtins.graphql;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** gqlparser's "Did you mean ...?" helpers: similar names and their English lists. */
final class Suggestions {
  private Suggestions() {}

  /** The options close enough to {@code input}, closest first. */
  static List<String> similar(String input, List<String> options) {
    Map<String, Integer> distances = new HashMap<>();
    List<String> results = new ArrayList<>();
    for (String option : options) {
      int distance = lexicalDistance(input, option);
      if (distance <= threshold(input, option)) {
        results.add(option);
        distances.put(option, distance);
      }
    }
    results.sort(Comparator.comparingInt(distances::get));
    return results;
  }

  /** {@code " <prefix> "a", "b", or "c"?"} when some option is similar to {@code typed}, else empty. */
  static String quoted(String prefix, String typed, List<String> options) {
    List<String> suggested = similar(typed, options);
    return suggested.isEmpty() ? "" : " " + prefix + " " + quotedOrList(suggested) + "?";
  }

  /** As {@link #quoted} without quotes around the names. */
  static String unquoted(String prefix, String typed, List<String> options) {
    List<String> suggested = similar(typed, options);
    return suggested.isEmpty() ? "" : " " + prefix + " " + orList(suggested) + "?";
  }

  /** {@code "A", "B", or "C"} (at most five items). */
  static String quotedOrList(List<String> items) {
    return orList(items.stream().map(i -> "\"" + i + "\"").toList());
  }

  /** {@code A, B, or C}, {@code A or B} (at most five items). */
  static String orList(List<String> items) {
    List<String> shown = items.size() > 5 ? items.subList(0, 5) : items;
    if (shown.size() == 2) {
      return shown.get(0) + " or " + shown.get(1);
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < shown.size(); i++) {
      if (i != 0) {
        sb.append(i == shown.size() - 1 ? ", or " : ", ");
      }
      sb.append(shown.get(i));
    }
    return sb.toString();
  }

  private static int threshold(String a, String b) {
    int la = a.getBytes(StandardCharsets.UTF_8).length;
    int lb = b.getBytes(StandardCharsets.UTF_8).length;
    return Math.max(Math.max(la, lb) / 2, 1);
  }

  /** Edit distance where any change of case alone counts as one edit. */
  private static int lexicalDistance(String a, String b) {
    if (a.equals(b)) {
      return 0;
    }
    String la = a.toLowerCase(Locale.ROOT);
    String lb = b.toLowerCase(Locale.ROOT);
    return la.equals(lb) ? 1 : levenshtein(la.codePoints().toArray(), lb.codePoints().toArray());
  }

  private static int levenshtein(int[] a, int[] b) {
    int[] prev = new int[b.length + 1];
    int[] cur = new int[b.length + 1];
    for (int j = 0; j <= b.length; j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length; i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length; j++) {
        int cost = a[i - 1] == b[j - 1] ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length];
  }
}
