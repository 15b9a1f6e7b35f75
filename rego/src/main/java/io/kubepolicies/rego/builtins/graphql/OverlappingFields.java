package io.kubepolicies.rego.builtins.graphql;

import io.kubepolicies.rego.builtins.graphql.QueryAst.Argument;
import io.kubepolicies.rego.builtins.graphql.QueryAst.Field;
import io.kubepolicies.rego.builtins.graphql.QueryAst.FragmentDefinition;
import io.kubepolicies.rego.builtins.graphql.QueryAst.FragmentSpread;
import io.kubepolicies.rego.builtins.graphql.QueryAst.InlineFragment;
import io.kubepolicies.rego.builtins.graphql.QueryAst.Selection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OverlappingFieldsCanBeMerged: fields that answer under the same name must be the same field with
 * the same arguments (unless their parents can never both apply) and must not return conflicting
 * types. A port of gqlparser's comparison "within" and "between" field sets and fragments, with its
 * memo of compared fragment pairs.
 */
final class OverlappingFields {
  /** A conflict: the response name, and either a reason or the conflicts of the subfields. */
  private record Conflict(String responseName, String reason, List<Conflict> subConflicts, Position position) {
    String explain() {
      if (subConflicts.isEmpty()) {
        return reason;
      }
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < subConflicts.size(); i++) {
        Conflict sub = subConflicts.get(i);
        sb.append("subfields \"").append(sub.responseName).append("\" conflict because ").append(sub.explain());
        if (i != subConflicts.size() - 1) {
          sb.append(" and ");
        }
      }
      return sb.toString();
    }
  }

  /** Fields by response name, in the order the names first appear, and the fragments spread. */
  private record Collected(Map<String, List<Field>> fields, List<FragmentSpread> spreads) {}

  private final Walker walker;
  private final Map<String, Map<String, Boolean>> comparedFragmentPairs;
  private Set<String> comparedFragments = new HashSet<>();

  private OverlappingFields(Walker walker, Map<String, Map<String, Boolean>> comparedFragmentPairs) {
    this.walker = walker;
    this.comparedFragmentPairs = comparedFragmentPairs;
  }

  static void register(Events events, ValidationErrors errors) {
    Map<String, Map<String, Boolean>> pairs = new HashMap<>();
    events.operation.add((walker, op) -> report(walker, pairs, op.selectionSet(), errors));
    events.field.add((walker, field) -> {
      // Only inside operations: fragment definitions are checked on their own below.
      if (walker.currentOperation() != null) {
        report(walker, pairs, field.selectionSet(), errors);
      }
    });
    events.inlineFragment.add((walker, inline) -> report(walker, pairs, inline.selectionSet(), errors));
    events.fragment.add((walker, fragment) -> report(walker, pairs, fragment.selectionSet(), errors));
  }

  private static void report(Walker walker, Map<String, Map<String, Boolean>> pairs, List<Selection> selections,
      ValidationErrors errors) {
    for (Conflict c : new OverlappingFields(walker, pairs).conflictsWithin(selections)) {
      errors.add("Fields \"" + c.responseName + "\" conflict because " + c.explain()
          + ". Use different aliases on the fields to fetch both if this was intentional.", c.position);
    }
  }

  private List<Conflict> conflictsWithin(List<Selection> selections) {
    List<Conflict> conflicts = new ArrayList<>();
    if (selections.isEmpty()) {
      return conflicts;
    }
    Collected collected = collect(selections);
    for (List<Field> fields : collected.fields.values()) {
      for (int i = 0; i < fields.size(); i++) {
        for (int j = i + 1; j < fields.size(); j++) {
          addIfConflict(conflicts, findConflict(false, fields.get(i), fields.get(j)));
        }
      }
    }
    comparedFragments = new HashSet<>();
    List<FragmentSpread> spreads = collected.spreads;
    for (int i = 0; i < spreads.size(); i++) {
      betweenFieldsAndFragment(conflicts, false, collected.fields, spreads.get(i));
      for (int j = i + 1; j < spreads.size(); j++) {
        betweenFragments(conflicts, false, spreads.get(i), spreads.get(j));
      }
    }
    return conflicts;
  }

  private static void addIfConflict(List<Conflict> conflicts, Conflict c) {
    if (c != null) {
      conflicts.add(c);
    }
  }

  private FragmentDefinition definition(FragmentSpread spread) {
    return walker.annotations.spread(spread).definition;
  }

  private void betweenFieldsAndFragment(List<Conflict> conflicts, boolean exclusive, Map<String, List<Field>> fields,
      FragmentSpread spread) {
    if (!comparedFragments.add(spread.name())) {
      return;
    }
    FragmentDefinition def = definition(spread);
    if (def == null) {
      return;
    }
    Collected other = collect(def.selectionSet());
    if (fields.equals(other.fields)) {
      return;
    }
    between(conflicts, exclusive, fields, other.fields);
    walker.enter(spread.position());
    try {
      for (FragmentSpread nested : other.spreads) {
        if (!nested.name().equals(spread.name())) {
          betweenFieldsAndFragment(conflicts, exclusive, fields, nested);
        }
      }
    } finally {
      walker.leave();
    }
  }

  private void betweenFragments(List<Conflict> conflicts, boolean exclusive, FragmentSpread a, FragmentSpread b) {
    if (a.name().equals(b.name()) || comparedPair(a.name(), b.name(), exclusive)) {
      return;
    }
    comparedFragmentPairs.computeIfAbsent(a.name(), k -> new HashMap<>()).put(b.name(), exclusive);
    comparedFragmentPairs.computeIfAbsent(b.name(), k -> new HashMap<>()).put(a.name(), exclusive);
    FragmentDefinition defA = definition(a);
    FragmentDefinition defB = definition(b);
    if (defA == null || defB == null) {
      return;
    }
    Collected collectedA = collect(defA.selectionSet());
    Collected collectedB = collect(defB.selectionSet());
    between(conflicts, exclusive, collectedA.fields, collectedB.fields);
    walker.enter(b.position());
    try {
      for (FragmentSpread nested : collectedB.spreads) {
        betweenFragments(conflicts, exclusive, a, nested);
      }
      for (FragmentSpread nested : collectedA.spreads) {
        betweenFragments(conflicts, exclusive, nested, b);
      }
    } finally {
      walker.leave();
    }
  }

  /** Whether the pair was compared already; a comparison without exclusivity covers one with it. */
  private boolean comparedPair(String a, String b, boolean exclusive) {
    Boolean wasExclusive = comparedFragmentPairs.getOrDefault(a, Map.of()).get(b);
    if (wasExclusive == null) {
      return false;
    }
    return exclusive || !wasExclusive;
  }

  private List<Conflict> betweenSubSelections(boolean exclusive, List<Selection> a, List<Selection> b) {
    List<Conflict> conflicts = new ArrayList<>();
    Collected collectedA = collect(a);
    Collected collectedB = collect(b);
    between(conflicts, exclusive, collectedA.fields, collectedB.fields);
    for (FragmentSpread spread : collectedB.spreads) {
      comparedFragments = new HashSet<>();
      betweenFieldsAndFragment(conflicts, exclusive, collectedA.fields, spread);
    }
    for (FragmentSpread spread : collectedA.spreads) {
      comparedFragments = new HashSet<>();
      betweenFieldsAndFragment(conflicts, exclusive, collectedB.fields, spread);
    }
    for (FragmentSpread spreadA : collectedA.spreads) {
      for (FragmentSpread spreadB : collectedB.spreads) {
        betweenFragments(conflicts, exclusive, spreadA, spreadB);
      }
    }
    return conflicts;
  }

  private void between(List<Conflict> conflicts, boolean exclusive, Map<String, List<Field>> a,
      Map<String, List<Field>> b) {
    a.forEach((name, fieldsA) -> {
      List<Field> fieldsB = b.get(name);
      if (fieldsB != null) {
        for (Field fieldA : fieldsA) {
          for (Field fieldB : fieldsB) {
            addIfConflict(conflicts, findConflict(exclusive, fieldA, fieldB));
          }
        }
      }
    });
  }

  private Conflict findConflict(boolean parentsExclusive, Field a, Field b) {
    Annotations.FieldInfo infoA = walker.annotations.field(a);
    Annotations.FieldInfo infoB = walker.annotations.field(b);
    if (infoA.definition == null || infoA.objectDefinition == null || infoB.definition == null
        || infoB.objectDefinition == null) {
      return null;
    }
    boolean exclusive = parentsExclusive || !infoA.objectDefinition.name.equals(infoB.objectDefinition.name)
        && infoA.objectDefinition.kind.equals("OBJECT") && infoB.objectDefinition.kind.equals("OBJECT");
    String responseName = a.responseName();
    if (!exclusive) {
      if (!a.name().equals(b.name())) {
        return new Conflict(responseName, a.name() + " and " + b.name() + " are different fields", List.of(), b.position());
      }
      if (!sameArguments(a.arguments(), b.arguments())) {
        return new Conflict(responseName, "they have differing arguments", List.of(), b.position());
      }
    }
    TypeRef typeA = infoA.definition.type();
    TypeRef typeB = infoB.definition.type();
    if (typesConflict(typeA, typeB)) {
      return new Conflict(responseName, "they return conflicting types " + typeA + " and " + typeB, List.of(),
          b.position());
    }
    walker.enter(b.position());
    try {
      List<Conflict> sub = betweenSubSelections(exclusive, a.selectionSet(), b.selectionSet());
      return sub.isEmpty() ? null : new Conflict(responseName, "", sub, b.position());
    } finally {
      walker.leave();
    }
  }

  private static boolean sameArguments(List<Argument> a, List<Argument> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (Argument argA : a) {
      boolean matched = b.stream().anyMatch(argB -> argB.name().equals(argA.name()) && sameValue(argA.value(), argB.value()));
      if (!matched) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameValue(ValueNode a, ValueNode b) {
    if (a == null || b == null) {
      return a == b;
    }
    return a.kind() == b.kind() && a.raw().equals(b.raw());
  }

  private boolean typesConflict(TypeRef a, TypeRef b) {
    if (a.elem() != null) {
      return b.elem() == null || typesConflict(a.elem(), b.elem());
    }
    if (b.elem() != null || a.nonNull() != b.nonNull()) {
      return true;
    }
    TypeDef t1 = walker.schema.type(a.namedType());
    TypeDef t2 = walker.schema.type(b.namedType());
    if (t1 == null || t2 == null) {
      return false;
    }
    return t1.isLeafType() && t2.isLeafType() && !t1.name.equals(t2.name);
  }

  private static Collected collect(List<Selection> selections) {
    Map<String, List<Field>> fields = new LinkedHashMap<>();
    List<FragmentSpread> spreads = new ArrayList<>();
    collect(selections, fields, spreads);
    return new Collected(fields, spreads);
  }

  private static void collect(List<Selection> selections, Map<String, List<Field>> fields, List<FragmentSpread> spreads) {
    for (Selection s : selections) {
      if (s instanceof Field f) {
        fields.computeIfAbsent(f.responseName(), k -> new ArrayList<>()).add(f);
      } else if (s instanceof InlineFragment inline) {
        collect(inline.selectionSet(), fields, spreads);
      } else {
        spreads.add((FragmentSpread) s);
      }
    }
  }
}
