package io.kubepolicies.rego.builtins.graphql;

import io.kubepolicies.rego.builtins.graphql.QueryAst.Directive;
import io.kubepolicies.rego.builtins.graphql.SchemaAst.ArgumentDefinition;
import io.kubepolicies.rego.builtins.graphql.SchemaAst.Definition;
import io.kubepolicies.rego.builtins.graphql.SchemaAst.DirectiveDefinition;
import io.kubepolicies.rego.builtins.graphql.SchemaAst.Document;
import io.kubepolicies.rego.builtins.graphql.SchemaAst.EnumValueDefinition;
import io.kubepolicies.rego.builtins.graphql.SchemaAst.FieldDefinition;
import io.kubepolicies.rego.builtins.graphql.SchemaAst.OperationTypeDefinition;
import io.kubepolicies.rego.builtins.graphql.SchemaAst.SchemaDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** gqlparser's {@code ParseSchema}: a schema document in SDL. */
final class SchemaParser extends Parser {
  private static final Set<String> LOCATIONS = Set.of("QUERY", "MUTATION", "SUBSCRIPTION", "FIELD",
      "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD", "INLINE_FRAGMENT", "VARIABLE_DEFINITION", "SCHEMA", "SCALAR",
      "OBJECT", "FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INTERFACE", "UNION", "ENUM", "ENUM_VALUE",
      "INPUT_OBJECT", "INPUT_FIELD_DEFINITION");

  /** A description and the comments before it. */
  private record Description(String text, Comments comment) {
    static final Description NONE = new Description("", null);
  }

  private final boolean builtIn;
  private final List<SchemaDefinition> schema = new ArrayList<>();
  private final List<SchemaDefinition> schemaExtensions = new ArrayList<>();
  private final List<DirectiveDefinition> directives = new ArrayList<>();
  private final List<Definition> definitions = new ArrayList<>();
  private final List<Definition> extensions = new ArrayList<>();

  private SchemaParser(String source, boolean builtIn) {
    super(source);
    this.builtIn = builtIn;
  }

  /** The document, or a {@link GraphqlError} for the first syntax error. */
  static Document parse(String source) {
    return parse(source, false);
  }

  /** As {@link #parse(String)}; {@code builtIn} marks the definitions as the prelude's. */
  static Document parse(String source, boolean builtIn) {
    SchemaParser p = new SchemaParser(source, builtIn);
    Document doc = p.parseDocument();
    if (p.error() != null) {
      throw p.error();
    }
    return doc;
  }

  private Document parseDocument() {
    while (peek().kind() != TokenKind.EOF) {
      if (error() != null) {
        return null;
      }
      Description description = Description.NONE;
      if (peek().kind() == TokenKind.BLOCK_STRING || peek().kind() == TokenKind.STRING) {
        description = parseDescription();
      }
      if (peek().kind() != TokenKind.NAME) {
        unexpectedError();
        break;
      }
      switch (peek().value()) {
        case "scalar", "type", "interface", "union", "enum", "input" -> definitions.add(parseTypeSystemDefinition(description));
        case "schema" -> schema.add(parseSchemaDefinition(description));
        case "directive" -> directives.add(parseDirectiveDefinition(description));
        case "extend" -> {
          if (!description.text().isEmpty()) {
            unexpectedToken(previous());
          }
          parseTypeSystemExtension();
        }
        default -> {
          unexpectedError();
          return null;
        }
      }
    }
    return new Document(List.copyOf(schema), List.copyOf(schemaExtensions), List.copyOf(directives),
        List.copyOf(definitions), List.copyOf(extensions), comment());
  }

  private Description parseDescription() {
    Token token = peek();
    if (token.kind() != TokenKind.BLOCK_STRING && token.kind() != TokenKind.STRING) {
      return Description.NONE;
    }
    Comments before = comment();
    return new Description(next().value(), before);
  }

  private Definition parseTypeSystemDefinition(Description description) {
    Token tok = peek();
    return switch (tok.value()) {
      case "scalar" -> typeDefinition("SCALAR", description, false, false, false, false, false);
      case "type" -> typeDefinition("OBJECT", description, true, true, false, false, false);
      case "interface" -> typeDefinition("INTERFACE", description, true, true, false, false, false);
      case "union" -> typeDefinition("UNION", description, false, false, true, false, false);
      case "enum" -> typeDefinition("ENUM", description, false, false, false, true, false);
      default -> typeDefinition("INPUT_OBJECT", description, false, false, false, false, true);
    };
  }

  private static String keyword(String kind) {
    return switch (kind) {
      case "SCALAR" -> "scalar";
      case "OBJECT" -> "type";
      case "INTERFACE" -> "interface";
      case "UNION" -> "union";
      case "ENUM" -> "enum";
      default -> "input";
    };
  }

  /**
   * A type definition of {@code kind}; the flags say which parts its grammar has: implemented
   * interfaces, fields, union members, enum values, input fields.
   */
  private Definition typeDefinition(String kind, Description description, boolean implementsInterfaces,
      boolean hasFields, boolean hasMembers, boolean hasValues, boolean hasInputFields) {
    Comments afterDescription = expectKeyword(keyword(kind));
    Position pos = peekPos();
    String name = parseName();
    List<String> interfaces = implementsInterfaces ? parseImplementsInterfaces() : List.of();
    List<Directive> directives = parseDirectives(true);
    Body body = body(hasFields, hasMembers, hasValues, hasInputFields);
    return new Definition(kind, description.text(), name, directives, interfaces, body.fields, body.types,
        body.values, pos, builtIn, description.comment(), afterDescription, body.end);
  }

  /** The members of a type definition or extension and the comments before its closing brace. */
  private record Body(List<FieldDefinition> fields, List<String> types, List<EnumValueDefinition> values, Comments end) {}

  private Body body(boolean hasFields, boolean hasMembers, boolean hasValues, boolean hasInputFields) {
    List<FieldDefinition> fields = new ArrayList<>();
    List<EnumValueDefinition> values = new ArrayList<>();
    Comments end = null;
    if (hasFields) {
      end = some(TokenKind.BRACE_L, TokenKind.BRACE_R, () -> fields.add(parseFieldDefinition()));
    } else if (hasInputFields) {
      end = some(TokenKind.BRACE_L, TokenKind.BRACE_R, () -> fields.add(parseInputValueDefinition()));
    } else if (hasValues) {
      end = some(TokenKind.BRACE_L, TokenKind.BRACE_R, () -> values.add(parseEnumValueDefinition()));
    }
    List<String> types = hasMembers ? parseUnionMemberTypes() : List.of();
    return new Body(List.copyOf(fields), types, List.copyOf(values), end);
  }

  private SchemaDefinition parseSchemaDefinition(Description description) {
    Comments afterDescription = expectKeyword("schema");
    Position pos = peekPos();
    List<Directive> dirs = parseDirectives(true);
    List<OperationTypeDefinition> types = new ArrayList<>();
    Comments end = some(TokenKind.BRACE_L, TokenKind.BRACE_R, () -> types.add(parseOperationTypeDefinition()));
    return new SchemaDefinition(description.text(), dirs, List.copyOf(types), pos, description.comment(),
        afterDescription, end);
  }

  private OperationTypeDefinition parseOperationTypeDefinition() {
    Position pos = peekPos();
    Comments before = comment();
    String operation = parseOperationType();
    expect(TokenKind.COLON);
    return new OperationTypeDefinition(operation, parseName(), pos, before);
  }

  private List<String> parseImplementsInterfaces() {
    List<String> types = new ArrayList<>();
    if (peek().value().equals("implements")) {
      next();
      skip(TokenKind.AMP);
      types.add(parseName());
      while (skip(TokenKind.AMP) && error() == null) {
        types.add(parseName());
      }
    }
    return List.copyOf(types);
  }

  /** A member's description, then the comments before its name (gqlparser's two comment slots). */
  private record Lead(Position position, String description, Comments beforeDescription, Comments afterDescription) {}

  private Lead parseLead() {
    Position pos = peekPos();
    Description desc = parseDescription();
    boolean described = !desc.text().isEmpty();
    peek();
    return new Lead(pos, desc.text(), described ? desc.comment() : null, comment());
  }

  private FieldDefinition parseFieldDefinition() {
    Lead lead = parseLead();
    String name = parseName();
    List<ArgumentDefinition> arguments = parseArgumentDefinitions();
    expect(TokenKind.COLON);
    TypeRef type = parseTypeReference();
    return new FieldDefinition(lead.description(), name, arguments, null, type, parseDirectives(true),
        lead.position(), lead.beforeDescription(), lead.afterDescription());
  }

  private List<ArgumentDefinition> parseArgumentDefinitions() {
    List<ArgumentDefinition> arguments = new ArrayList<>();
    some(TokenKind.PAREN_L, TokenKind.PAREN_R, () -> arguments.add(parseArgumentDefinition()));
    return List.copyOf(arguments);
  }

  private ArgumentDefinition parseArgumentDefinition() {
    Lead lead = parseLead();
    String name = parseName();
    expect(TokenKind.COLON);
    TypeRef type = parseTypeReference();
    ValueNode defaultValue = skip(TokenKind.EQUALS) ? parseValueLiteral(true) : null;
    return new ArgumentDefinition(lead.description(), name, defaultValue, type, parseDirectives(true),
        lead.position(), lead.beforeDescription(), lead.afterDescription());
  }

  private FieldDefinition parseInputValueDefinition() {
    Lead lead = parseLead();
    String name = parseName();
    expect(TokenKind.COLON);
    TypeRef type = parseTypeReference();
    ValueNode defaultValue = skip(TokenKind.EQUALS) ? parseValueLiteral(true) : null;
    return new FieldDefinition(lead.description(), name, List.of(), defaultValue, type, parseDirectives(true),
        lead.position(), lead.beforeDescription(), lead.afterDescription());
  }

  private List<String> parseUnionMemberTypes() {
    List<String> types = new ArrayList<>();
    if (skip(TokenKind.EQUALS)) {
      skip(TokenKind.PIPE);
      types.add(parseName());
      while (skip(TokenKind.PIPE) && error() == null) {
        types.add(parseName());
      }
    }
    return List.copyOf(types);
  }

  private EnumValueDefinition parseEnumValueDefinition() {
    Lead lead = parseLead();
    String name = parseName();
    return new EnumValueDefinition(lead.description(), name, parseDirectives(true), lead.position(),
        lead.beforeDescription(), lead.afterDescription());
  }

  private void parseTypeSystemExtension() {
    Comments afterExtend = expectKeyword("extend");
    String what = peek().value();
    switch (what) {
      case "schema" -> schemaExtensions.add(parseSchemaExtension(afterExtend));
      case "scalar", "type", "interface", "union", "enum", "input" -> extensions.add(parseTypeExtension(what, afterExtend));
      default -> unexpectedError();
    }
  }

  private SchemaDefinition parseSchemaExtension(Comments afterExtend) {
    expectKeyword("schema");
    Position pos = peekPos();
    List<Directive> dirs = parseDirectives(true);
    List<OperationTypeDefinition> types = new ArrayList<>();
    Comments end = some(TokenKind.BRACE_L, TokenKind.BRACE_R, () -> types.add(parseOperationTypeDefinition()));
    if (dirs.isEmpty() && types.isEmpty()) {
      unexpectedError();
    }
    return new SchemaDefinition("", dirs, List.copyOf(types), pos, null, afterExtend, end);
  }

  /** An extension must add something: directives, interfaces, fields, members or values. */
  private Definition parseTypeExtension(String keyword, Comments afterExtend) {
    expectKeyword(keyword);
    Position pos = peekPos();
    String name = parseName();
    String kind;
    List<String> interfaces = List.of();
    Body body;
    List<Directive> dirs;
    switch (keyword) {
      case "scalar" -> {
        kind = "SCALAR";
        dirs = parseDirectives(true);
        body = body(false, false, false, false);
      }
      case "type" -> {
        kind = "OBJECT";
        interfaces = parseImplementsInterfaces();
        dirs = parseDirectives(true);
        body = body(true, false, false, false);
      }
      case "interface" -> {
        kind = "INTERFACE";
        dirs = parseDirectives(true);
        body = body(true, false, false, false);
      }
      case "union" -> {
        kind = "UNION";
        dirs = parseDirectives(true);
        body = body(false, true, false, false);
      }
      case "enum" -> {
        kind = "ENUM";
        dirs = parseDirectives(true);
        body = body(false, false, true, false);
      }
      default -> {
        kind = "INPUT_OBJECT";
        dirs = parseDirectives(false);
        body = body(false, false, false, true);
      }
    }
    if (interfaces.isEmpty() && dirs.isEmpty() && body.fields.isEmpty() && body.types.isEmpty() && body.values.isEmpty()) {
      unexpectedError();
    }
    return new Definition(kind, "", name, dirs, interfaces, body.fields, body.types, body.values, pos, builtIn,
        null, afterExtend, body.end);
  }

  private DirectiveDefinition parseDirectiveDefinition(Description description) {
    Comments afterDescription = expectKeyword("directive");
    expect(TokenKind.AT);
    Position pos = peekPos();
    String name = parseName();
    List<ArgumentDefinition> arguments = parseArgumentDefinitions();
    boolean repeatable = false;
    Token peek = peek();
    if (peek.kind() == TokenKind.NAME && peek.value().equals("repeatable")) {
      repeatable = true;
      skip(TokenKind.NAME);
    }
    expectKeyword("on");
    return new DirectiveDefinition(description.text(), name, arguments, parseDirectiveLocations(), repeatable, pos,
        description.comment(), afterDescription);
  }

  private List<String> parseDirectiveLocations() {
    skip(TokenKind.PIPE);
    List<String> locations = new ArrayList<>();
    locations.add(parseDirectiveLocation());
    while (skip(TokenKind.PIPE) && error() == null) {
      locations.add(parseDirectiveLocation());
    }
    return List.copyOf(locations);
  }

  private String parseDirectiveLocation() {
    Token name = expect(TokenKind.NAME);
    if (LOCATIONS.contains(name.value())) {
      return name.value();
    }
    unexpectedToken(name);
    return "";
  }
}
