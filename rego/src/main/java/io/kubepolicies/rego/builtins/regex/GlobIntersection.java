package io.kubepolicies.rego.builtins.regex;

import io.kubepolicies.rego.builtins.BuiltinContext;
import io.kubepolicies.rego.builtins.BuiltinException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code regex.globs_match}: whether two "glob-style" expressions have a non-empty string in common.
 * The syntax is that of the yashtewari/glob-intersection library OPA uses: {@code .} is any character,
 * {@code [...]} a set with {@code a-z} ranges, {@code *} and {@code +} repeat the token before them,
 * {@code \} escapes; every other character stands for itself. Tokenizing and its error messages follow
 * the library. The intersection itself is decided exactly (a product of the two automata), where the
 * library walks the two globs greedily; both agree except on inputs the greedy walk gets wrong.
 */
public final class GlobIntersection {
  private static final int CANCEL_CHECK_INTERVAL = 4096;

  private GlobIntersection() {}

  public static boolean nonEmpty(String lhs, String rhs, BuiltinContext ctx) {
    List<Token> a = tokenize(lhs);
    List<Token> b = tokenize(rhs);
    if (a.isEmpty() && b.isEmpty()) {
      return true; // the library's answer for two empty globs
    }
    return intersects(expandPlus(a), expandPlus(b), ctx);
  }

  /** How often a token may repeat. */
  enum Flag { ONCE, PLUS, STAR }

  /**
   * One token: the characters it accepts as inclusive ranges {@code [lo0, hi0, lo1, hi1, ...]}
   * ({@code null} for {@code .}, any character), and how often it may repeat.
   */
  record Token(int[] ranges, Flag flag) {
    static Token of(int c) {
      return new Token(new int[] {c, c}, Flag.ONCE);
    }

    boolean overlaps(Token other) {
      if (ranges == null || other.ranges == null) {
        int[] r = ranges == null ? other.ranges : ranges;
        return r == null || r.length > 0;
      }
      for (int i = 0; i < ranges.length; i += 2) {
        for (int j = 0; j < other.ranges.length; j += 2) {
          if (ranges[i] <= other.ranges[j + 1] && other.ranges[j] <= ranges[i + 1]) {
            return true;
          }
        }
      }
      return false;
    }

    Token withFlag(Flag f) {
      return new Token(ranges, f);
    }
  }

  static List<Token> tokenize(String input) {
    int[] runes = input.codePoints().toArray();
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < runes.length) {
      Rune r = nextRune(input, runes, i);
      i = r.next();
      Token token;
      if (!r.escaped() && r.value() == '.') {
        token = new Token(null, Flag.ONCE);
      } else if (!r.escaped() && r.value() == ']') {
        throw invalid(input, i, "set-close ']' with no preceding '['");
      } else if (!r.escaped() && r.value() == '[') {
        SetToken set = nextSet(input, runes, i);
        token = set.token();
        i = set.next();
      } else if (!r.escaped() && (r.value() == '+' || r.value() == '*')) {
        throw invalid(input, i, "flag '" + Character.toString(r.value()) + "' must be preceded by a non-flag");
      } else {
        token = Token.of(r.value());
      }
      if (i < runes.length) {
        Rune f = nextRune(input, runes, i);
        if (!f.escaped() && (f.value() == '+' || f.value() == '*')) {
          token = token.withFlag(f.value() == '+' ? Flag.PLUS : Flag.STAR);
          i = f.next();
        }
      }
      tokens.add(token);
    }
    return tokens;
  }

  private record Rune(int value, boolean escaped, int next) {}

  private record SetToken(Token token, int next) {}

  private static Rune nextRune(String input, int[] runes, int i) {
    if (runes[i] != '\\') {
      return new Rune(runes[i], false, i + 1);
    }
    if (i == runes.length - 1) {
      throw invalid(input, i, "input ends with a \\ (escape) character");
    }
    return new Rune(runes[i + 1], true, i + 2);
  }

  private static SetToken nextSet(String input, int[] runes, int start) {
    if (start >= runes.length) {
      throw invalid(input, start, "found [ without matching ]");
    }
    List<Integer> members = new ArrayList<>();
    int prev = 0;
    boolean prevExists = false;
    int i = start;
    while (i < runes.length) {
      Rune r = nextRune(input, runes, i);
      i = r.next();
      if (r.escaped()) {
        members.add(r.value());
        members.add(r.value());
        prev = r.value();
        prevExists = true;
      } else if (r.value() == ']') {
        return new SetToken(new Token(members.stream().mapToInt(Integer::intValue).toArray(), Flag.ONCE), i);
      } else if (r.value() == '-') {
        if (!prevExists) {
          throw invalid(input, i, "range character '-' must be preceded by a Unicode character");
        }
        if (i >= runes.length - 1) {
          throw invalid(input, i, "range character '-' must be followed by a Unicode character");
        }
        Rune hi = nextRune(input, runes, i);
        i = hi.next();
        if (!hi.escaped() && (hi.value() == ']' || hi.value() == '-')) {
          throw invalid(input, i, "range character '-' cannot be followed by a special symbol");
        }
        // The library records an out-of-order range as an error but then drops it: the range is empty.
        if (prev <= hi.value()) {
          members.add(prev);
          members.add(hi.value());
        }
        prevExists = false;
      } else {
        members.add(r.value());
        members.add(r.value());
        prev = r.value();
        prevExists = true;
      }
    }
    // The library reports this position as 0: it is read from a cursor already reset at the end.
    throw invalid(input, 0, "found [ without matching ]");
  }

  private static BuiltinException invalid(String input, int pos, String message) {
    return BuiltinException.error(
        "input:" + input + ", pos:" + pos + ", " + message + ": the input provided is invalid");
  }

  /** {@code t+} is {@code t t*}, so that only one repeating flag remains. */
  private static List<Token> expandPlus(List<Token> tokens) {
    List<Token> out = new ArrayList<>();
    for (Token t : tokens) {
      if (t.flag() == Flag.PLUS) {
        out.add(t.withFlag(Flag.ONCE));
        out.add(t.withFlag(Flag.STAR));
      } else {
        out.add(t);
      }
    }
    return out;
  }

  /**
   * Searches the product of the two automata (state = tokens matched so far on each side) for a path
   * that reads at least one character and ends with both globs complete.
   */
  private static boolean intersects(List<Token> a, List<Token> b, BuiltinContext ctx) {
    Set<State> seen = new HashSet<>();
    Deque<State> todo = new ArrayDeque<>();
    todo.add(new State(0, 0, false));
    while (!todo.isEmpty()) {
      State s = todo.poll();
      if (!seen.add(s)) {
        continue;
      }
      if (seen.size() % CANCEL_CHECK_INTERVAL == 0) {
        ctx.checkCancelled();
      }
      for (int p = s.i(); ; p++) {
        for (int q = s.j(); ; q++) {
          if (s.consumed() && p == a.size() && q == b.size()) {
            return true;
          }
          if (p < a.size() && q < b.size() && a.get(p).overlaps(b.get(q))) {
            todo.add(new State(next(a, p), next(b, q), true));
          }
          if (q == b.size() || b.get(q).flag() != Flag.STAR) {
            break;
          }
        }
        if (p == a.size() || a.get(p).flag() != Flag.STAR) {
          break;
        }
      }
    }
    return false;
  }

  private static int next(List<Token> tokens, int p) {
    return tokens.get(p).flag() == Flag.STAR ? p : p + 1;
  }

  private record State(int i, int j, boolean consumed) {}
}
