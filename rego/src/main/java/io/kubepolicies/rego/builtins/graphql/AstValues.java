package io.kubepolicies.rego.builtins.graphql;

import io.kubepolicies.rego.builtins.graphql.QueryAst.Argument;
import io.kubepolicies.rego.builtins.graphql.QueryAst.Directive;
import io.kubepolicies.rego.builtins.graphql.QueryAst.Field;
import io.kubepolicies.rego.builtins.graphql.QueryAst.FragmentDefinition;
import io.kubepolicies.rego.builtins.graphql.QueryAst.FragmentSpread;
import io.kubepolicies.rego.builtins.graphql.QueryAst.InlineFragment;
import io.kubepolicies.rego.builtins.graphql.QueryAst.Operation;
import io.kubepolicies.rego.builtins.graphql.QueryAst.Selection;
import io.kubepolicies.rego.builtins.graphql.QueryAst.VariableDefinition;
import io.kubepolicies.rego.builtins.graphql.SchemaAst.ArgumentDefinition;
import io.kubepolicies.rego.builtins.graphql.SchemaAst.Definition;
import io.kubepolicies.rego.builtins.graphql.SchemaAst.DirectiveDefinition;
import io.kubepolicies.rego.builtins.graphql.SchemaAst.EnumValueDefinition;
import io.kubepolicies.rego.builtins.graphql.SchemaAst.FieldDefinition;
import io.kubepolicies.rego.builtins.graphql.SchemaAst.OperationTypeDefinition;
import io.kubepolicies.rego.builtins.graphql.SchemaAst.SchemaDefinition;
import io.kubepolicies.rego.builtins.graphql.ValueNode.ChildValue;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The Rego value OPA makes of a gqlparser AST: the Go structs' JSON (fields under their Go names),
 * pruned as OPA prunes it: no {@code Position}, no nulls, no empty lists or objects. Empty strings
 * and false booleans stay.
 */
final class AstValues {
  private AstValues() {}

  static ObjectValue query(QueryAst.Document doc) {
    return new Obj()
        .list("Operations", doc.operations(), AstValues::operation)
        .list("Fragments", doc.fragments(), AstValues::fragment)
        .obj("Comment", comments(doc.comment()))
        .build();
  }

  static ObjectValue schema(SchemaAst.Document doc) {
    return new Obj()
        .list("Schema", doc.schema(), AstValues::schemaDefinition)
        .list("SchemaExtension", doc.schemaExtension(), AstValues::schemaDefinition)
        .list("Directives", doc.directives(), AstValues::directiveDefinition)
        .list("Definitions", doc.definitions(), AstValues::definition)
        .list("Extensions", doc.extensions(), AstValues::definition)
        .obj("Comment", comments(doc.comment()))
        .build();
  }

  private static Value operation(Operation op) {
    return new Obj()
        .str("Operation", op.operation())
        .str("Name", op.name())
        .list("VariableDefinitions", op.variableDefinitions(), AstValues::variable)
        .list("Directives", op.directives(), AstValues::directive)
        .list("SelectionSet", op.selectionSet(), AstValues::selection)
        .obj("Comment", comments(op.comment()))
        .build();
  }

  private static Value variable(VariableDefinition v) {
    return new Obj()
        .str("Variable", v.variable())
        .obj("Type", type(v.type()))
        .obj("DefaultValue", value(v.defaultValue()))
        .list("Directives", v.directives(), AstValues::directive)
        .obj("Comment", comments(v.comment()))
        .bool("Used", v.used())
        .build();
  }

  private static Value fragment(FragmentDefinition f) {
    return new Obj()
        .str("Name", f.name())
        .list("VariableDefinition", f.variableDefinition(), AstValues::variable)
        .str("TypeCondition", f.typeCondition())
        .list("Directives", f.directives(), AstValues::directive)
        .list("SelectionSet", f.selectionSet(), AstValues::selection)
        .obj("Comment", comments(f.comment()))
        .build();
  }

  private static Value selection(Selection s) {
    if (s instanceof Field f) {
      return new Obj()
          .str("Alias", f.alias())
          .str("Name", f.name())
          .list("Arguments", f.arguments(), AstValues::argument)
          .list("Directives", f.directives(), AstValues::directive)
          .list("SelectionSet", f.selectionSet(), AstValues::selection)
          .obj("Comment", comments(f.comment()))
          .build();
    }
    if (s instanceof FragmentSpread f) {
      return new Obj()
          .str("Name", f.name())
          .list("Directives", f.directives(), AstValues::directive)
          .obj("Comment", comments(f.comment()))
          .build();
    }
    InlineFragment f = (InlineFragment) s;
    return new Obj()
        .str("TypeCondition", f.typeCondition())
        .list("Directives", f.directives(), AstValues::directive)
        .list("SelectionSet", f.selectionSet(), AstValues::selection)
        .obj("Comment", comments(f.comment()))
        .build();
  }

  private static Value argument(Argument a) {
    return new Obj()
        .str("Name", a.name())
        .obj("Value", value(a.value()))
        .obj("Comment", comments(a.comment()))
        .build();
  }

  private static Value directive(Directive d) {
    return new Obj()
        .str("Name", d.name())
        .list("Arguments", d.arguments(), AstValues::argument)
        .str("Location", d.location())
        .build();
  }

  private static ObjectValue value(ValueNode v) {
    if (v == null) {
      return null;
    }
    return new Obj()
        .str("Raw", v.raw())
        .list("Children", v.children(), AstValues::child)
        .num("Kind", v.kind().ordinal())
        .obj("Comment", comments(v.comment()))
        .bool("ExpectedTypeHasDefault", v.expectedTypeHasDefault())
        .build();
  }

  private static Value child(ChildValue c) {
    return new Obj()
        .str("Name", c.name())
        .obj("Value", value(c.value()))
        .obj("Comment", comments(c.comment()))
        .build();
  }

  private static ObjectValue type(TypeRef t) {
    if (t == null) {
      return null;
    }
    return new Obj()
        .str("NamedType", t.namedType())
        .obj("Elem", type(t.elem()))
        .bool("NonNull", t.nonNull())
        .build();
  }

  private static ObjectValue comments(Comments c) {
    if (c == null) {
      return null;
    }
    return new Obj().list("List", c.values(), text -> new Obj().str("Value", text).build()).build();
  }

  private static Value schemaDefinition(SchemaDefinition s) {
    return new Obj()
        .str("Description", s.description())
        .list("Directives", s.directives(), AstValues::directive)
        .list("OperationTypes", s.operationTypes(), AstValues::operationType)
        .obj("BeforeDescriptionComment", comments(s.beforeDescription()))
        .obj("AfterDescriptionComment", comments(s.afterDescription()))
        .obj("EndOfDefinitionComment", comments(s.endOfDefinition()))
        .build();
  }

  private static Value operationType(OperationTypeDefinition o) {
    return new Obj()
        .str("Operation", o.operation())
        .str("Type", o.type())
        .obj("Comment", comments(o.comment()))
        .build();
  }

  private static Value definition(Definition d) {
    return new Obj()
        .str("Kind", d.kind())
        .str("Description", d.description())
        .str("Name", d.name())
        .list("Directives", d.directives(), AstValues::directive)
        .list("Interfaces", d.interfaces(), StringValue::of)
        .list("Fields", d.fields(), AstValues::fieldDefinition)
        .list("Types", d.types(), StringValue::of)
        .list("EnumValues", d.enumValues(), AstValues::enumValue)
        .bool("BuiltIn", d.builtIn())
        .obj("BeforeDescriptionComment", comments(d.beforeDescription()))
        .obj("AfterDescriptionComment", comments(d.afterDescription()))
        .obj("EndOfDefinitionComment", comments(d.endOfDefinition()))
        .build();
  }

  private static Value fieldDefinition(FieldDefinition f) {
    return new Obj()
        .str("Description", f.description())
        .str("Name", f.name())
        .list("Arguments", f.arguments(), AstValues::argumentDefinition)
        .obj("DefaultValue", value(f.defaultValue()))
        .obj("Type", type(f.type()))
        .list("Directives", f.directives(), AstValues::directive)
        .obj("BeforeDescriptionComment", comments(f.beforeDescription()))
        .obj("AfterDescriptionComment", comments(f.afterDescription()))
        .build();
  }

  private static Value argumentDefinition(ArgumentDefinition a) {
    return new Obj()
        .str("Description", a.description())
        .str("Name", a.name())
        .obj("DefaultValue", value(a.defaultValue()))
        .obj("Type", type(a.type()))
        .list("Directives", a.directives(), AstValues::directive)
        .obj("BeforeDescriptionComment", comments(a.beforeDescription()))
        .obj("AfterDescriptionComment", comments(a.afterDescription()))
        .build();
  }

  private static Value enumValue(EnumValueDefinition e) {
    return new Obj()
        .str("Description", e.description())
        .str("Name", e.name())
        .list("Directives", e.directives(), AstValues::directive)
        .obj("BeforeDescriptionComment", comments(e.beforeDescription()))
        .obj("AfterDescriptionComment", comments(e.afterDescription()))
        .build();
  }

  private static Value directiveDefinition(DirectiveDefinition d) {
    return new Obj()
        .str("Description", d.description())
        .str("Name", d.name())
        .list("Arguments", d.arguments(), AstValues::argumentDefinition)
        .list("Locations", d.locations(), StringValue::of)
        .bool("IsRepeatable", d.isRepeatable())
        .obj("BeforeDescriptionComment", comments(d.beforeDescription()))
        .obj("AfterDescriptionComment", comments(d.afterDescription()))
        .build();
  }

  /** An object under construction; keys come out sorted, and pruned entries are never added. */
  private static final class Obj {
    private final Map<String, Value> entries = new TreeMap<>();

    Obj str(String key, String value) {
      if (value != null) {
        entries.put(key, StringValue.of(value));
      }
      return this;
    }

    Obj bool(String key, boolean value) {
      entries.put(key, BooleanValue.of(value));
      return this;
    }

    Obj num(String key, long value) {
      entries.put(key, NumberValue.of(value));
      return this;
    }

    Obj obj(String key, ObjectValue value) {
      if (value != null && !value.isEmpty()) {
        entries.put(key, value);
      }
      return this;
    }

    <T> Obj list(String key, List<T> items, Function<T, Value> convert) {
      List<Value> values = new ArrayList<>(items.size());
      for (T item : items) {
        Value v = item == null ? null : convert.apply(item);
        if (v != null && !(v instanceof ObjectValue o && o.isEmpty())) {
          values.add(v);
        }
      }
      if (!values.isEmpty()) {
        entries.put(key, ArrayValue.of(values));
      }
      return this;
    }

    ObjectValue build() {
      Map<Value, Value> out = new LinkedHashMap<>();
      entries.forEach((k, v) -> out.put(StringValue.of(k), v));
      return ObjectValue.of(out);
    }
  }
}
