package io.kubepolicies.rego.syntax;

/**
 * The kinds of Rego token. Words (names and keywords alike) are all {@link #IDENT}: which words are
 * keywords depends on the language version and the module's imports, so the parser decides.
 * {@code display} is OPA's name for the token in error messages; {@code builtin} is the built-in
 * function an infix operator stands for, and {@code precedence} how tightly it binds (0: not infix).
 */
enum TokenKind {
  IDENT("identifier"),
  NUMBER("number"),
  STRING("string"),
  /** {@code $"text"}: a template string without expressions. */
  TEMPLATE_WHOLE("template-string"),
  /** A template string's opening quote and text up to the brace of its first expression. */
  TEMPLATE_HEAD("template-string"),
  /** Template text from the brace closing one expression to the brace opening the next. */
  TEMPLATE_MIDDLE("template-string-part"),
  /** Template text from the brace closing the last expression to the closing quote. */
  TEMPLATE_TAIL("template-string-end"),
  LBRACK("["),
  RBRACK("]"),
  LBRACE("{"),
  RBRACE("}"),
  LPAREN("("),
  RPAREN(")"),
  COMMA(","),
  COLON(":"),
  SEMICOLON(";"),
  DOT("."),
  EQ("eq", "eq", 0),
  ASSIGN("assign", "assign", 0),
  EQUAL("equal", "equal", 1),
  NEQ("neq", "neq", 1),
  LT("lt", "lt", 1),
  LTE("lte", "lte", 1),
  GT("gt", "gt", 1),
  GTE("gte", "gte", 1),
  BAR("or", "or", 2),
  AMP("and", "and", 3),
  PLUS("plus", "plus", 4),
  MINUS("minus", "minus", 4),
  STAR("mul", "mul", 5),
  SLASH("div", "div", 5),
  PERCENT("rem", "rem", 5),
  /** Source text the lexer could not read; the token's text is the reason. */
  ILLEGAL("illegal"),
  EOF("eof");

  final String display;
  final String builtin;
  final int precedence;

  TokenKind(String display) {
    this(display, null, 0);
  }

  TokenKind(String display, String builtin, int precedence) {
    this.display = display;
    this.builtin = builtin;
    this.precedence = precedence;
  }

  boolean isTemplateContinuation() {
    return this == TEMPLATE_MIDDLE || this == TEMPLATE_TAIL;
  }
}
