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
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.NullValue;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads an AST given as a Rego object back into a document, the way OPA does it: the object's
 * JSON is unmarshalled into gqlparser's structs by Go's {@code encoding/json}. So keys match Go's
 * field names ignoring case, unknown keys are ignored, a mistyped member fails with Go's message,
 * and the quirks of gqlparser's own unmarshallers are kept: every object in a selection set reads
 * as a field first (so fragments given as objects come back as fields), and the comments of
 * fields, operations and fragments are dropped. Fields that only validation fills are not read.
 */
final class AstDecoder {
  /** Go's {@code UnmarshalTypeError}: a member of the wrong JSON type. */
  static final class InvalidAst extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidAst(String message) {
      super(message, null, false, false);
    }
  }

  /** Where in the document a member is: the struct being filled and the path of fields to it. */
  private record Context(String struct, String path) {
    static final Context ROOT = new Context(null, null);

    Context field(String structName, String fieldName) {
      return new Context(structName, path == null ? fieldName : path + "." + fieldName);
    }

    InvalidAst mismatch(Value got, String goType) {
      return mismatch(describe(got), goType);
    }

    /** {@code what} as Go words it: {@code string}, {@code number}, {@code number 1.5}, ... */
    InvalidAst mismatch(String what, String goType) {
      return new InvalidAst(struct == null
          ? "json: cannot unmarshal " + what + " into Go value of type " + goType
          : "json: cannot unmarshal " + what + " into Go struct field " + struct + "." + path + " of type " + goType);
    }
  }

  private int depth;

  private AstDecoder() {}

  static QueryAst.Document query(ObjectValue value) {
    return new AstDecoder().queryDocument(value);
  }

  static SchemaAst.Document schema(ObjectValue value) {
    return new AstDecoder().schemaDocument(value);
  }

  private static String describe(Value v) {
    if (v instanceof StringValue) {
      return "string";
    }
    if (v instanceof NumberValue) {
      return "number";
    }
    if (v instanceof BooleanValue) {
      return "bool";
    }
    return v instanceof ObjectValue ? "object" : "array";
  }

  /** A JSON object's members by key: keys as JSON text, ready for Go's case-insensitive lookup. */
  private static final class Members {
    private final String struct;
    private final Context context;
    private final Map<String, Value> byKey = new TreeMap<>();

    Members(String struct, Context context, ObjectValue object) {
      this.struct = struct;
      this.context = context;
      for (Map.Entry<Value, Value> e : object.entries()) {
        byKey.put(Json.keyText(e.getKey()), e.getValue());
      }
    }

    /**
     * The member for {@code field}. gqlparser's own unmarshallers take the exact key only; Go's
     * decoder takes every key equal to the field name ignoring case, in key order, so the last wins.
     */
    Value get(String field, boolean exactOnly) {
      if (exactOnly) {
        return byKey.get(field);
      }
      Value found = null;
      for (Map.Entry<String, Value> e : byKey.entrySet()) {
        if (e.getKey().equalsIgnoreCase(field)) {
          found = e.getValue();
        }
      }
      return found;
    }

    Context at(String field) {
      return context.field(struct, field);
    }
  }

  /** Reads an object member by member; {@code exactKeys} for gqlparser's hand-written unmarshallers. */
  private final class Reader {
    private final Members members;
    private final boolean exactKeys;

    Reader(String struct, Context context, ObjectValue object, boolean exactKeys) {
      this.members = new Members(struct, exactKeys ? Context.ROOT : context, object);
      this.exactKeys = exactKeys;
    }

    private Value raw(String field) {
      Value v = members.get(field, exactKeys);
      return v instanceof NullValue ? null : v;
    }

    private Context at(String field) {
      return exactKeys ? Context.ROOT : members.at(field);
    }

    String string(String field, String goType) {
      Value v = raw(field);
      if (v == null) {
        return "";
      }
      if (v instanceof StringValue s) {
        return s.value();
      }
      throw at(field).mismatch(v, goType);
    }

    String string(String field) {
      return string(field, "string");
    }

    boolean bool(String field) {
      Value v = raw(field);
      if (v == null) {
        return false;
      }
      if (v instanceof BooleanValue b) {
        return b.value();
      }
      throw at(field).mismatch(v, "bool");
    }

    <T> T object(String field, String goType, Function<Reader, T> read) {
      Value v = raw(field);
      if (v == null) {
        return null;
      }
      if (!(v instanceof ObjectValue o)) {
        throw at(field).mismatch(v, goType);
      }
      return nested(() -> read.apply(new Reader(goType.substring(goType.indexOf('.') + 1), at(field), o, false)));
    }

    <T> List<T> list(String field, String goType, String elemType, Function<Reader, T> read) {
      List<Value> items = items(raw(field), at(field), goType);
      List<T> out = new ArrayList<>();
      for (Value item : items) {
        if (item instanceof NullValue) {
          continue;
        }
        if (!(item instanceof ObjectValue o)) {
          throw at(field).mismatch(item, elemType);
        }
        out.add(nested(() -> read.apply(new Reader(elemType.substring(elemType.indexOf('.') + 1), at(field), o, false))));
      }
      return List.copyOf(out);
    }

    List<String> strings(String field, String goType, String elemType) {
      List<String> out = new ArrayList<>();
      for (Value item : items(raw(field), at(field), goType)) {
        if (item instanceof StringValue s) {
          out.add(s.value());
        } else if (!(item instanceof NullValue)) {
          throw at(field).mismatch(item, elemType);
        } else {
          out.add("");
        }
      }
      return List.copyOf(out);
    }

    /** Presence only: validation-only members are checked for their JSON type and not kept. */
    void skipObject(String field, String goType) {
      Value v = raw(field);
      if (v != null && !(v instanceof ObjectValue)) {
        throw at(field).mismatch(v, goType);
      }
    }

    Comments comments(String field) {
      return object(field, "ast.CommentGroup",
          r -> new Comments(r.list("List", "[]*ast.Comment", "ast.Comment", c -> c.string("Value"))));
    }
  }

  private static List<Value> items(Value v, Context at, String goType) {
    if (v == null) {
      return List.of();
    }
    if (v instanceof ArrayValue a) {
      return a.elements();
    }
    if (v instanceof SetValue s) {
      return s.sorted();
    }
    throw at.mismatch(v, goType);
  }

  /**
   * A type reference the document cannot do without. Go would fail on the missing pointer while
   * validating; here it is a clear error instead.
   */
  private TypeRef requiredType(Reader r, String owner) {
    TypeRef type = r.object("Type", "ast.Type", this::type);
    if (type == null) {
      throw new InvalidAst("GraphQL AST object: " + owner + " has no Type");
    }
    return type;
  }

  private <T> T nested(Supplier<T> read) {
    if (depth >= Parser.MAX_DEPTH) {
      throw new InvalidAst("GraphQL AST object nests deeper than " + Parser.MAX_DEPTH + " levels");
    }
    depth++;
    try {
      return read.get();
    } finally {
      depth--;
    }
  }

  // Query documents. QueryDocument is decoded by encoding/json; operations, fragments, fields and
  // inline fragments by gqlparser's own unmarshallers, whose type errors Go reports at the
  // enclosing document field.

  private QueryAst.Document queryDocument(ObjectValue value) {
    Reader r = new Reader("QueryDocument", Context.ROOT, value, false);
    Comments comment = r.comments("Comment");
    List<FragmentDefinition> fragments = custom(r, "Fragments", "ast.FragmentDefinitionList", this::fragmentDefinition);
    List<Operation> operations = custom(r, "Operations", "ast.OperationList", this::operation);
    return new QueryAst.Document(operations, fragments, comment);
  }

  /** A list whose items gqlparser unmarshals by hand; their type errors are reported at {@code field}. */
  private <T> List<T> custom(Reader r, String field, String goType, Function<ObjectValue, T> read) {
    Context at = r.members.at(field);
    List<T> out = new ArrayList<>();
    for (Value item : items(r.raw(field), at, goType)) {
      if (item instanceof NullValue) {
        continue;
      }
      if (!(item instanceof ObjectValue o)) {
        throw at.mismatch(item, "map[string]json.RawMessage");
      }
      try {
        out.add(nested(() -> read.apply(o)));
      } catch (InvalidAst e) {
        throw new InvalidAst(relocate(e.getMessage(), at));
      }
    }
    return List.copyOf(out);
  }

  /** Go's {@code addErrorContext}: an inner type error takes the outer decoder's struct and field. */
  private static String relocate(String message, Context at) {
    int into = message.indexOf(" into Go ");
    int ofType = message.lastIndexOf(" of type ");
    if (into < 0 || ofType < 0 || message.startsWith("GraphQL AST")) {
      return message;
    }
    return message.substring(0, into) + " into Go struct field " + at.struct() + "." + at.path() + message.substring(ofType);
  }

  private Operation operation(ObjectValue o) {
    Reader r = new Reader("OperationDefinition", Context.ROOT, o, true);
    List<Directive> directives = r.list("Directives", "ast.DirectiveList", "ast.Directive", this::directive);
    String name = r.string("Name");
    String operation = r.string("Operation", "ast.Operation");
    List<Selection> selections = selectionSet(r.raw("SelectionSet"));
    List<VariableDefinition> variables = r.list("VariableDefinitions", "ast.VariableDefinitionList",
        "ast.VariableDefinition", this::variableDefinition);
    return new Operation(operation, name, variables, directives, selections, null, null);
  }

  private FragmentDefinition fragmentDefinition(ObjectValue o) {
    Reader r = new Reader("FragmentDefinition", Context.ROOT, o, true);
    r.skipObject("Definition", "ast.Definition");
    List<Directive> directives = r.list("Directives", "ast.DirectiveList", "ast.Directive", this::directive);
    String name = r.string("Name");
    List<Selection> selections = selectionSet(r.raw("SelectionSet"));
    String typeCondition = r.string("TypeCondition");
    List<VariableDefinition> variables = r.list("VariableDefinition", "ast.VariableDefinitionList",
        "ast.VariableDefinition", this::variableDefinition);
    return new FragmentDefinition(name, variables, typeCondition, directives, selections, null, null);
  }

  /**
   * gqlparser's {@code UnmarshalSelectionSet}: each item is tried as a field, then as a fragment
   * spread, then as an inline fragment; an item none of them accepts is dropped.
   */
  private List<Selection> selectionSet(Value v) {
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof ArrayValue) && !(v instanceof SetValue)) {
      throw Context.ROOT.mismatch(v, "[]json.RawMessage");
    }
    List<Selection> out = new ArrayList<>();
    for (Value item : items(v, Context.ROOT, "[]json.RawMessage")) {
      ObjectValue o = item instanceof NullValue ? ObjectValue.EMPTY : item instanceof ObjectValue obj ? obj : null;
      if (o == null) {
        continue;
      }
      Selection s = firstAccepting(o);
      if (s != null) {
        out.add(s);
      }
    }
    return List.copyOf(out);
  }

  private Selection firstAccepting(ObjectValue o) {
    List<Function<ObjectValue, Selection>> readers = List.of(this::field, this::fragmentSpread, this::inlineFragment);
    for (Function<ObjectValue, Selection> read : readers) {
      try {
        return nested(() -> read.apply(o));
      } catch (InvalidAst e) {
        if (e.getMessage().startsWith("GraphQL AST")) {
          throw e;
        }
      }
    }
    return null;
  }

  private Selection field(ObjectValue o) {
    Reader r = new Reader("Field", Context.ROOT, o, true);
    String alias = r.string("Alias");
    List<Argument> arguments = r.list("Arguments", "ast.ArgumentList", "ast.Argument", this::argument);
    r.skipObject("Definition", "ast.FieldDefinition");
    List<Directive> directives = r.list("Directives", "ast.DirectiveList", "ast.Directive", this::directive);
    String name = r.string("Name");
    r.skipObject("ObjectDefinition", "ast.Definition");
    List<Selection> selections = selectionSet(r.raw("SelectionSet"));
    return new Field(alias, name, arguments, directives, selections, null, null);
  }

  private Selection fragmentSpread(ObjectValue o) {
    Reader r = new Reader("FragmentSpread", Context.ROOT, o, false);
    Comments comment = r.comments("Comment");
    r.skipObject("Definition", "ast.FragmentDefinition");
    List<Directive> directives = r.list("Directives", "ast.DirectiveList", "ast.Directive", this::directive);
    String name = r.string("Name");
    r.skipObject("ObjectDefinition", "ast.Definition");
    return new FragmentSpread(name, directives, null, comment);
  }

  private Selection inlineFragment(ObjectValue o) {
    Reader r = new Reader("InlineFragment", Context.ROOT, o, true);
    List<Directive> directives = r.list("Directives", "ast.DirectiveList", "ast.Directive", this::directive);
    r.skipObject("ObjectDefinition", "ast.Definition");
    List<Selection> selections = selectionSet(r.raw("SelectionSet"));
    String typeCondition = r.string("TypeCondition");
    return new InlineFragment(typeCondition, directives, selections, null, null);
  }

  private VariableDefinition variableDefinition(Reader r) {
    Comments comment = r.comments("Comment");
    ValueNode defaultValue = r.object("DefaultValue", "ast.Value", this::value);
    r.skipObject("Definition", "ast.Definition");
    List<Directive> directives = r.list("Directives", "ast.DirectiveList", "ast.Directive", this::directive);
    TypeRef type = requiredType(r, "a variable definition");
    boolean used = r.bool("Used");
    String variable = r.string("Variable");
    return new VariableDefinition(variable, type, defaultValue, directives, null, comment, used);
  }

  private Directive directive(Reader r) {
    List<Argument> arguments = r.list("Arguments", "ast.ArgumentList", "ast.Argument", this::argument);
    r.skipObject("Definition", "ast.DirectiveDefinition");
    String location = r.string("Location", "ast.DirectiveLocation");
    String name = r.string("Name");
    r.skipObject("ParentDefinition", "ast.Definition");
    return new Directive(name, arguments, null, location);
  }

  private Argument argument(Reader r) {
    Comments comment = r.comments("Comment");
    String name = r.string("Name");
    ValueNode value = r.object("Value", "ast.Value", this::value);
    return new Argument(name, value, null, comment);
  }

  private ValueNode value(Reader r) {
    List<ChildValue> children = r.list("Children", "ast.ChildValueList", "ast.ChildValue", this::child);
    Comments comment = r.comments("Comment");
    r.skipObject("Definition", "ast.Definition");
    r.skipObject("ExpectedType", "ast.Type");
    boolean hasDefault = r.bool("ExpectedTypeHasDefault");
    ValueKind kind = kind(r);
    String raw = r.string("Raw");
    r.skipObject("VariableDefinition", "ast.VariableDefinition");
    return new ValueNode(raw, children, kind, null, comment, hasDefault);
  }

  /** A value's {@code Kind}: an integer naming one of gqlparser's value kinds. */
  private static ValueKind kind(Reader r) {
    Value v = r.raw("Kind");
    if (v == null) {
      return ValueKind.VARIABLE;
    }
    if (!(v instanceof NumberValue n)) {
      throw r.at("Kind").mismatch(v, "ast.ValueKind");
    }
    if (!n.isLong()) {
      throw r.at("Kind").mismatch("number " + n, "ast.ValueKind");
    }
    long k = n.longValue();
    if (k < 0 || k >= ValueKind.values().length) {
      throw new InvalidAst("GraphQL AST object has an unknown value kind " + k);
    }
    return ValueKind.values()[(int) k];
  }

  private ChildValue child(Reader r) {
    Comments comment = r.comments("Comment");
    String name = r.string("Name");
    ValueNode value = r.object("Value", "ast.Value", this::value);
    return new ChildValue(name, value, null, comment);
  }

  private TypeRef type(Reader r) {
    TypeRef elem = r.object("Elem", "ast.Type", this::type);
    String named = r.string("NamedType");
    boolean nonNull = r.bool("NonNull");
    return new TypeRef(named, elem, nonNull, null);
  }

  // Schema documents: all plain encoding/json.

  private SchemaAst.Document schemaDocument(ObjectValue value) {
    Reader r = new Reader("SchemaDocument", Context.ROOT, value, false);
    Comments comment = r.comments("Comment");
    List<Definition> definitions = r.list("Definitions", "ast.DefinitionList", "ast.Definition", this::definition);
    List<DirectiveDefinition> directives = r.list("Directives", "ast.DirectiveDefinitionList",
        "ast.DirectiveDefinition", this::directiveDefinition);
    List<Definition> extensions = r.list("Extensions", "ast.DefinitionList", "ast.Definition", this::definition);
    List<SchemaDefinition> schema = r.list("Schema", "ast.SchemaDefinitionList", "ast.SchemaDefinition",
        this::schemaDefinition);
    List<SchemaDefinition> schemaExtension = r.list("SchemaExtension", "ast.SchemaDefinitionList",
        "ast.SchemaDefinition", this::schemaDefinition);
    return new SchemaAst.Document(schema, schemaExtension, directives, definitions, extensions, comment);
  }

  private SchemaDefinition schemaDefinition(Reader r) {
    Comments after = r.comments("AfterDescriptionComment");
    Comments before = r.comments("BeforeDescriptionComment");
    String description = r.string("Description");
    List<Directive> directives = r.list("Directives", "ast.DirectiveList", "ast.Directive", this::directive);
    Comments end = r.comments("EndOfDefinitionComment");
    List<OperationTypeDefinition> types = r.list("OperationTypes", "ast.OperationTypeDefinitionList",
        "ast.OperationTypeDefinition", this::operationType);
    return new SchemaDefinition(description, directives, types, null, before, after, end);
  }

  private OperationTypeDefinition operationType(Reader r) {
    Comments comment = r.comments("Comment");
    String operation = r.string("Operation", "ast.Operation");
    String type = r.string("Type");
    return new OperationTypeDefinition(operation, type, null, comment);
  }

  private Definition definition(Reader r) {
    Comments after = r.comments("AfterDescriptionComment");
    Comments before = r.comments("BeforeDescriptionComment");
    boolean builtIn = r.bool("BuiltIn");
    String description = r.string("Description");
    List<Directive> directives = r.list("Directives", "ast.DirectiveList", "ast.Directive", this::directive);
    Comments end = r.comments("EndOfDefinitionComment");
    List<EnumValueDefinition> values = r.list("EnumValues", "ast.EnumValueList", "ast.EnumValueDefinition",
        this::enumValue);
    List<FieldDefinition> fields = r.list("Fields", "ast.FieldList", "ast.FieldDefinition", this::fieldDefinition);
    List<String> interfaces = r.strings("Interfaces", "[]string", "string");
    String kind = r.string("Kind", "ast.DefinitionKind");
    String name = r.string("Name");
    List<String> types = r.strings("Types", "[]string", "string");
    return new Definition(kind, description, name, directives, interfaces, fields, types, values, null, builtIn,
        before, after, end);
  }

  private FieldDefinition fieldDefinition(Reader r) {
    Comments after = r.comments("AfterDescriptionComment");
    List<ArgumentDefinition> arguments = r.list("Arguments", "ast.ArgumentDefinitionList", "ast.ArgumentDefinition",
        this::argumentDefinition);
    Comments before = r.comments("BeforeDescriptionComment");
    ValueNode defaultValue = r.object("DefaultValue", "ast.Value", this::value);
    String description = r.string("Description");
    List<Directive> directives = r.list("Directives", "ast.DirectiveList", "ast.Directive", this::directive);
    String name = r.string("Name");
    TypeRef type = requiredType(r, "field definition \"" + name + "\"");
    return new FieldDefinition(description, name, arguments, defaultValue, type, directives, null, before, after);
  }

  private ArgumentDefinition argumentDefinition(Reader r) {
    Comments after = r.comments("AfterDescriptionComment");
    Comments before = r.comments("BeforeDescriptionComment");
    ValueNode defaultValue = r.object("DefaultValue", "ast.Value", this::value);
    String description = r.string("Description");
    List<Directive> directives = r.list("Directives", "ast.DirectiveList", "ast.Directive", this::directive);
    String name = r.string("Name");
    TypeRef type = requiredType(r, "argument definition \"" + name + "\"");
    return new ArgumentDefinition(description, name, defaultValue, type, directives, null, before, after);
  }

  private EnumValueDefinition enumValue(Reader r) {
    Comments after = r.comments("AfterDescriptionComment");
    Comments before = r.comments("BeforeDescriptionComment");
    String description = r.string("Description");
    List<Directive> directives = r.list("Directives", "ast.DirectiveList", "ast.Directive", this::directive);
    String name = r.string("Name");
    return new EnumValueDefinition(description, name, directives, null, before, after);
  }

  private DirectiveDefinition directiveDefinition(Reader r) {
    Comments after = r.comments("AfterDescriptionComment");
    List<ArgumentDefinition> arguments = r.list("Arguments", "ast.ArgumentDefinitionList", "ast.ArgumentDefinition",
        this::argumentDefinition);
    Comments before = r.comments("BeforeDescriptionComment");
    String description = r.string("Description");
    boolean repeatable = r.bool("IsRepeatable");
    List<String> locations = r.strings("Locations", "[]ast.DirectiveLocation", "ast.DirectiveLocation");
    String name = r.string("Name");
    return new DirectiveDefinition(description, name, arguments, locations, repeatable, null, before, after);
  }
}
