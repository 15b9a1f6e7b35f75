package io.kubepolicies.rego.builtins.graphql;

import io.kubepolicies.rego.builtins.graphql.QueryAst.Argument;
import io.kubepolicies.rego.builtins.graphql.QueryAst.Directive;
import io.kubepolicies.rego.builtins.graphql.ValueNode.ChildValue;
import io.kubepolicies.rego.value.GoQuote;
import java.util.ArrayList;
import java.util.List;

/**
 * gqlparser's parser machinery (token look-ahead, comment groups, errors) and the grammar that
 * queries and schemas share: values, directives, arguments and type references. Like gqlparser it
 * keeps the first error and then runs down without consuming more input. Unlike gqlparser it caps
 * nesting, so that a hostile document fails with an error instead of exhausting the stack.
 */
abstract class Parser {
  static final int MAX_DEPTH = 256;

  private final Lexer lexer;
  private GraphqlError err;
  private boolean peeked;
  private Token peekToken;
  private GraphqlError peekError;
  private Token prev = new Token(TokenKind.INVALID, "", new Position(0, 0));
  private Comments comment;
  private boolean commentConsuming;
  private int depth;

  Parser(String source) {
    this.lexer = new Lexer(source);
  }

  /** The first error met, or null. */
  final GraphqlError error() {
    return err;
  }

  /** The comments before the token looked at, or null. */
  final Comments comment() {
    return comment;
  }

  final Token peek() {
    if (err != null) {
      return prev;
    }
    if (!peeked) {
      Lexer.Lexed lexed = lexer.next();
      peekToken = lexed.token();
      peekError = lexed.error();
      peeked = true;
      if (peekToken.kind() == TokenKind.COMMENT) {
        consumeCommentGroup();
      }
    }
    return peekToken;
  }

  final Position peekPos() {
    return err != null ? null : peek().position();
  }

  final Token next() {
    if (err != null) {
      return prev;
    }
    if (peeked) {
      peeked = false;
      comment = null;
      prev = peekToken;
      err = peekError;
    } else {
      Lexer.Lexed lexed = lexer.next();
      prev = lexed.token();
      err = lexed.error();
      if (prev.kind() == TokenKind.COMMENT) {
        consumeCommentGroup();
      }
    }
    return prev;
  }

  final Token previous() {
    return prev;
  }

  private void consumeCommentGroup() {
    if (err != null || commentConsuming) {
      return;
    }
    commentConsuming = true;
    List<String> comments = new ArrayList<>();
    while (err == null && peek().kind() == TokenKind.COMMENT) {
      comments.add(next().value());
    }
    comment = new Comments(comments);
    commentConsuming = false;
  }

  final void error(Token at, String message) {
    if (err == null) {
      err = new GraphqlError(at.position(), message);
    }
  }

  final Token expect(TokenKind kind) {
    Token tok = peek();
    if (tok.kind() == kind) {
      return next();
    }
    error(tok, "Expected " + kind + ", found " + tok.kind());
    return tok;
  }

  /** {@link #expect}, returning the comments that stood before the token. */
  final Comments expectAfterComment(TokenKind kind) {
    Comments before = comment;
    expect(kind);
    return before;
  }

  /** Expects the name {@code keyword}; returns the comments that stood before it. */
  final Comments expectKeyword(String keyword) {
    Token tok = peek();
    Comments before = comment;
    if (tok.kind() == TokenKind.NAME && tok.value().equals(keyword)) {
      next();
    } else {
      error(tok, "Expected " + GoQuote.quote(keyword, false) + ", found " + tok);
    }
    return before;
  }

  final boolean skip(TokenKind kind) {
    if (err != null || peek().kind() != kind) {
      return false;
    }
    next();
    return true;
  }

  final void unexpectedError() {
    unexpectedToken(peek());
  }

  final void unexpectedToken(Token tok) {
    error(tok, "Unexpected " + tok);
  }

  /** Zero or more items between {@code open} and {@code close}, if {@code open} comes next. */
  final void many(TokenKind open, TokenKind close, Runnable item) {
    if (!skip(open)) {
      return;
    }
    while (peek().kind() != close && err == null) {
      item.run();
    }
    next();
  }

  /**
   * One or more items between {@code open} and {@code close}, if {@code open} comes next; returns
   * the comments before {@code close}.
   */
  final Comments some(TokenKind open, TokenKind close, Runnable item) {
    if (!skip(open)) {
      return null;
    }
    boolean called = false;
    while (peek().kind() != close && err == null) {
      called = true;
      item.run();
    }
    if (!called) {
      error(peek(), "expected at least one definition, found " + peek().kind());
      return null;
    }
    Comments before = comment;
    next();
    return before;
  }

  /**
   * Enters one more level of nesting; past {@link #MAX_DEPTH} levels records an error and returns
   * false (the caller then parses nothing). Every successful call is paired with {@link #leave()}.
   */
  final boolean enter() {
    if (depth >= MAX_DEPTH) {
      error(peek(), "Nesting exceeds the maximum depth of " + MAX_DEPTH);
      return false;
    }
    depth++;
    return true;
  }

  final void leave() {
    depth--;
  }

  final String parseName() {
    return expect(TokenKind.NAME).value();
  }

  /** {@code query}, {@code mutation} or {@code subscription}: an operation or a schema root. */
  final String parseOperationType() {
    Token tok = next();
    return switch (tok.value()) {
      case "query", "mutation", "subscription" -> tok.value();
      default -> {
        unexpectedToken(tok);
        yield "";
      }
    };
  }

  final String parseVariable() {
    expect(TokenKind.DOLLAR);
    return parseName();
  }

  final ValueNode parseValueLiteral(boolean isConst) {
    Token token = peek();
    ValueKind kind;
    switch (token.kind()) {
      case BRACKET_L:
      case BRACE_L:
        if (!enter()) {
          return null;
        }
        try {
          return token.kind() == TokenKind.BRACKET_L ? parseList(isConst) : parseObject(isConst);
        } finally {
          leave();
        }
      case DOLLAR:
        if (isConst) {
          unexpectedError();
          return null;
        }
        return new ValueNode(parseVariable(), List.of(), ValueKind.VARIABLE, token.position(), null, false);
      case INT:
        kind = ValueKind.INT;
        break;
      case FLOAT:
        kind = ValueKind.FLOAT;
        break;
      case STRING:
        kind = ValueKind.STRING;
        break;
      case BLOCK_STRING:
        kind = ValueKind.BLOCK;
        break;
      case NAME:
        kind = switch (token.value()) {
          case "true", "false" -> ValueKind.BOOLEAN;
          case "null" -> ValueKind.NULL;
          default -> ValueKind.ENUM;
        };
        break;
      default:
        unexpectedError();
        return null;
    }
    next();
    return new ValueNode(token.value(), List.of(), kind, token.position(), null, false);
  }

  private ValueNode parseList(boolean isConst) {
    List<ChildValue> values = new ArrayList<>();
    Position pos = peekPos();
    Comments before = comment;
    many(TokenKind.BRACKET_L, TokenKind.BRACKET_R,
        () -> values.add(new ChildValue("", parseValueLiteral(isConst), null, null)));
    return new ValueNode("", List.copyOf(values), ValueKind.LIST, pos, before, false);
  }

  private ValueNode parseObject(boolean isConst) {
    List<ChildValue> fields = new ArrayList<>();
    Position pos = peekPos();
    Comments before = comment;
    many(TokenKind.BRACE_L, TokenKind.BRACE_R, () -> fields.add(parseObjectField(isConst)));
    return new ValueNode("", List.copyOf(fields), ValueKind.OBJECT, pos, before, false);
  }

  private ChildValue parseObjectField(boolean isConst) {
    Position pos = peekPos();
    Comments before = comment;
    String name = parseName();
    expect(TokenKind.COLON);
    return new ChildValue(name, parseValueLiteral(isConst), pos, before);
  }

  final List<Directive> parseDirectives(boolean isConst) {
    List<Directive> directives = new ArrayList<>();
    while (peek().kind() == TokenKind.AT) {
      if (err != null) {
        break;
      }
      directives.add(parseDirective(isConst));
    }
    return List.copyOf(directives);
  }

  private Directive parseDirective(boolean isConst) {
    expect(TokenKind.AT);
    Position pos = peekPos();
    String name = parseName();
    return new Directive(name, parseArguments(isConst), pos, "");
  }

  final List<Argument> parseArguments(boolean isConst) {
    List<Argument> arguments = new ArrayList<>();
    many(TokenKind.PAREN_L, TokenKind.PAREN_R, () -> arguments.add(parseArgument(isConst)));
    return List.copyOf(arguments);
  }

  private Argument parseArgument(boolean isConst) {
    Position pos = peekPos();
    Comments before = comment;
    String name = parseName();
    expect(TokenKind.COLON);
    return new Argument(name, parseValueLiteral(isConst), pos, before);
  }

  final TypeRef parseTypeReference() {
    if (skip(TokenKind.BRACKET_L)) {
      Position pos = peekPos();
      TypeRef elem = null;
      if (enter()) {
        try {
          elem = parseTypeReference();
        } finally {
          leave();
        }
      }
      expect(TokenKind.BRACKET_R);
      return new TypeRef("", elem, skip(TokenKind.BANG), pos);
    }
    Position pos = peekPos();
    String name = parseName();
    return new TypeRef(name, null, skip(TokenKind.BANG), pos);
  }
}
