package io.kubepolicies.rego.builtins.graphql;

import io.kubepolicies.rego.builtins.graphql.QueryAst.Directive;
import io.kubepolicies.rego.builtins.graphql.SchemaAst.Definition;
import io.kubepolicies.rego.builtins.graphql.SchemaAst.EnumValueDefinition;
import io.kubepolicies.rego.builtins.graphql.SchemaAst.FieldDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * A type of a validated schema: a definition with its extensions merged in (and, for the query
 * root, the introspection fields {@code __schema} and {@code __type} added). Built by
 * {@link SchemaValidator}; not changed once the schema is complete.
 */
final class TypeDef {
  final String kind;
  final String name;
  final Position position;
  final boolean builtIn;
  final List<Directive> directives = new ArrayList<>();
  final List<String> interfaces = new ArrayList<>();
  final List<FieldDefinition> fields = new ArrayList<>();
  final List<String> types = new ArrayList<>();
  final List<EnumValueDefinition> enumValues = new ArrayList<>();

  TypeDef(String kind, String name, Position position, boolean builtIn) {
    this.kind = kind;
    this.name = name;
    this.position = position;
    this.builtIn = builtIn;
  }

  static TypeDef of(Definition d) {
    TypeDef t = new TypeDef(d.kind(), d.name(), d.position(), d.builtIn());
    t.extend(d);
    return t;
  }

  void extend(Definition d) {
    directives.addAll(d.directives());
    interfaces.addAll(d.interfaces());
    fields.addAll(d.fields());
    types.addAll(d.types());
    enumValues.addAll(d.enumValues());
  }

  FieldDefinition field(String fieldName) {
    return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst().orElse(null);
  }

  EnumValueDefinition enumValue(String valueName) {
    return enumValues.stream().filter(v -> v.name().equals(valueName)).findFirst().orElse(null);
  }

  boolean isLeafType() {
    return kind.equals("ENUM") || kind.equals("SCALAR");
  }

  boolean isAbstractType() {
    return kind.equals("INTERFACE") || kind.equals("UNION");
  }

  boolean isCompositeType() {
    return kind.equals("OBJECT") || kind.equals("INTERFACE") || kind.equals("UNION");
  }

  boolean isInputType() {
    return kind.equals("SCALAR") || kind.equals("ENUM") || kind.equals("INPUT_OBJECT");
  }

  /** Whether this type is one of {@code names} (gqlparser's {@code OneOf}). */
  boolean oneOf(String... names) {
    for (String n : names) {
      if (n.equals(name)) {
        return true;
      }
    }
    return false;
  }
}
