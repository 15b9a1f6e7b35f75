package io.kubepolicies.rego.builtins.glob;

import com.google.re2j.Pattern;
import io.kubepolicies.rego.builtins.BuiltinException;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles a glob in the syntax of gobwas/glob (what OPA's {@code glob.match} uses) into an anchored
 * RE2/J pattern: {@code *} is any run of non-delimiter characters, {@code **} any run at all, {@code ?}
 * one non-delimiter character, {@code [abc]}, {@code [a-z]} and their negations {@code [!...]} one
 * character (delimiters included), {@code {a,b}} alternatives, {@code \} escapes the next character.
 * Lexing and parsing follow gobwas/glob, including its error messages and its leniencies (an unclosed
 * {@code {} still opens alternatives; {@code }} and {@code ,} outside them are plain text).
 */
public final class GlobCompiler {
  /** Deeper alternatives would exhaust the stack while compiling the pattern. */
  private static final int MAX_NESTING = 1000;

  private GlobCompiler() {}

  /** The pattern matching exactly the strings the glob matches with these delimiters. */
  public static Pattern compile(String glob, int[] delimiters) {
    Node.Seq root = Parser.parse(new Lexer(glob).tokens());
    StringBuilder regex = new StringBuilder("(?s)");
    new Emitter(delimiters, regex).emit(root);
    return Pattern.compile(regex.toString());
  }

  /** gobwas/glob's {@code QuoteMeta}: a backslash before each of its special characters. */
  public static String quoteMeta(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ("*?\\[]{}".indexOf(c) >= 0) {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.toString();
  }

  private static BuiltinException error(String message) {
    return BuiltinException.error(message);
  }

  private enum Kind { ERROR, TEXT, ANY, SUPER, SINGLE, NOT, SEPARATOR, RANGE_OPEN, RANGE_CLOSE, RANGE_LO, RANGE_BETWEEN, RANGE_HI, TERMS_OPEN, TERMS_CLOSE }

  private record Token(Kind kind, String text) {}

  /**
   * gobwas/glob's lexer; the end of input (and, as there, a NUL character) ends the token stream. A
   * malformed {@code [...]} becomes an error token in its place, so that the parser reports earlier
   * problems first, as gobwas/glob's interleaved lexer and parser do.
   */
  private static final class Lexer {
    private final int[] runes;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    private int termsLevel;

    Lexer(String glob) {
      this.runes = glob.codePoints().toArray();
    }

    List<Token> tokens() {
      for (int r = read(); r != 0; r = read()) {
        if (r == '{') {
          termsLevel++;
          tokens.add(new Token(Kind.TERMS_OPEN, "{"));
        } else if (r == ',' && termsLevel > 0) {
          tokens.add(new Token(Kind.SEPARATOR, ","));
        } else if (r == '}' && termsLevel > 0) {
          tokens.add(new Token(Kind.TERMS_CLOSE, "}"));
          termsLevel--;
        } else if (r == '[') {
          int batch = tokens.size();
          tokens.add(new Token(Kind.RANGE_OPEN, "["));
          try {
            range();
          } catch (BuiltinException e) {
            tokens.subList(batch, tokens.size()).clear();
            tokens.add(new Token(Kind.ERROR, e.getMessage()));
            return tokens;
          }
        } else if (r == '?') {
          tokens.add(new Token(Kind.SINGLE, "?"));
        } else if (r == '*') {
          if (peek() == '*') {
            pos++;
            tokens.add(new Token(Kind.SUPER, "**"));
          } else {
            tokens.add(new Token(Kind.ANY, "*"));
          }
        } else {
          pos--;
          text(termsLevel > 0 ? "?*[{}," : "?*[{");
        }
      }
      return tokens;
    }

    private void range() {
      boolean wantHi = false;
      boolean seenNot = false;
      while (true) {
        int r = read();
        if (r == 0) {
          throw error("unexpected end of input");
        }
        if (wantHi) {
          tokens.add(new Token(Kind.RANGE_HI, Character.toString(r)));
          int close = read();
          if (close == 0) {
            throw error("unexpected end of input");
          }
          if (close != ']') {
            throw error("expected close range character");
          }
          tokens.add(new Token(Kind.RANGE_CLOSE, "]"));
          return;
        }
        if (!seenNot && r == '!') {
          tokens.add(new Token(Kind.NOT, "!"));
          seenNot = true;
          continue;
        }
        if (peek() == '-') {
          pos++;
          tokens.add(new Token(Kind.RANGE_LO, Character.toString(r)));
          tokens.add(new Token(Kind.RANGE_BETWEEN, "-"));
          wantHi = true;
          continue;
        }
        pos--;
        text("]");
        // After the text only the closing bracket (or the end) can follow.
        if (read() == 0) {
          throw error("unexpected end of input");
        }
        tokens.add(new Token(Kind.RANGE_CLOSE, "]"));
        return;
      }
    }

    private void text(String breakers) {
      StringBuilder data = new StringBuilder();
      boolean escaped = false;
      for (int r = read(); r != 0; r = read()) {
        if (!escaped) {
          if (r == '\\') {
            escaped = true;
            continue;
          }
          if (breakers.indexOf(r) >= 0) {
            pos--;
            break;
          }
        }
        escaped = false;
        data.appendCodePoint(r);
      }
      if (data.length() > 0) {
        tokens.add(new Token(Kind.TEXT, data.toString()));
      }
    }

    private int read() {
      return pos < runes.length ? runes[pos++] : endOfInput();
    }

    /** Reading past the end still advances, so that the single step back in {@link #text} stays balanced. */
    private int endOfInput() {
      pos++;
      return 0;
    }

    private int peek() {
      return pos < runes.length ? runes[pos] : 0;
    }
  }

  /** The parsed glob: sequences of elements, alternatives of sequences. */
  private sealed interface Node {
    record Seq(List<Node> items, AnyOf parent) implements Node {}

    record AnyOf(List<Seq> alternatives, Seq parent) implements Node {}

    record Text(String text) implements Node {}

    record Any() implements Node {}

    record Super() implements Node {}

    record Single() implements Node {}

    record CharClass(boolean not, String chars, int lo, int hi) implements Node {}
  }

  /** gobwas/glob's parser over the token stream. */
  private static final class Parser {
    static Node.Seq parse(List<Token> tokens) {
      Node.Seq root = new Node.Seq(new ArrayList<>(), null);
      Node.Seq tree = root;
      int depth = 0;
      for (int i = 0; i < tokens.size(); i++) {
        Token t = tokens.get(i);
        switch (t.kind()) {
          case TEXT -> tree.items().add(new Node.Text(t.text()));
          case ANY -> tree.items().add(new Node.Any());
          case SUPER -> tree.items().add(new Node.Super());
          case SINGLE -> tree.items().add(new Node.Single());
          case TERMS_OPEN -> {
            if (++depth > MAX_NESTING) {
              throw error("glob nests too deeply");
            }
            Node.AnyOf anyOf = new Node.AnyOf(new ArrayList<>(), tree);
            tree.items().add(anyOf);
            tree = new Node.Seq(new ArrayList<>(), anyOf);
            anyOf.alternatives().add(tree);
          }
          case SEPARATOR -> {
            Node.AnyOf anyOf = tree.parent();
            tree = new Node.Seq(new ArrayList<>(), anyOf);
            anyOf.alternatives().add(tree);
          }
          case TERMS_CLOSE -> {
            depth--;
            tree = tree.parent().parent();
          }
          case RANGE_OPEN -> i = charClass(tokens, i + 1, tree);
          case ERROR -> throw error(t.text());
          default -> throw error("unexpected token: " + t.text());
        }
      }
      return root;
    }

    /** Parses the tokens of a {@code [...]} up to its close; returns the index of the close. */
    private static int charClass(List<Token> tokens, int from, Node.Seq tree) {
      boolean not = false;
      int lo = 0;
      int hi = 0;
      String chars = "";
      for (int i = from; i < tokens.size(); i++) {
        Token t = tokens.get(i);
        switch (t.kind()) {
          case NOT -> not = true;
          case RANGE_LO -> lo = t.text().codePointAt(0);
          case RANGE_HI -> {
            hi = t.text().codePointAt(0);
            if (hi < lo) {
              throw error("hi character '" + t.text() + "' should be greater than lo '"
                  + Character.toString(lo) + "'");
            }
          }
          case TEXT -> chars = t.text();
          case RANGE_CLOSE -> {
            boolean isRange = lo != 0 && hi != 0;
            if (isRange == !chars.isEmpty()) {
              throw error("could not parse range");
            }
            tree.items().add(new Node.CharClass(not, chars, lo, hi));
            return i;
          }
          default -> { }
        }
      }
      throw error("unexpected end");
    }
  }

  /** Writes the parse tree as an RE2 expression; every non-alphanumeric character is written as {@code \x{...}}. */
  private record Emitter(int[] delimiters, StringBuilder out) {
    void emit(Node node) {
      if (node instanceof Node.Seq seq) {
        seq.items().forEach(this::emit);
      } else if (node instanceof Node.AnyOf anyOf) {
        out.append("(?:");
        for (int i = 0; i < anyOf.alternatives().size(); i++) {
          out.append(i == 0 ? "" : "|");
          emit(anyOf.alternatives().get(i));
        }
        out.append(')');
      } else if (node instanceof Node.Text text) {
        text.text().codePoints().forEach(this::literal);
      } else if (node instanceof Node.Any) {
        nonDelimiter();
        out.append('*');
      } else if (node instanceof Node.Super) {
        out.append(".*");
      } else if (node instanceof Node.Single) {
        nonDelimiter();
      } else if (node instanceof Node.CharClass cc) {
        out.append(cc.not() ? "[^" : "[");
        if (cc.chars().isEmpty()) {
          literal(cc.lo());
          out.append('-');
          literal(cc.hi());
        } else {
          cc.chars().codePoints().forEach(this::literal);
        }
        out.append(']');
      }
    }

    private void nonDelimiter() {
      if (delimiters.length == 0) {
        out.append('.');
        return;
      }
      out.append("[^");
      for (int d : delimiters) {
        literal(d);
      }
      out.append(']');
    }

    private void literal(int cp) {
      if (cp < 0x80 && Character.isLetterOrDigit(cp)) {
        out.append((char) cp);
      } else {
        out.append("\\x{").append(Integer.toHexString(cp)).append('}');
      }
    }
  }
}
