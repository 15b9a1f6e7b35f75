package io.kubepolicies.rego.builtins.graphql;

import io.kubepolicies.rego.builtins.graphql.QueryAst.Field;
import io.kubepolicies.rego.builtins.graphql.QueryAst.FragmentDefinition;
import io.kubepolicies.rego.builtins.graphql.QueryAst.FragmentSpread;
import io.kubepolicies.rego.builtins.graphql.QueryAst.InlineFragment;
import io.kubepolicies.rego.builtins.graphql.QueryAst.Selection;
import io.kubepolicies.rego.value.GoQuote;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Validation rules about operations and the types they name. */
final class OperationRules {
  private OperationRules() {}

  /** KnownRootType: the schema must have a root type for the operation's kind. */
  static void knownRootType(Events events, ValidationErrors errors) {
    events.operation.add((walker, op) -> {
      if (walker.schema.root(op.operation()) == null) {
        errors.add("Schema does not support operation type \"" + op.operation() + "\"", op.position());
      }
    });
  }

  /** KnownTypeNames: variable types and type conditions must name defined types. */
  static void knownTypeNames(Events events, ValidationErrors errors) {
    events.variable.add((walker, variable) -> {
      String name = variable.type().name();
      if (walker.schema.type(name) == null) {
        errors.add("Unknown type \"" + name + "\".", variable.position());
      }
    });
    events.inlineFragment.add((walker, inline) -> {
      String name = inline.typeCondition();
      if (!name.isEmpty() && walker.schema.type(name) == null) {
        errors.add("Unknown type \"" + name + "\".", inline.position());
      }
    });
    events.fragment.add((walker, fragment) -> {
      String name = fragment.typeCondition();
      if (walker.schema.type(name) == null) {
        List<String> known = new ArrayList<>(new TreeSet<>(walker.schema.types.keySet()));
        errors.add("Unknown type \"" + name + "\"." + Suggestions.quoted("Did you mean", name, known), fragment.position());
      }
    });
  }

  /** LoneAnonymousOperation: an anonymous operation must be alone in its document. */
  static void loneAnonymousOperation(Events events, ValidationErrors errors) {
    events.operation.add((walker, op) -> {
      if (op.name().isEmpty() && walker.document.operations().size() > 1) {
        errors.add("This anonymous operation must be the only defined operation.", op.position());
      }
    });
  }

  /** SingleFieldSubscriptions: a subscription selects exactly one field, and no introspection field. */
  static void singleFieldSubscriptions(Events events, ValidationErrors errors) {
    events.operation.add((walker, op) -> {
      if (walker.schema.subscription == null || !op.operation().equals("subscription")) {
        return;
      }
      List<Field> fields = new ArrayList<>();
      collectTopFields(walker, op.selectionSet(), new HashSet<>(), fields);
      String name = op.name().isEmpty() ? "Anonymous Subscription" : "Subscription " + GoQuote.quote(op.name(), false);
      if (fields.size() > 1) {
        errors.add(name + " must select only one top level field.",
            fields.subList(1, fields.size()).stream().map(Field::position).toArray(Position[]::new));
      }
      for (Field f : fields) {
        if (f.name().startsWith("__")) {
          errors.add(name + " must not select an introspection top level field.", f.position());
        }
      }
    });
  }

  private static void collectTopFields(Walker walker, List<Selection> selections, Set<String> visited, List<Field> out) {
    for (Selection s : selections) {
      if (s instanceof Field f) {
        out.add(f);
      } else if (s instanceof InlineFragment inline) {
        collectTopFields(walker, inline.selectionSet(), visited, out);
      } else if (s instanceof FragmentSpread spread && visited.add(spread.name())) {
        FragmentDefinition fragment = walker.document.fragment(spread.name());
        if (fragment != null) {
          walker.enter(spread.position());
          try {
            collectTopFields(walker, fragment.selectionSet(), visited, out);
          } finally {
            walker.leave();
          }
        }
      }
    }
  }

  /** UniqueOperationNames: operation names are unique in a document. */
  static void uniqueOperationNames(Events events, ValidationErrors errors) {
    Set<String> seen = new HashSet<>();
    events.operation.add((walker, op) -> {
      if (!seen.add(op.name())) {
        errors.add("There can be only one operation named \"" + op.name() + "\".", op.position());
      }
    });
  }
}
