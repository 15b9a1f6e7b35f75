package io.kubepolicies.rego.builtins.strings;

import java.util.List;

/**
 * Go's {@code strings.Replacer}: scanning left to right, at each position the first old string (in
 * argument order) that matches is replaced, without overlapping matches; an empty old string matches
 * at every position, including the end, but never twice in a row at the same position. Positions are
 * code points, so replacing the empty string never splits a character.
 */
public final class Replacer {
  /** One old/new pair. */
  public record Pair(String oldText, String newText) {}

  private final List<Pair> pairs;

  public Replacer(List<Pair> pairs) {
    this.pairs = List.copyOf(pairs);
  }

  public String replace(String s) {
    if (pairs.size() == 1 && !pairs.get(0).oldText().isEmpty()) {
      return replaceSingle(s, pairs.get(0));
    }
    StringBuilder out = new StringBuilder(s.length());
    int last = 0;
    boolean previousEmpty = false;
    for (int i = 0; i <= s.length(); ) {
      Pair match = match(s, i, previousEmpty);
      previousEmpty = match != null && match.oldText().isEmpty();
      if (match != null) {
        out.append(s, last, i).append(match.newText());
        i += match.oldText().length();
        last = i;
      } else if (i == s.length()) {
        break;
      } else {
        i += Character.charCount(s.codePointAt(i));
      }
    }
    return out.append(s, last, s.length()).toString();
  }

  private Pair match(String s, int at, boolean skipEmpty) {
    for (Pair p : pairs) {
      if (p.oldText().isEmpty() ? !skipEmpty : s.startsWith(p.oldText(), at)) {
        return p;
      }
    }
    return null;
  }

  private static String replaceSingle(String s, Pair pair) {
    int at = s.indexOf(pair.oldText());
    if (at < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    int last = 0;
    while (at >= 0) {
      out.append(s, last, at).append(pair.newText());
      last = at + pair.oldText().length();
      at = s.indexOf(pair.oldText(), last);
    }
    return out.append(s, last, s.length()).toString();
  }
}
