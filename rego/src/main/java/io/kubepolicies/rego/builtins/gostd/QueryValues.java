package io.kubepolicies.rego.builtins.gostd;

import io.kubepolicies.rego.value.Ordering;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Go's {@code url.ParseQuery} and {@code url.Values.Encode}. */
public final class QueryValues {
  /** Go's default {@code urlmaxqueryparams}. */
  private static final int MAX_PARAMS = 10_000;

  private QueryValues() {}

  /**
   * The parameters in order of first appearance, each with its values in order. Like Go, it reads every
   * pair and then fails with the first error, except that a pair with a semicolon always decides it.
   */
  public static Map<String, List<String>> parse(String query) {
    if (query.chars().filter(c -> c == '&').count() + 1 > MAX_PARAMS) {
      throw new UrlError("number of URL query parameters exceeded limit");
    }
    Map<String, List<String>> values = new LinkedHashMap<>();
    UrlError error = null;
    int from = 0;
    while (from < query.length()) {
      int amp = query.indexOf('&', from);
      String pair = amp < 0 ? query.substring(from) : query.substring(from, amp);
      from = amp < 0 ? query.length() : amp + 1;
      if (pair.indexOf(';') >= 0) {
        error = new UrlError("invalid semicolon separator in query");
        continue;
      }
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      try {
        String key = UrlEscaping.queryUnescape(eq < 0 ? pair : pair.substring(0, eq));
        String value = UrlEscaping.queryUnescape(eq < 0 ? "" : pair.substring(eq + 1));
        values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
      } catch (UrlError e) {
        if (error == null) {
          error = e;
        }
      }
    }
    if (error != null) {
      throw error;
    }
    return values;
  }

  /** {@code key=value} pairs joined by {@code &}, sorted by key (in Go's byte order), values in their order. */
  public static String encode(Map<String, List<String>> values) {
    Map<String, List<String>> sorted = new TreeMap<>(Ordering::compareStrings);
    sorted.putAll(values);
    StringBuilder sb = new StringBuilder();
    sorted.forEach((key, vs) -> {
      String k = UrlEscaping.queryEscape(key);
      for (String v : vs) {
        if (sb.length() > 0) {
          sb.append('&');
        }
        sb.append(k).append('=').append(UrlEscaping.queryEscape(v));
      }
    });
    return sb.toString();
  }
}
