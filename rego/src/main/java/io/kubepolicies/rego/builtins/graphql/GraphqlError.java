package io.kubepolicies.rego.builtins.graphql;

/**
 * A gqlparser error: a message and, when known, where it applies. {@link #text()} is the error's
 * Go text ({@code input:1:2: Expected Name, found <EOF>}), which OPA takes apart to word its own
 * message.
 */
final class GraphqlError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Where the error applies, or null: documents given as objects carry no positions. */
  private final transient Position position;

  GraphqlError(Position position, String message) {
    super(message, null, false, false);
    this.position = position;
  }

  /** gqlerror's {@code Error()}: {@code input:LINE:COLUMN: message}, or {@code input: message}. */
  String text() {
    return position == null
        ? "input: " + getMessage()
        : "input:" + position.line() + ":" + position.column() + ": " + getMessage();
  }
}
