package io.kubepolicies.rego.builtins.graphql;

import io.kubepolicies.rego.builtins.graphql.QueryAst.Argument;
import io.kubepolicies.rego.builtins.graphql.QueryAst.Directive;
import io.kubepolicies.rego.builtins.graphql.QueryAst.Field;
import io.kubepolicies.rego.builtins.graphql.QueryAst.FragmentSpread;
import io.kubepolicies.rego.builtins.graphql.QueryAst.InlineFragment;
import io.kubepolicies.rego.builtins.graphql.QueryAst.Selection;
import io.kubepolicies.rego.builtins.graphql.SchemaAst.ArgumentDefinition;
import io.kubepolicies.rego.builtins.graphql.SchemaAst.DirectiveDefinition;
import io.kubepolicies.rego.builtins.graphql.SchemaAst.FieldDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Validation rules about fields and their arguments. */
final class FieldRules {
  private FieldRules() {}

  /** FieldsOnCorrectType: a field must exist on the type it is selected on. */
  static void fieldsOnCorrectType(Events events, ValidationErrors errors) {
    events.field.add((walker, field) -> {
      Annotations.FieldInfo info = walker.annotations.field(field);
      if (info.objectDefinition == null || info.definition != null) {
        return;
      }
      TypeDef parent = info.objectDefinition;
      String message = "Cannot query field \"" + field.name() + "\" on type \"" + parent.name + "\".";
      List<String> types = suggestedTypes(walker, parent, field.name());
      if (!types.isEmpty()) {
        message += " Did you mean to use an inline fragment on " + Suggestions.quotedOrList(types) + "?";
      } else if (parent.kind.equals("OBJECT") || parent.kind.equals("INTERFACE")) {
        List<String> names = Suggestions.similar(field.name(), parent.fields.stream().map(FieldDefinition::name).toList());
        if (!names.isEmpty()) {
          message += " Did you mean " + Suggestions.quotedOrList(names) + "?";
        }
      }
      errors.add(message, field.position());
    });
  }

  /** The possible types of an abstract type that have the field, interfaces first, most used first. */
  private static List<String> suggestedTypes(Walker walker, TypeDef parent, String fieldName) {
    if (!parent.isAbstractType()) {
      return List.of();
    }
    List<String> objectTypes = new ArrayList<>();
    List<String> interfaceTypes = new ArrayList<>();
    Map<String, Integer> usage = new HashMap<>();
    for (TypeDef possible : walker.schema.possibleTypes(parent)) {
      if (possible.field(fieldName) == null) {
        continue;
      }
      objectTypes.add(possible.name);
      for (String intf : possible.interfaces) {
        TypeDef intfDef = walker.schema.type(intf);
        if (intfDef != null && intfDef.field(fieldName) != null) {
          if (usage.getOrDefault(intf, 0) == 0) {
            interfaceTypes.add(intf);
          }
          usage.merge(intf, 1, Integer::sum);
        }
      }
    }
    List<String> suggested = new ArrayList<>(interfaceTypes);
    suggested.addAll(objectTypes);
    suggested.sort(Comparator.<String>comparingInt(t -> -usage.getOrDefault(t, 0)).thenComparing(Comparator.naturalOrder()));
    return suggested;
  }

  /** KnownArgumentNames: arguments must be defined by the field or directive. */
  static void knownArgumentNames(Events events, ValidationErrors errors) {
    events.field.add((walker, field) -> {
      Annotations.FieldInfo info = walker.annotations.field(field);
      if (info.definition == null || info.objectDefinition == null) {
        return;
      }
      List<String> names = info.definition.arguments().stream().map(ArgumentDefinition::name).toList();
      for (Argument arg : field.arguments()) {
        if (info.definition.argument(arg.name()) == null) {
          errors.add("Unknown argument \"" + arg.name() + "\" on field \"" + info.objectDefinition.name + "."
              + field.name() + "\"." + Suggestions.quoted("Did you mean", arg.name(), names), arg.position());
        }
      }
    });
    events.directive.add((walker, dir) -> {
      DirectiveDefinition def = walker.annotations.directive(dir).definition;
      if (def == null) {
        return;
      }
      List<String> names = def.arguments().stream().map(ArgumentDefinition::name).toList();
      for (Argument arg : dir.arguments()) {
        if (def.argument(arg.name()) == null) {
          errors.add("Unknown argument \"" + arg.name() + "\" on directive \"@" + dir.name() + "\"."
              + Suggestions.quoted("Did you mean", arg.name(), names), arg.position());
        }
      }
    });
  }

  /** MaxIntrospectionDepth: introspection may nest {@code __Type}'s list fields at most three deep. */
  static void maxIntrospectionDepth(Events events, ValidationErrors errors) {
    events.field.add((walker, field) -> {
      if (field.name().equals("__schema") || field.name().equals("__type")) {
        if (new IntrospectionDepth(walker).exceeded(field, 0)) {
          errors.add("Maximum introspection depth exceeded", field.position());
        }
      }
    });
  }

  /** Counts nested {@code fields}, {@code interfaces}, {@code possibleTypes} and {@code inputFields}. */
  private static final class IntrospectionDepth {
    private static final int MAX_LISTS = 3;
    private static final Set<String> LIST_FIELDS = Set.of("fields", "interfaces", "possibleTypes", "inputFields");

    private final Walker walker;
    private final Set<String> visitedFragments = new HashSet<>();
    private final Map<String, Boolean> memo = new HashMap<>();

    IntrospectionDepth(Walker walker) {
      this.walker = walker;
    }

    boolean exceeded(Field field, int depth) {
      int d = depth;
      if (LIST_FIELDS.contains(field.name())) {
        d++;
        if (d >= MAX_LISTS) {
          return true;
        }
      }
      return exceeded(field.selectionSet(), d);
    }

    private boolean exceeded(List<Selection> selections, int depth) {
      for (Selection s : selections) {
        walker.enter(s.position());
        try {
          if (s instanceof Field f && exceeded(f, depth)
              || s instanceof FragmentSpread spread && exceeded(spread, depth)
              || s instanceof InlineFragment inline && exceeded(inline.selectionSet(), depth)) {
            return true;
          }
        } finally {
          walker.leave();
        }
      }
      return false;
    }

    private boolean exceeded(FragmentSpread spread, int depth) {
      var fragment = walker.annotations.spread(spread).definition;
      if (visitedFragments.contains(spread.name()) || fragment == null) {
        return false;
      }
      String key = spread.name() + "@" + depth;
      Boolean known = memo.get(key);
      if (known != null) {
        return known;
      }
      visitedFragments.add(spread.name());
      boolean result = exceeded(fragment.selectionSet(), depth);
      visitedFragments.remove(spread.name());
      memo.put(key, result);
      return result;
    }
  }

  /** ProvidedRequiredArguments: non-null arguments without a default must be given. */
  static void providedRequiredArguments(Events events, ValidationErrors errors) {
    events.field.add((walker, field) -> {
      FieldDefinition def = walker.annotations.field(field).definition;
      if (def == null) {
        return;
      }
      for (ArgumentDefinition argDef : missing(def.arguments(), field.arguments())) {
        errors.add("Field \"" + field.name() + "\" argument \"" + argDef.name() + "\" of type \"" + argDef.type()
            + "\" is required, but it was not provided.", field.position());
      }
    });
    events.directive.add((walker, dir) -> {
      DirectiveDefinition def = walker.annotations.directive(dir).definition;
      if (def == null) {
        return;
      }
      for (ArgumentDefinition argDef : missing(def.arguments(), dir.arguments())) {
        errors.add("Directive \"@" + def.name() + "\" argument \"" + argDef.name() + "\" of type \"" + argDef.type()
            + "\" is required, but it was not provided.", dir.position());
      }
    });
  }

  private static List<ArgumentDefinition> missing(List<ArgumentDefinition> defs, List<Argument> given) {
    return defs.stream()
        .filter(d -> d.type().nonNull() && d.defaultValue() == null)
        .filter(d -> given.stream().noneMatch(a -> a.name().equals(d.name())))
        .toList();
  }

  /** ScalarLeafs: leaf fields have no selection, others must have one. */
  static void scalarLeafs(Events events, ValidationErrors errors) {
    events.field.add((walker, field) -> {
      FieldDefinition def = walker.annotations.field(field).definition;
      if (def == null) {
        return;
      }
      TypeDef type = walker.schema.type(def.type().name());
      if (type == null) {
        return;
      }
      if (type.isLeafType() && !field.selectionSet().isEmpty()) {
        errors.add("Field \"" + field.name() + "\" must not have a selection since type \"" + type.name
            + "\" has no subfields.", field.position());
      }
      if (!type.isLeafType() && field.selectionSet().isEmpty()) {
        errors.add("Field \"" + field.name() + "\" of type \"" + def.type() + "\" must have a selection of subfields."
            + " Did you mean \"" + field.name() + " { ... }\"?", field.position());
      }
    });
  }

  /** UniqueArgumentNames: a field or directive takes each argument once. */
  static void uniqueArgumentNames(Events events, ValidationErrors errors) {
    events.field.add((walker, field) -> checkUnique(field.arguments(), errors));
    events.directive.add((walker, dir) -> checkUnique(dir.arguments(), errors));
  }

  private static void checkUnique(List<Argument> args, ValidationErrors errors) {
    Set<String> seen = new HashSet<>();
    for (Argument arg : args) {
      if (!seen.add(arg.name())) {
        errors.add("There can be only one argument named \"" + arg.name() + "\".", arg.position());
      }
    }
  }

  /** KnownDirectives: directives must be defined and allowed where they stand. */
  static void knownDirectives(Events events, ValidationErrors errors) {
    Set<String> reported = new HashSet<>();
    events.directive.add((walker, dir) -> {
      Annotations.DirectiveInfo info = walker.annotations.directive(dir);
      if (info.definition == null) {
        errors.add("Unknown directive \"@" + dir.name() + "\".", dir.position());
        return;
      }
      if (info.definition.locations().contains(info.location)) {
        return;
      }
      Position p = dir.position();
      String key = dir.name() + "@" + (p == null ? "" : p.line() + ":" + p.column());
      if (reported.add(key)) {
        errors.add("Directive \"@" + dir.name() + "\" may not be used on " + info.location + ".", dir.position());
      }
    });
  }

  /** UniqueDirectivesPerLocation: a directive stands at most once on a node. */
  static void uniqueDirectivesPerLocation(Events events, ValidationErrors errors) {
    events.directiveList.add((walker, directives) -> {
      Set<String> seen = new HashSet<>();
      for (Directive dir : directives) {
        if (!seen.add(dir.name())) {
          errors.add("The directive \"@" + dir.name() + "\" can only be used once at this location.", dir.position());
        }
      }
    });
  }
}
