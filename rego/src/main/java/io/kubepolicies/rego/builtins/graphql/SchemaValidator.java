package io.kubepolicies.rego.builtins.graphql;

import io.kubepolicies.rego.builtins.graphql.QueryAst.Directive;
import io.kubepolicies.rego.builtins.graphql.SchemaAst.ArgumentDefinition;
import io.kubepolicies.rego.builtins.graphql.SchemaAst.Definition;
import io.kubepolicies.rego.builtins.graphql.SchemaAst.DirectiveDefinition;
import io.kubepolicies.rego.builtins.graphql.SchemaAst.Document;
import io.kubepolicies.rego.builtins.graphql.SchemaAst.FieldDefinition;
import io.kubepolicies.rego.builtins.graphql.SchemaAst.OperationTypeDefinition;
import io.kubepolicies.rego.builtins.graphql.SchemaAst.SchemaDefinition;
import io.kubepolicies.rego.value.GoQuote;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * gqlparser's {@code ValidateSchemaDocument}, applied as OPA applies it: to the prelude merged with
 * the given document. Yields the {@link Schema} or throws the first {@link GraphqlError}, found in
 * gqlparser's order (types, then directives, each by name). A schema needs no {@code schema}
 * block and no query root.
 */
final class SchemaValidator {
  private static final Set<String> BUILT_IN_DIRECTIVES = Set.of("include", "skip", "deprecated", "specifiedBy");

  private final Schema schema = new Schema();

  private SchemaValidator() {}

  static Schema validate(Document document) {
    return new SchemaValidator().build(Prelude.DOCUMENT.merge(document));
  }

  private Schema build(Document doc) {
    List<TypeDef> defs = new ArrayList<>();
    for (Definition def : doc.definitions()) {
      if (schema.types.containsKey(def.name())) {
        throw new GraphqlError(def.position(), "Cannot redeclare type " + def.name() + ".");
      }
      TypeDef type = TypeDef.of(def);
      schema.types.put(def.name(), type);
      defs.add(type);
    }
    for (Definition ext : doc.extensions()) {
      TypeDef def = schema.types.get(ext.name());
      if (def == null) {
        def = new TypeDef(ext.kind(), ext.name(), ext.position(), false);
        schema.types.put(ext.name(), def);
        defs.add(def);
      }
      if (!def.kind.equals(ext.kind())) {
        throw new GraphqlError(ext.position(), "Cannot extend type " + ext.name() + " because the base type is a "
            + def.kind + ", not " + ext.kind() + ".");
      }
      def.extend(ext);
    }
    for (TypeDef def : defs) {
      switch (def.kind) {
        case "UNION" -> def.types.forEach(t -> addPossibleType(def.name, schema.types.get(t)));
        case "INPUT_OBJECT", "OBJECT" -> {
          addInterfaces(def);
          addPossibleType(def.name, def);
        }
        case "INTERFACE" -> addInterfaces(def);
        default -> { }
      }
    }
    for (DirectiveDefinition dir : doc.directives()) {
      if (schema.directives.containsKey(dir.name()) && !BUILT_IN_DIRECTIVES.contains(dir.name())) {
        throw new GraphqlError(dir.position(), "Cannot redeclare directive " + dir.name() + ".");
      }
      schema.directives.put(dir.name(), dir);
    }
    if (doc.schema().size() > 1) {
      throw new GraphqlError(doc.schema().get(1).position(),
          "Cannot have multiple schema entry points, consider schema extensions instead.");
    }
    for (SchemaDefinition root : doc.schema()) {
      setRoots(root);
    }
    for (SchemaDefinition ext : doc.schemaExtension()) {
      setRoots(ext);
    }
    for (String name : new TreeSet<>(schema.types.keySet())) {
      validateDefinition(schema.types.get(name));
    }
    for (String name : new TreeSet<>(schema.directives.keySet())) {
      DirectiveDefinition dir = schema.directives.get(name);
      validateName(dir.position(), dir.name());
      validateArgs(dir.arguments(), dir);
    }
    if (doc.schema().isEmpty()) {
      schema.query = schema.query != null ? schema.query : schema.types.get("Query");
      schema.mutation = schema.mutation != null ? schema.mutation : schema.types.get("Mutation");
      schema.subscription = schema.subscription != null ? schema.subscription : schema.types.get("Subscription");
    }
    if (schema.query != null) {
      schema.query.fields.add(new FieldDefinition("", "__schema", List.of(), null, TypeRef.named("__Schema", true),
          List.of(), null, null, null));
      ArgumentDefinition name = new ArgumentDefinition("", "name", null, TypeRef.named("String", true), List.of(),
          null, null, null);
      schema.query.fields.add(new FieldDefinition("", "__type", List.of(name), null, TypeRef.named("__Type", false),
          List.of(), null, null, null));
    }
    return schema;
  }

  private void addInterfaces(TypeDef def) {
    for (String intf : def.interfaces) {
      addPossibleType(intf, def);
    }
  }

  /** Unknown types are left out here; validating the definition that names them fails anyway. */
  private void addPossibleType(String name, TypeDef def) {
    if (def != null) {
      schema.possibleTypes.computeIfAbsent(name, k -> new ArrayList<>()).add(def);
    }
  }

  private void setRoots(SchemaDefinition root) {
    for (OperationTypeDefinition entry : root.operationTypes()) {
      TypeDef def = schema.types.get(entry.type());
      if (def == null) {
        throw new GraphqlError(entry.position(), "Schema root " + entry.operation() + " refers to a type "
            + entry.type() + " that does not exist.");
      }
      switch (entry.operation()) {
        case "query" -> schema.query = def;
        case "mutation" -> schema.mutation = def;
        case "subscription" -> schema.subscription = def;
        default -> { }
      }
    }
  }

  private void validateDefinition(TypeDef def) {
    String fieldLocation = def.kind.equals("INPUT_OBJECT") ? "INPUT_FIELD_DEFINITION" : "FIELD_DEFINITION";
    for (FieldDefinition field : def.fields) {
      validateName(field.position(), field.name());
      validateTypeRef(field.type());
      validateArgs(field.arguments(), null);
      validateDirectives(field.directives(), fieldLocation, null);
    }
    for (String member : def.types) {
      TypeDef memberDef = schema.types.get(member);
      if (memberDef == null) {
        throw new GraphqlError(def.position, "Undefined type " + quote(member) + ".");
      }
      if (!memberDef.kind.equals("OBJECT")) {
        throw new GraphqlError(def.position, def.kind + " type " + quote(member) + " must be OBJECT.");
      }
    }
    for (String intf : def.interfaces) {
      validateImplements(def, intf);
    }
    switch (def.kind) {
      case "OBJECT", "INTERFACE" -> {
        if (def.fields.isEmpty()) {
          throw new GraphqlError(def.position, def.kind + " " + def.name + ": must define one or more fields.");
        }
        for (FieldDefinition field : def.fields) {
          TypeDef type = schema.types.get(field.type().name());
          if (type != null && !Set.of("SCALAR", "OBJECT", "INTERFACE", "UNION", "ENUM").contains(type.kind)) {
            throw new GraphqlError(field.position(), def.kind + " " + def.name
                + ": field must be one of SCALAR, OBJECT, INTERFACE, UNION, ENUM.");
          }
        }
      }
      case "ENUM" -> {
        if (def.enumValues.isEmpty()) {
          throw new GraphqlError(def.position, def.kind + " " + def.name + ": must define one or more unique enum values.");
        }
        def.enumValues.stream().map(v -> v.name()).filter(Set.of("true", "false", "null")::contains).findFirst()
            .ifPresent(v -> {
              throw new GraphqlError(def.position, def.kind + " " + def.name + ": non-enum value " + v + ".");
            });
      }
      case "INPUT_OBJECT" -> {
        if (def.fields.isEmpty()) {
          throw new GraphqlError(def.position, def.kind + " " + def.name + ": must define one or more input fields.");
        }
        for (FieldDefinition field : def.fields) {
          TypeDef type = schema.types.get(field.type().name());
          if (type != null && !Set.of("SCALAR", "ENUM", "INPUT_OBJECT").contains(type.kind)) {
            throw new GraphqlError(field.position(), type.kind + " " + field.name()
                + ": field must be one of SCALAR, ENUM, INPUT_OBJECT.");
          }
        }
      }
      default -> { }
    }
    for (int i = 0; i < def.fields.size(); i++) {
      for (int j = i + 1; j < def.fields.size(); j++) {
        FieldDefinition second = def.fields.get(j);
        if (def.fields.get(i).name().equals(second.name())) {
          throw new GraphqlError(second.position(), "Field " + def.name + "." + second.name() + " can only be defined once.");
        }
      }
    }
    if (!def.builtIn) {
      validateName(def.position, def.name);
    }
    validateDirectives(def.directives, def.kind, null);
  }

  private void validateTypeRef(TypeRef type) {
    if (schema.types.get(type.name()) == null) {
      throw new GraphqlError(type.position(), "Undefined type " + type.name() + ".");
    }
  }

  private void validateArgs(List<ArgumentDefinition> args, DirectiveDefinition current) {
    for (ArgumentDefinition arg : args) {
      validateName(arg.position(), arg.name());
      validateTypeRef(arg.type());
      TypeDef def = schema.types.get(arg.type().name());
      if (!def.isInputType()) {
        throw new GraphqlError(arg.position(), "cannot use " + arg.type() + " as argument " + arg.name() + " because "
            + def.kind + " is not a valid input type");
      }
      validateDirectives(arg.directives(), "ARGUMENT_DEFINITION", current);
    }
  }

  private void validateDirectives(List<Directive> dirs, String location, DirectiveDefinition current) {
    for (Directive dir : dirs) {
      validateName(dir.position(), dir.name());
      if (current != null && dir.name().equals(current.name())) {
        throw new GraphqlError(dir.position(), "Directive " + current.name() + " cannot refer to itself.");
      }
      DirectiveDefinition def = schema.directives.get(dir.name());
      if (def == null) {
        throw new GraphqlError(dir.position(), "Undefined directive " + dir.name() + ".");
      }
      if (!def.locations().contains(location)) {
        throw new GraphqlError(dir.position(), "Directive " + dir.name() + " is not applicable on " + location + ".");
      }
    }
  }

  private void validateImplements(TypeDef def, String intfName) {
    TypeDef intf = schema.types.get(intfName);
    if (intf == null) {
      throw new GraphqlError(def.position, "Undefined type " + quote(intfName) + ".");
    }
    if (!intf.kind.equals("INTERFACE")) {
      throw new GraphqlError(def.position, quote(intfName) + " is a non interface type " + intf.kind + ".");
    }
    String prefix = "For " + def.name + " to implement " + intf.name;
    for (FieldDefinition required : intf.fields) {
      FieldDefinition found = def.field(required.name());
      if (found == null) {
        throw new GraphqlError(def.position, prefix + " it must have a field called " + required.name() + ".");
      }
      if (!isCovariant(required.type(), found.type())) {
        throw new GraphqlError(found.position(), prefix + " the field " + required.name() + " must have type "
            + required.type() + ".");
      }
      for (ArgumentDefinition requiredArg : required.arguments()) {
        ArgumentDefinition foundArg = found.argument(requiredArg.name());
        if (foundArg == null) {
          throw new GraphqlError(found.position(), prefix + " the field " + required.name()
              + " must have the same arguments but it is missing " + requiredArg.name() + ".");
        }
        if (!requiredArg.type().isCompatible(foundArg.type())) {
          throw new GraphqlError(foundArg.position(), prefix + " the field " + required.name()
              + " must have the same arguments but " + requiredArg.name() + " has the wrong type.");
        }
      }
      for (ArgumentDefinition extra : found.arguments()) {
        if (required.argument(extra.name()) == null && extra.type().nonNull() && extra.defaultValue() == null) {
          throw new GraphqlError(extra.position(), prefix + " any additional arguments on " + found.name()
              + " must be optional or have a default value but " + extra.name() + " is required.");
        }
      }
    }
    for (String transitive : intf.interfaces) {
      if (!def.interfaces.contains(transitive)) {
        if (transitive.equals(def.name)) {
          throw new GraphqlError(def.position, "Type " + def.name + " cannot implement " + intfName
              + " because it would create a circular reference.");
        }
        throw new GraphqlError(def.position, "Type " + def.name + " must implement " + transitive
            + " because it is implemented by " + intfName + ".");
      }
    }
  }

  private boolean isCovariant(TypeRef required, TypeRef actual) {
    if (required == null || actual == null) {
      return false;
    }
    if (required.nonNull() && !actual.nonNull()) {
      return false;
    }
    if (!required.namedType().isEmpty()) {
      if (required.namedType().equals(actual.namedType())) {
        return true;
      }
      return schema.possibleTypes.getOrDefault(required.namedType(), List.of()).stream()
          .anyMatch(t -> t.name.equals(actual.namedType()));
    }
    if (required.elem() != null && actual.elem() == null) {
      return false;
    }
    return isCovariant(required.elem(), actual.elem());
  }

  private static void validateName(Position pos, String name) {
    if (name.startsWith("__")) {
      throw new GraphqlError(pos, "Name \"" + name + "\" must not begin with \"__\", which is reserved by GraphQL introspection.");
    }
  }

  private static String quote(String s) {
    return GoQuote.quote(s, false);
  }
}
