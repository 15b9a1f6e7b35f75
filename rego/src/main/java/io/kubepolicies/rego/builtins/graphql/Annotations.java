package io.kubepolicies.rego.builtins.graphql;

import io.kubepolicies.rego.builtins.graphql.QueryAst.FragmentDefinition;
import io.kubepolicies.rego.builtins.graphql.QueryAst.VariableDefinition;
import io.kubepolicies.rego.builtins.graphql.SchemaAst.DirectiveDefinition;
import io.kubepolicies.rego.builtins.graphql.SchemaAst.FieldDefinition;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What validation learns about the nodes of one document, per node: gqlparser writes these into
 * the AST while walking it (a field's definition, a value's expected type, ...). Here they live
 * beside the immutable AST, one set per validation, so a parsed document can be shared.
 */
final class Annotations {
  /** A field: its definition and the type it was selected on. */
  static final class FieldInfo {
    FieldDefinition definition;
    TypeDef objectDefinition;
  }

  /** A fragment spread: the fragment it names and the type it was spread on. */
  static final class SpreadInfo {
    FragmentDefinition definition;
    TypeDef objectDefinition;
  }

  /** A directive use: its definition, the type of the node it stands on and that node's location. */
  static final class DirectiveInfo {
    DirectiveDefinition definition;
    TypeDef parentDefinition;
    String location = "";
  }

  /** A literal: the type expected where it stands and, for a variable, its definition. */
  static final class ValueInfo {
    TypeRef expectedType;
    TypeDef definition;
    VariableDefinition variableDefinition;
    boolean expectedTypeHasDefault;
  }

  /** A variable definition: the definition of its type and whether the operation uses it. */
  static final class VariableInfo {
    TypeDef definition;
    boolean used;
  }

  /** An inline fragment (the type it stands in) or a fragment definition (its type condition). */
  static final class TypeInfo {
    TypeDef definition;
  }

  private final Map<Object, Object> infos = new IdentityHashMap<>();

  FieldInfo field(QueryAst.Field node) {
    return get(node, FieldInfo.class, FieldInfo::new);
  }

  SpreadInfo spread(QueryAst.FragmentSpread node) {
    return get(node, SpreadInfo.class, SpreadInfo::new);
  }

  DirectiveInfo directive(QueryAst.Directive node) {
    return get(node, DirectiveInfo.class, DirectiveInfo::new);
  }

  ValueInfo value(ValueNode node) {
    return get(node, ValueInfo.class, () -> {
      ValueInfo info = new ValueInfo();
      info.expectedTypeHasDefault = node.expectedTypeHasDefault();
      return info;
    });
  }

  VariableInfo variable(VariableDefinition node) {
    return get(node, VariableInfo.class, () -> {
      VariableInfo info = new VariableInfo();
      info.used = node.used();
      return info;
    });
  }

  TypeInfo type(Object inlineFragmentOrFragment) {
    return get(inlineFragmentOrFragment, TypeInfo.class, TypeInfo::new);
  }

  private <T> T get(Object node, Class<T> type, Supplier<T> create) {
    return type.cast(infos.computeIfAbsent(node, k -> create.get()));
  }
}
