package io.kubepolicies.rego.builtins.graphql;

import io.kubepolicies.rego.builtins.graphql.SchemaAst.DirectiveDefinition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated schema (gqlparser's {@code ast.Schema}): types and directives by name, the possible
 * object types of each abstract type, and the root operation types. Immutable once built, so one
 * instance may serve many queries at once.
 */
final class Schema {
  final Map<String, TypeDef> types = new HashMap<>();
  final Map<String, DirectiveDefinition> directives = new HashMap<>();
  final Map<String, List<TypeDef>> possibleTypes = new HashMap<>();
  TypeDef query;
  TypeDef mutation;
  TypeDef subscription;

  Schema() {}

  TypeDef type(String name) {
    return types.get(name);
  }

  List<TypeDef> possibleTypes(TypeDef def) {
    return possibleTypes.getOrDefault(def.name, List.of());
  }

  /** The root type of operations of kind {@code operation} ({@code query} for an empty kind), or null. */
  TypeDef root(String operation) {
    return switch (operation) {
      case "query", "" -> query;
      case "mutation" -> mutation;
      case "subscription" -> subscription;
      default -> null;
    };
  }
}
