package io.kubepolicies.rego.builtins.graphql;

import java.util.List;

/**
 * The nodes of a GraphQL query document, shaped like gqlparser's AST: OPA hands that AST to
 * policies field by field. Lists are never null (gqlparser's nil and empty lists look alike to
 * OPA); strings, comments and positions may be absent as in gqlparser. Fields that gqlparser only
 * fills during validation are not kept here, except those OPA's output shows ({@code Used},
 * {@code Location}, {@code ExpectedTypeHasDefault}), which a document given as an object may set.
 */
final class QueryAst {
  private QueryAst() {}

  record Document(List<Operation> operations, List<FragmentDefinition> fragments, Comments comment) {
    FragmentDefinition fragment(String name) {
      for (FragmentDefinition f : fragments) {
        if (f.name().equals(name)) {
          return f;
        }
      }
      return null;
    }
  }

  record Operation(String operation, String name, List<VariableDefinition> variableDefinitions,
      List<Directive> directives, List<Selection> selectionSet, Position position, Comments comment) {
    VariableDefinition variable(String variable) {
      return variableDefinitions.stream().filter(v -> v.variable().equals(variable)).findFirst().orElse(null);
    }
  }

  record VariableDefinition(String variable, TypeRef type, ValueNode defaultValue, List<Directive> directives,
      Position position, Comments comment, boolean used) {}

  /** A field, a fragment spread or an inline fragment. */
  sealed interface Selection permits Field, FragmentSpread, InlineFragment {
    Position position();
  }

  record Field(String alias, String name, List<Argument> arguments, List<Directive> directives,
      List<Selection> selectionSet, Position position, Comments comment) implements Selection {
    /** The key the field's value gets in a response. */
    String responseName() {
      return alias.isEmpty() ? name : alias;
    }
  }

  record FragmentSpread(String name, List<Directive> directives, Position position, Comments comment)
      implements Selection {}

  record InlineFragment(String typeCondition, List<Directive> directives, List<Selection> selectionSet,
      Position position, Comments comment) implements Selection {}

  record FragmentDefinition(String name, List<VariableDefinition> variableDefinition, String typeCondition,
      List<Directive> directives, List<Selection> selectionSet, Position position, Comments comment) {}

  record Argument(String name, ValueNode value, Position position, Comments comment) {}

  record Directive(String name, List<Argument> arguments, Position position, String location) {}
}
