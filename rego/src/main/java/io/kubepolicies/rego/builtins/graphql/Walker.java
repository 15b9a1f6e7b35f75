package io.kubepolicies.rego.builtins.graphql;

import io.kubepolicies.rego.builtins.graphql.QueryAst.Argument;
import io.kubepolicies.rego.builtins.graphql.QueryAst.Directive;
import io.kubepolicies.rego.builtins.graphql.QueryAst.Document;
import io.kubepolicies.rego.builtins.graphql.QueryAst.Field;
import io.kubepolicies.rego.builtins.graphql.QueryAst.FragmentDefinition;
import io.kubepolicies.rego.builtins.graphql.QueryAst.FragmentSpread;
import io.kubepolicies.rego.builtins.graphql.QueryAst.InlineFragment;
import io.kubepolicies.rego.builtins.graphql.QueryAst.Operation;
import io.kubepolicies.rego.builtins.graphql.QueryAst.Selection;
import io.kubepolicies.rego.builtins.graphql.QueryAst.VariableDefinition;
import io.kubepolicies.rego.builtins.graphql.SchemaAst.ArgumentDefinition;
import io.kubepolicies.rego.builtins.graphql.SchemaAst.DirectiveDefinition;
import io.kubepolicies.rego.builtins.graphql.SchemaAst.FieldDefinition;
import io.kubepolicies.rego.builtins.graphql.ValueNode.ChildValue;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * gqlparser's {@code Walker}: visits every operation and then every fragment definition, resolving
 * each node against the schema ({@link Annotations}) and telling the rules' observers as it leaves
 * the node. A fragment spread is followed into its fragment once per operation, which stops cycles.
 */
final class Walker {
  private static final FieldDefinition TYPENAME = new FieldDefinition("", "__typename", List.of(), null,
      TypeRef.named("String", false), List.of(), null, null, null);

  /** How deep selections may nest, following fragment spreads, before validation gives up. */
  static final int MAX_DEPTH = 256;

  final Schema schema;
  final Document document;
  final Annotations annotations = new Annotations();
  private final Events events;
  private Operation currentOperation;
  private Set<String> validatedFragmentSpreads = new HashSet<>();
  private int depth;

  Walker(Schema schema, Document document, Events events) {
    this.schema = schema;
    this.document = document;
    this.events = events;
  }

  /**
   * Goes one level deeper into selections (the walker's and the rules' recursion share the count);
   * fails once nesting passes {@link #MAX_DEPTH}, instead of exhausting the stack.
   */
  void enter(Position at) {
    if (++depth > MAX_DEPTH) {
      throw new GraphqlError(at, "Selections nest deeper than " + MAX_DEPTH + " levels, counting fragment spreads.");
    }
  }

  void leave() {
    depth--;
  }

  /** The operation being walked, or null while walking fragment definitions. */
  Operation currentOperation() {
    return currentOperation;
  }

  void walk() {
    for (Operation op : document.operations()) {
      validatedFragmentSpreads = new HashSet<>();
      walkOperation(op);
    }
    for (FragmentDefinition fragment : document.fragments()) {
      validatedFragmentSpreads = new HashSet<>();
      walkFragment(fragment);
    }
  }

  private void walkOperation(Operation op) {
    currentOperation = op;
    for (VariableDefinition varDef : op.variableDefinitions()) {
      TypeDef type = schema.type(varDef.type().name());
      annotations.variable(varDef).definition = type;
      Events.fire(events.variable, this, varDef);
      if (varDef.defaultValue() != null) {
        Annotations.ValueInfo info = annotations.value(varDef.defaultValue());
        info.expectedType = varDef.type();
        info.definition = type;
      }
    }
    String location = switch (op.operation()) {
      case "query", "" -> "QUERY";
      case "mutation" -> "MUTATION";
      case "subscription" -> "SUBSCRIPTION";
      default -> "";
    };
    TypeDef root = schema.root(op.operation());
    walkDirectives(root, op.directives(), location);
    for (VariableDefinition varDef : op.variableDefinitions()) {
      if (varDef.defaultValue() != null) {
        walkValue(varDef.defaultValue());
      }
      walkDirectives(annotations.variable(varDef).definition, varDef.directives(), "VARIABLE_DEFINITION");
    }
    walkSelectionSet(root, op.selectionSet());
    Events.fire(events.operation, this, op);
    currentOperation = null;
  }

  private void walkFragment(FragmentDefinition fragment) {
    TypeDef def = schema.type(fragment.typeCondition());
    annotations.type(fragment).definition = def;
    walkDirectives(def, fragment.directives(), "FRAGMENT_DEFINITION");
    walkSelectionSet(def, fragment.selectionSet());
    Events.fire(events.fragment, this, fragment);
  }

  private void walkDirectives(TypeDef parent, List<Directive> directives, String location) {
    for (Directive dir : directives) {
      DirectiveDefinition def = schema.directives.get(dir.name());
      Annotations.DirectiveInfo info = annotations.directive(dir);
      info.definition = def;
      info.parentDefinition = parent;
      info.location = location;
      for (Argument arg : dir.arguments()) {
        walkArgument(def == null ? null : def.argument(arg.name()), arg);
      }
      Events.fire(events.directive, this, dir);
    }
    Events.fire(events.directiveList, this, directives);
  }

  private void walkArgument(ArgumentDefinition argDef, Argument arg) {
    if (arg.value() == null) {
      return;
    }
    if (argDef != null) {
      expect(arg.value(), argDef.type(), argDef.defaultValue());
    }
    walkValue(arg.value());
  }

  /** Records the type expected for {@code value} and whether the argument or input field has a default. */
  private void expect(ValueNode value, TypeRef type, ValueNode defaultValue) {
    Annotations.ValueInfo info = annotations.value(value);
    info.expectedType = type;
    info.expectedTypeHasDefault = defaultValue != null && defaultValue.kind() != ValueKind.NULL;
    info.definition = schema.type(type.name());
  }

  private void walkValue(ValueNode value) {
    Annotations.ValueInfo info = annotations.value(value);
    if (value.kind() == ValueKind.VARIABLE && currentOperation != null) {
      VariableDefinition varDef = currentOperation.variable(value.raw());
      info.variableDefinition = varDef;
      if (varDef != null) {
        annotations.variable(varDef).used = true;
      }
    }
    if (value.kind() == ValueKind.OBJECT) {
      for (ChildValue child : value.children()) {
        if (child.value() == null) {
          continue;
        }
        FieldDefinition fieldDef = info.definition == null ? null : info.definition.field(child.name());
        if (fieldDef != null) {
          expect(child.value(), fieldDef.type(), fieldDef.defaultValue());
        }
        walkValue(child.value());
      }
    }
    if (value.kind() == ValueKind.LIST) {
      for (ChildValue child : value.children()) {
        if (child.value() == null) {
          continue;
        }
        if (info.expectedType != null && info.expectedType.elem() != null) {
          Annotations.ValueInfo childInfo = annotations.value(child.value());
          childInfo.expectedType = info.expectedType.elem();
          childInfo.definition = info.definition;
        }
        walkValue(child.value());
      }
    }
    Events.fire(events.value, this, value);
  }

  private void walkSelectionSet(TypeDef parent, List<Selection> selections) {
    for (Selection s : selections) {
      walkSelection(parent, s);
    }
  }

  private void walkSelection(TypeDef parent, Selection selection) {
    enter(selection.position());
    try {
      visit(parent, selection);
    } finally {
      leave();
    }
  }

  private void visit(TypeDef parent, Selection selection) {
    if (selection instanceof Field field) {
      FieldDefinition def = field.name().equals("__typename") ? TYPENAME
          : parent == null ? null : parent.field(field.name());
      Annotations.FieldInfo info = annotations.field(field);
      info.definition = def;
      info.objectDefinition = parent;
      TypeDef next = def == null ? null : schema.type(def.type().name());
      for (Argument arg : field.arguments()) {
        walkArgument(def == null ? null : def.argument(arg.name()), arg);
      }
      walkDirectives(next, field.directives(), "FIELD");
      walkSelectionSet(next, field.selectionSet());
      Events.fire(events.field, this, field);
    } else if (selection instanceof InlineFragment inline) {
      annotations.type(inline).definition = parent;
      TypeDef next = inline.typeCondition().isEmpty() ? parent : schema.type(inline.typeCondition());
      walkDirectives(next, inline.directives(), "INLINE_FRAGMENT");
      walkSelectionSet(next, inline.selectionSet());
      Events.fire(events.inlineFragment, this, inline);
    } else {
      FragmentSpread spread = (FragmentSpread) selection;
      FragmentDefinition def = document.fragment(spread.name());
      Annotations.SpreadInfo info = annotations.spread(spread);
      info.definition = def;
      info.objectDefinition = parent;
      TypeDef next = def == null ? null : schema.type(def.typeCondition());
      walkDirectives(next, spread.directives(), "FRAGMENT_SPREAD");
      if (def != null && validatedFragmentSpreads.add(def.name())) {
        walkSelectionSet(next, def.selectionSet());
      }
      Events.fire(events.fragmentSpread, this, spread);
    }
  }
}
