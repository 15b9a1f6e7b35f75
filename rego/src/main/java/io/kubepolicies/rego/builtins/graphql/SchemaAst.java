package io.kubepolicies.rego.builtins.graphql;

import io.kubepolicies.rego.builtins.graphql.QueryAst.Directive;
import java.util.ArrayList;
import java.util.List;

/**
 * The nodes of a GraphQL schema document (SDL), shaped like gqlparser's AST. Comments are kept
 * where gqlparser keeps them: before and after a description and before a closing brace.
 */
final class SchemaAst {
  private SchemaAst() {}

  record Document(List<SchemaDefinition> schema, List<SchemaDefinition> schemaExtension,
      List<DirectiveDefinition> directives, List<Definition> definitions, List<Definition> extensions,
      Comments comment) {

    /** gqlparser's {@code SchemaDocument.Merge}: this document's parts followed by {@code other}'s. */
    Document merge(Document other) {
      return new Document(concat(schema, other.schema), concat(schemaExtension, other.schemaExtension),
          concat(directives, other.directives), concat(definitions, other.definitions),
          concat(extensions, other.extensions), null);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
      List<T> all = new ArrayList<>(a);
      all.addAll(b);
      return List.copyOf(all);
    }
  }

  record SchemaDefinition(String description, List<Directive> directives, List<OperationTypeDefinition> operationTypes,
      Position position, Comments beforeDescription, Comments afterDescription, Comments endOfDefinition) {}

  record OperationTypeDefinition(String operation, String type, Position position, Comments comment) {}

  /** A type definition or extension; {@code kind} is one of gqlparser's kind names such as {@code OBJECT}. */
  record Definition(String kind, String description, String name, List<Directive> directives, List<String> interfaces,
      List<FieldDefinition> fields, List<String> types, List<EnumValueDefinition> enumValues, Position position,
      boolean builtIn, Comments beforeDescription, Comments afterDescription, Comments endOfDefinition) {}

  /** A field of an object or interface, or an input field (which may have a default value). */
  record FieldDefinition(String description, String name, List<ArgumentDefinition> arguments, ValueNode defaultValue,
      TypeRef type, List<Directive> directives, Position position, Comments beforeDescription,
      Comments afterDescription) {
    ArgumentDefinition argument(String argument) {
      return arguments.stream().filter(a -> a.name().equals(argument)).findFirst().orElse(null);
    }
  }

  record ArgumentDefinition(String description, String name, ValueNode defaultValue, TypeRef type,
      List<Directive> directives, Position position, Comments beforeDescription, Comments afterDescription) {}

  record EnumValueDefinition(String description, String name, List<Directive> directives, Position position,
      Comments beforeDescription, Comments afterDescription) {}

  record DirectiveDefinition(String description, String name, List<ArgumentDefinition> arguments,
      List<String> locations, boolean isRepeatable, Position position, Comments beforeDescription,
      Comments afterDescription) {
    ArgumentDefinition argument(String argument) {
      return arguments.stream().filter(a -> a.name().equals(argument)).findFirst().orElse(null);
    }
  }
}
