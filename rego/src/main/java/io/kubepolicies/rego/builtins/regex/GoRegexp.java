package io.kubepolicies.rego.builtins.regex;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import io.kubepolicies.rego.builtins.BuiltinContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Go's {@code regexp} operations over RE2/J patterns. Go and Java differ on empty matches (Go skips an
 * empty match right after a previous match) and on replacement templates ({@code $1x} names a group
 * {@code 1x} in Go), so these follow Go's algorithms rather than RE2/J's Java-style methods.
 */
public final class GoRegexp {
  private static final int CANCEL_CHECK_INTERVAL = 1024;

  private GoRegexp() {}

  /**
   * Go's {@code FindAll...Index}: up to {@code n} successive non-overlapping matches ({@code n < 0}: all),
   * each as group bounds {@code [start0, end0, start1, end1, ...]}, {@code -1} for a group that did not take part.
   */
  public static List<int[]> findAll(Pattern pattern, String s, int n, BuiltinContext ctx) {
    List<int[]> matches = new ArrayList<>();
    if (n == 0) {
      return matches;
    }
    Matcher m = pattern.matcher(s);
    int end = s.length();
    int prevMatchEnd = -1;
    for (int pos = 0; (n < 0 || matches.size() < n) && pos <= end; ) {
      if (!m.find(pos)) {
        break;
      }
      boolean accept = true;
      if (m.end() == pos) {
        accept = m.start() != prevMatchEnd;
        pos = pos < end ? pos + Character.charCount(s.codePointAt(pos)) : end + 1;
      } else {
        pos = m.end();
      }
      prevMatchEnd = m.end();
      if (accept) {
        matches.add(bounds(m));
        if (matches.size() % CANCEL_CHECK_INTERVAL == 0) {
          ctx.checkCancelled();
        }
      }
    }
    return matches;
  }

  /** Go's {@code Split(s, -1)}: the pieces between matches. */
  public static List<String> split(Pattern pattern, String s, BuiltinContext ctx) {
    List<String> pieces = new ArrayList<>();
    if (!pattern.pattern().isEmpty() && s.isEmpty()) {
      pieces.add("");
      return pieces;
    }
    int beg = 0;
    int end = 0;
    for (int[] match : findAll(pattern, s, -1, ctx)) {
      end = match[0];
      if (match[1] != 0) {
        pieces.add(s.substring(beg, end));
      }
      beg = match[1];
    }
    if (end != s.length()) {
      pieces.add(s.substring(beg));
    }
    return pieces;
  }

  /** Go's {@code ReplaceAllString}: every match replaced by the template expanded with {@link #expand}. */
  public static String replaceAll(Pattern pattern, String src, String template, BuiltinContext ctx) {
    Matcher m = pattern.matcher(src);
    Map<String, Integer> names = pattern.namedGroups();
    StringBuilder out = new StringBuilder(src.length());
    int lastMatchEnd = 0;
    int searchPos = 0;
    int end = src.length();
    for (int count = 1; searchPos <= end && m.find(searchPos); count++) {
      int[] match = bounds(m);
      out.append(src, lastMatchEnd, match[0]);
      // No replacement for an empty match right after the previous match (Go's rule).
      if (match[1] > lastMatchEnd || match[0] == 0) {
        expand(out, template, src, match, names);
      }
      lastMatchEnd = match[1];
      int width = searchPos < end ? Character.charCount(src.codePointAt(searchPos)) : 0;
      if (searchPos + width > match[1]) {
        searchPos += width;
      } else if (searchPos + 1 > match[1]) {
        searchPos++;
      } else {
        searchPos = match[1];
      }
      if (count % CANCEL_CHECK_INTERVAL == 0) {
        ctx.checkCancelled();
      }
    }
    out.append(src, lastMatchEnd, end);
    return out.toString();
  }

  /**
   * Go's {@code Regexp.Expand}: {@code $name} or {@code ${name}} becomes the named or numbered group
   * (empty when absent), the name being the longest run of letters, digits and underscores;
   * {@code $$} is a literal {@code $}, and a {@code $} not followed by a name stays as it is.
   */
  static void expand(StringBuilder dst, String template, String src, int[] match, Map<String, Integer> names) {
    int i = 0;
    while (i < template.length()) {
      int dollar = template.indexOf('$', i);
      if (dollar < 0) {
        break;
      }
      dst.append(template, i, dollar);
      i = dollar + 1;
      if (i < template.length() && template.charAt(i) == '$') {
        dst.append('$');
        i++;
        continue;
      }
      GroupRef ref = GroupRef.parse(template, i);
      if (ref == null) {
        dst.append('$');
        continue;
      }
      i = ref.end();
      int group = ref.number() >= 0 ? ref.number() : names.getOrDefault(ref.name(), -1);
      if (group >= 0 && 2 * group + 1 < match.length && match[2 * group] >= 0) {
        dst.append(src, match[2 * group], match[2 * group + 1]);
      }
    }
    dst.append(template, i, template.length());
  }

  private static int[] bounds(Matcher m) {
    int groups = m.groupCount();
    int[] b = new int[2 * (groups + 1)];
    for (int g = 0; g <= groups; g++) {
      b[2 * g] = m.start(g);
      b[2 * g + 1] = m.end(g);
    }
    return b;
  }

  /** A group reference in a replacement template: its name, its number ({@code -1} if not numeric) and where it ends. */
  private record GroupRef(String name, int number, int end) {
    static GroupRef parse(String s, int from) {
      boolean brace = from < s.length() && s.charAt(from) == '{';
      int start = brace ? from + 1 : from;
      int i = start;
      while (i < s.length()) {
        int cp = s.codePointAt(i);
        if (!Character.isLetter(cp) && !Character.isDigit(cp) && cp != '_') {
          break;
        }
        i += Character.charCount(cp);
      }
      if (i == start) {
        return null;
      }
      String name = s.substring(start, i);
      if (brace) {
        if (i >= s.length() || s.charAt(i) != '}') {
          return null;
        }
        i++;
      }
      return new GroupRef(name, number(name), i);
    }

    /** Go accepts only ASCII digits without a leading zero, and stops counting at 10^8. */
    private static int number(String name) {
      int num = 0;
      for (int k = 0; k < name.length(); k++) {
        char c = name.charAt(k);
        if (c < '0' || c > '9' || num >= 100_000_000) {
          return -1;
        }
        num = num * 10 + (c - '0');
      }
      return name.charAt(0) == '0' && name.length() > 1 ? -1 : num;
    }
  }
}
