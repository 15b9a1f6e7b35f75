package io.kubepolicies.rego.syntax;

/**
 * A parse error inside the parser. It carries no stack trace because the parser also uses it to
 * abandon one reading of ambiguous input and try another; {@link Parser} turns the one that
 * escapes into a {@link io.kubepolicies.rego.RegoException}.
 */
final class SyntaxError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;
  /** Index of the token where parsing failed: the attempt that got furthest explains best. */
  private final int tokenIndex;

  SyntaxError(String message, int line, int column, int tokenIndex) {
    super(message, null, false, false);
    this.line = line;
    this.column = column;
    this.tokenIndex = tokenIndex;
  }

  int line() {
    return line;
  }

  int column() {
    return column;
  }

  int tokenIndex() {
    return tokenIndex;
  }
}
