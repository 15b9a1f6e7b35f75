package io.kubepolicies.rego.builtins.regex;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.kubepolicies.rego.builtins.BuiltinException;

/**
 * Compiles user regular expressions (Go's RE2 syntax, through RE2/J) and keeps the outcome, pattern or
 * Go's error text, in a bounded cache, so a pattern on the hot path is compiled once.
 */
public final class RegexCompiler {
  /** Go rejects deeper parse trees; RE2/J would overflow the stack on them instead. */
  private static final int MAX_NESTING = 1000;

  private final Cache<String, Compiled> cache;

  public RegexCompiler(long maxEntries) {
    this.cache = Caffeine.newBuilder().maximumSize(maxEntries).build();
  }

  /** The compiled expression; a malformed one fails with Go's {@code error parsing regexp: ...} message. */
  public Pattern compile(String expr) {
    return cache.get(expr, RegexCompiler::compileUncached).orThrow();
  }

  public boolean isValid(String expr) {
    return cache.get(expr, RegexCompiler::compileUncached).pattern() != null;
  }

  /** Compiles without the cache (for patterns whose cache key is something else). */
  static Compiled compileUncached(String expr) {
    if (nestingDepth(expr) > MAX_NESTING) {
      return Compiled.failed(goError("expression nests too deeply", expr));
    }
    try {
      return new Compiled(Pattern.compile(expr), null);
    } catch (PatternSyntaxException e) {
      // RE2/J reports an unmatched ')' as an internal stack underflow; Go names it.
      if ("stack underflow".equals(e.getPattern())) {
        return Compiled.failed(goError("unexpected )", expr));
      }
      return Compiled.failed(e.getMessage());
    }
  }

  private static String goError(String code, String expr) {
    return "error parsing regexp: " + code + ": `" + expr + "`";
  }

  /** Parenthesis depth outside character classes and escapes: the shape that makes deep parse trees. */
  private static int nestingDepth(String expr) {
    int depth = 0;
    int max = 0;
    boolean inClass = false;
    for (int i = 0; i < expr.length(); i++) {
      char c = expr.charAt(i);
      if (c == '\\') {
        i++;
      } else if (inClass) {
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
        if (i + 1 < expr.length() && expr.charAt(i + 1) == '^') {
          i++;
        }
        if (i + 1 < expr.length() && expr.charAt(i + 1) == ']') {
          i++;
        }
      } else if (c == '(') {
        max = Math.max(max, ++depth);
      } else if (c == ')') {
        depth--;
      }
    }
    return max;
  }

  /** A compiled pattern or the reason it failed (also what glob.match caches). */
  public record Compiled(Pattern pattern, String error) {
    public static Compiled failed(String error) {
      return new Compiled(null, error);
    }

    public Pattern orThrow() {
      if (pattern == null) {
        throw BuiltinException.error(error);
      }
      return pattern;
    }
  }
}
