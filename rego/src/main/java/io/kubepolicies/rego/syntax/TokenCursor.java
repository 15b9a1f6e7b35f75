package io.kubepolicies.rego.syntax;

import io.kubepolicies.rego.ast.Location;

/**
 * Position in a token array, and the helpers every part of the parser shares: looking ahead,
 * matching brackets, building locations and errors, and capping how deeply constructs nest (each
 * nested construct costs stack, and OPA caps it too).
 */
abstract class TokenCursor {
  static final int MAX_DEPTH = 400;

  protected final String file;
  protected final KeywordSet keywords;
  private final Token[] tokens;
  private final int[] closers;
  protected int pos;
  private int depth;

  protected TokenCursor(String file, Tokens tokens, KeywordSet keywords) {
    this.file = file;
    this.tokens = tokens.tokens();
    this.closers = tokens.closers();
    this.keywords = keywords;
  }

  protected final int tokenCount() {
    return tokens.length;
  }

  protected final Token peek() {
    return tokens[pos];
  }

  protected final Token peekAt(int offset) {
    return tokens[Math.min(pos + offset, tokens.length - 1)];
  }

  protected final Token advance() {
    Token t = tokens[pos];
    if (pos < tokens.length - 1) {
      pos++;
    }
    return t;
  }

  protected final boolean at(TokenKind kind) {
    return tokens[pos].kind() == kind;
  }

  /** The token after the bracket that closes the one at {@code pos}, or null if it is unmatched. */
  protected final Token afterClosing() {
    int closer = closers[pos];
    return closer < 0 ? null : tokens[Math.min(closer + 1, tokens.length - 1)];
  }

  /** Whether the current token is the active keyword {@code word} used as a keyword. */
  protected final boolean atKeyword(String word) {
    return isKeyword(peek(), peekAt(1), word);
  }

  /**
   * Whether {@code t} is the active keyword {@code word} used as one: a keyword directly followed by
   * {@code .} or {@code [} is the head of a reference instead, as in {@code in.foo := 1}.
   */
  protected final boolean isKeyword(Token t, Token next, String word) {
    return t.isWord(word) && keywords.isKeyword(word) && !next.continuesRef();
  }

  protected final Token expect(TokenKind kind, String note) {
    if (!at(kind)) {
      throw unexpected(peek(), note);
    }
    return advance();
  }

  protected final Location location(Token t) {
    return new Location(file, t.line(), t.column());
  }

  protected final SyntaxError error(Token at, String message) {
    return new SyntaxError(message, at.line(), at.column(), pos);
  }

  protected final SyntaxError error(Location at, String message) {
    return new SyntaxError(message, at.line(), at.column(), pos);
  }

  /** OPA's "unexpected X token: note"; an unreadable token reports why the lexer stopped. */
  protected final SyntaxError unexpected(Token t, String note) {
    if (t.is(TokenKind.ILLEGAL)) {
      return error(t, t.text());
    }
    String what;
    if (t.is(TokenKind.IDENT)) {
      what = keywords.isKeyword(t.text()) ? t.text() + " keyword" : "identifier token";
    } else {
      what = t.kind().display + " token";
    }
    return error(t, note.isEmpty() ? "unexpected " + what : "unexpected " + what + ": " + note);
  }

  protected final void enter() {
    if (++depth > MAX_DEPTH) {
      depth--;
      throw error(peek(), "max parsing recursion depth exceeded");
    }
  }

  protected final void leave() {
    depth--;
  }
}
