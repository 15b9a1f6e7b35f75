package io.kubepolicies.rego.builtins.regex;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.re2j.Pattern;
import io.kubepolicies.rego.builtins.BuiltinException;
import io.kubepolicies.rego.value.GoQuote;
import java.util.ArrayList;
import java.util.List;

/**
 * Templates for {@code regex.template_match}: literal text with regular expressions between a start and
 * an end delimiter, e.g. {@code urn:foo:{.*}}. OPA took this from gorilla/mux: the text outside the
 * delimiters is matched literally, the whole template must match the whole value.
 */
public final class RegexTemplates {
  private final Cache<Key, RegexCompiler.Compiled> cache;

  public RegexTemplates(long maxEntries) {
    this.cache = Caffeine.newBuilder().maximumSize(maxEntries).build();
  }

  public Pattern compile(String template, char delimStart, char delimEnd) {
    return cache.get(new Key(template, delimStart, delimEnd), RegexTemplates::compileUncached).orThrow();
  }

  private static RegexCompiler.Compiled compileUncached(Key key) {
    String tpl = key.template();
    List<Integer> idxs;
    try {
      idxs = delimiterIndices(tpl, key.start(), key.end());
    } catch (BuiltinException e) {
      return RegexCompiler.Compiled.failed(e.getMessage());
    }
    StringBuilder pattern = new StringBuilder("^");
    int end = 0;
    for (int i = 0; i < idxs.size(); i += 2) {
      String raw = tpl.substring(end, idxs.get(i));
      end = idxs.get(i + 1);
      String patt = tpl.substring(idxs.get(i) + 1, end - 1);
      pattern.append(quoteMeta(raw)).append('(').append(patt).append(')');
      // Each embedded expression must be valid on its own, as in gorilla/mux.
      RegexCompiler.Compiled alone = RegexCompiler.compileUncached("^" + patt + "$");
      if (alone.pattern() == null) {
        return alone;
      }
    }
    pattern.append(quoteMeta(tpl.substring(end))).append('$');
    return RegexCompiler.compileUncached(pattern.toString());
  }

  /** Start and end (exclusive) of every top-level delimited section; unbalanced delimiters are an error. */
  private static List<Integer> delimiterIndices(String s, char start, char end) {
    List<Integer> idxs = new ArrayList<>();
    int level = 0;
    int idx = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == start) {
        if (++level == 1) {
          idx = i;
        }
      } else if (c == end) {
        if (--level == 0) {
          idxs.add(idx);
          idxs.add(i + 1);
        } else if (level < 0) {
          throw unbalanced(s);
        }
      }
    }
    if (level != 0) {
      throw unbalanced(s);
    }
    return idxs;
  }

  private static BuiltinException unbalanced(String s) {
    return BuiltinException.error("unbalanced braces in " + GoQuote.quote(s));
  }

  /** Go's {@code regexp.QuoteMeta}. */
  static String quoteMeta(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.toString();
  }

  private record Key(String template, char start, char end) {}
}
