package io.kubepolicies.rego.syntax;

import java.util.List;

/**
 * A lexed source: its tokens (the last is {@link TokenKind#EOF}, preceded by one
 * {@link TokenKind#ILLEGAL} token if the source could not be read to the end), the index of the
 * closing bracket that matches each opening one ({@code -1} elsewhere), and its comments.
 */
record Tokens(Token[] tokens, int[] closers, List<Comment> comments) {}
