package io.kubepolicies.rego.builtins.graphql;

/** gqlparser's token types, with the text its error messages print for each. */
enum TokenKind {
  INVALID("<Invalid>"),
  EOF("<EOF>"),
  BANG("!"),
  DOLLAR("$"),
  AMP("&"),
  PAREN_L("("),
  PAREN_R(")"),
  SPREAD("..."),
  COLON(":"),
  EQUALS("="),
  AT("@"),
  BRACKET_L("["),
  BRACKET_R("]"),
  BRACE_L("{"),
  BRACE_R("}"),
  PIPE("|"),
  NAME("Name"),
  INT("Int"),
  FLOAT("Float"),
  STRING("String"),
  BLOCK_STRING("BlockString"),
  COMMENT("Comment");

  private final String text;

  TokenKind(String text) {
    this.text = text;
  }

  @Override
  public String toString() {
    return text;
  }
}
