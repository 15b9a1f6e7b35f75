package io.kubepolicies.rego.builtins.graphql;

import io.kubepolicies.rego.builtins.graphql.QueryAst.Directive;
import io.kubepolicies.rego.builtins.graphql.QueryAst.Document;
import io.kubepolicies.rego.builtins.graphql.QueryAst.Field;
import io.kubepolicies.rego.builtins.graphql.QueryAst.FragmentDefinition;
import io.kubepolicies.rego.builtins.graphql.QueryAst.FragmentSpread;
import io.kubepolicies.rego.builtins.graphql.QueryAst.InlineFragment;
import io.kubepolicies.rego.builtins.graphql.QueryAst.Operation;
import io.kubepolicies.rego.builtins.graphql.QueryAst.Selection;
import io.kubepolicies.rego.builtins.graphql.QueryAst.VariableDefinition;
import java.util.ArrayList;
import java.util.List;

/** gqlparser's {@code ParseQuery}: an executable document (operations and fragments). */
final class QueryParser extends Parser {
  private QueryParser(String source) {
    super(source);
  }

  /** The document, or a {@link GraphqlError} for the first syntax error. */
  static Document parse(String source) {
    QueryParser p = new QueryParser(source);
    Document doc = p.parseDocument();
    if (p.error() != null) {
      throw p.error();
    }
    return doc;
  }

  private Document parseDocument() {
    List<Operation> operations = new ArrayList<>();
    List<FragmentDefinition> fragments = new ArrayList<>();
    while (peek().kind() != TokenKind.EOF) {
      if (error() != null) {
        break;
      }
      Token tok = peek();
      if (tok.kind() == TokenKind.BRACE_L) {
        operations.add(parseOperation());
      } else if (tok.kind() != TokenKind.NAME) {
        unexpectedError();
      } else {
        switch (tok.value()) {
          case "query", "mutation", "subscription" -> operations.add(parseOperation());
          case "fragment" -> fragments.add(parseFragmentDefinition());
          default -> unexpectedError();
        }
      }
    }
    return new Document(List.copyOf(operations), List.copyOf(fragments), comment());
  }

  private Operation parseOperation() {
    if (peek().kind() == TokenKind.BRACE_L) {
      // gqlparser builds this operation in one struct literal, so Go reads the parser's comment
      // only after the selection set is parsed, when none is pending any more.
      Position pos = peekPos();
      return new Operation("query", "", List.of(), List.of(), parseRequiredSelectionSet(), pos, null);
    }
    Position pos = peekPos();
    Comments before = comment();
    String operation = parseOperationType();
    String name = peek().kind() == TokenKind.NAME ? next().value() : "";
    List<VariableDefinition> variables = parseVariableDefinitions();
    List<Directive> directives = parseDirectives(false);
    return new Operation(operation, name, variables, directives, parseRequiredSelectionSet(), pos, before);
  }

  private List<VariableDefinition> parseVariableDefinitions() {
    List<VariableDefinition> definitions = new ArrayList<>();
    many(TokenKind.PAREN_L, TokenKind.PAREN_R, () -> definitions.add(parseVariableDefinition()));
    return List.copyOf(definitions);
  }

  private VariableDefinition parseVariableDefinition() {
    Position pos = peekPos();
    Comments before = comment();
    String variable = parseVariable();
    expect(TokenKind.COLON);
    TypeRef type = parseTypeReference();
    ValueNode defaultValue = skip(TokenKind.EQUALS) ? parseValueLiteral(true) : null;
    return new VariableDefinition(variable, type, defaultValue, parseDirectives(false), pos, before, false);
  }

  private List<Selection> parseOptionalSelectionSet() {
    if (!enter()) {
      return List.of();
    }
    try {
      List<Selection> selections = new ArrayList<>();
      some(TokenKind.BRACE_L, TokenKind.BRACE_R, () -> selections.add(parseSelection()));
      return List.copyOf(selections);
    } finally {
      leave();
    }
  }

  private List<Selection> parseRequiredSelectionSet() {
    if (peek().kind() != TokenKind.BRACE_L) {
      error(peek(), "Expected " + TokenKind.BRACE_L + ", found " + peek().kind());
      return List.of();
    }
    return parseOptionalSelectionSet();
  }

  private Selection parseSelection() {
    return peek().kind() == TokenKind.SPREAD ? parseFragment() : parseField();
  }

  private Field parseField() {
    Position pos = peekPos();
    Comments before = comment();
    String alias = parseName();
    String name = skip(TokenKind.COLON) ? parseName() : alias;
    var arguments = parseArguments(false);
    List<Directive> directives = parseDirectives(false);
    List<Selection> selections = peek().kind() == TokenKind.BRACE_L ? parseOptionalSelectionSet() : List.of();
    return new Field(alias, name, arguments, directives, selections, pos, before);
  }

  private Selection parseFragment() {
    Comments before = expectAfterComment(TokenKind.SPREAD);
    Token tok = peek();
    if (tok.kind() == TokenKind.NAME && !tok.value().equals("on")) {
      Position pos = peekPos();
      String name = parseFragmentName();
      return new FragmentSpread(name, parseDirectives(false), pos, before);
    }
    Position pos = peekPos();
    String typeCondition = "";
    if (peek().value().equals("on")) {
      next();
      typeCondition = parseName();
    }
    List<Directive> directives = parseDirectives(false);
    return new InlineFragment(typeCondition, directives, parseRequiredSelectionSet(), pos, before);
  }

  private FragmentDefinition parseFragmentDefinition() {
    Position pos = peekPos();
    Comments before = comment();
    expectKeyword("fragment");
    String name = parseFragmentName();
    List<VariableDefinition> variables = parseVariableDefinitions();
    expectKeyword("on");
    String typeCondition = parseName();
    List<Directive> directives = parseDirectives(false);
    return new FragmentDefinition(name, variables, typeCondition, directives, parseRequiredSelectionSet(), pos, before);
  }

  private String parseFragmentName() {
    if (peek().value().equals("on")) {
      unexpectedError();
      return "";
    }
    return parseName();
  }
}
