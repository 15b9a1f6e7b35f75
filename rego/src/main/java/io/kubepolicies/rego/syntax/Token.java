package io.kubepolicies.rego.syntax;

/**
 * One token. {@code text} is the word, the number as written, or the decoded contents of a string
 * or template part. {@code spaceBefore} tells whether whitespace or a comment separates it from the
 * previous token (references and calls must not contain any); {@code newlineBefore} whether a line
 * break does (it separates the expressions of a body).
 */
record Token(TokenKind kind, String text, int line, int column, boolean spaceBefore, boolean newlineBefore) {

  boolean is(TokenKind k) {
    return kind == k;
  }

  boolean isWord(String word) {
    return kind == TokenKind.IDENT && text.equals(word);
  }

  /** A token that continues the term before it: {@code .name}, {@code [index]} or {@code (args)}. */
  boolean continuesTerm() {
    return !spaceBefore && (kind == TokenKind.DOT || kind == TokenKind.LBRACK || kind == TokenKind.LPAREN);
  }

  /** A token that turns the keyword before it into the head of a reference, as in {@code in.foo}. */
  boolean continuesRef() {
    return !spaceBefore && (kind == TokenKind.DOT || kind == TokenKind.LBRACK);
  }
}
