package io.kubepolicies.rego.builtins.graphql;

import io.kubepolicies.rego.value.GoQuote;

/** One lexed token: its kind, its value (empty for punctuation) and where it starts. */
record Token(TokenKind kind, String value, Position position) {
  /** gqlparser's {@code Token.String()}: the kind, then the Go-quoted value when there is one. */
  @Override
  public String toString() {
    return value.isEmpty() ? kind.toString() : kind + " " + GoQuote.quote(value, false);
  }
}
