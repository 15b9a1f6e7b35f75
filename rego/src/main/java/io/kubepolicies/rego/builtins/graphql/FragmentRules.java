package io.kubepolicies.rego.builtins.graphql;

import io.kubepolicies.rego.builtins.graphql.QueryAst.Field;
import io.kubepolicies.rego.builtins.graphql.QueryAst.FragmentDefinition;
import io.kubepolicies.rego.builtins.graphql.QueryAst.FragmentSpread;
import io.kubepolicies.rego.builtins.graphql.QueryAst.InlineFragment;
import io.kubepolicies.rego.builtins.graphql.QueryAst.Selection;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Validation rules about fragments and fragment spreads. */
final class FragmentRules {
  private FragmentRules() {}

  /** FragmentsOnCompositeTypes: fragments condition on objects, interfaces or unions only. */
  static void fragmentsOnCompositeTypes(Events events, ValidationErrors errors) {
    events.inlineFragment.add((walker, inline) -> {
      TypeDef type = walker.schema.type(inline.typeCondition());
      if (type != null && !type.isCompositeType()) {
        errors.add("Fragment cannot condition on non composite type \"" + inline.typeCondition() + "\".", inline.position());
      }
    });
    events.fragment.add((walker, fragment) -> {
      TypeDef type = walker.annotations.type(fragment).definition;
      if (type != null && !fragment.typeCondition().isEmpty() && !type.isCompositeType()) {
        errors.add("Fragment \"" + fragment.name() + "\" cannot condition on non composite type \""
            + fragment.typeCondition() + "\".", fragment.position());
      }
    });
  }

  /** KnownFragmentNames: spreads name defined fragments. */
  static void knownFragmentNames(Events events, ValidationErrors errors) {
    events.fragmentSpread.add((walker, spread) -> {
      if (walker.annotations.spread(spread).definition == null) {
        errors.add("Unknown fragment \"" + spread.name() + "\".", spread.position());
      }
    });
  }

  /** NoFragmentCycles: a fragment must not spread itself, directly or through others. */
  static void noFragmentCycles(Events events, ValidationErrors errors) {
    Set<String> visited = new HashSet<>();
    events.fragment.add((walker, fragment) -> new CycleFinder(walker, errors, visited).visit(fragment));
  }

  /** Follows spreads from one fragment, reporting each spread that closes a cycle. */
  private static final class CycleFinder {
    private final Walker walker;
    private final ValidationErrors errors;
    private final Set<String> visited;
    private final List<FragmentSpread> spreadPath = new ArrayList<>();
    private final Map<String, Integer> pathIndex = new HashMap<>();

    CycleFinder(Walker walker, ValidationErrors errors, Set<String> visited) {
      this.walker = walker;
      this.errors = errors;
      this.visited = visited;
    }

    void visit(FragmentDefinition frag) {
      if (!visited.add(frag.name())) {
        return;
      }
      List<FragmentSpread> spreads = spreadsIn(frag.selectionSet());
      if (spreads.isEmpty()) {
        return;
      }
      pathIndex.put(frag.name(), spreadPath.size());
      for (FragmentSpread spread : spreads) {
        Integer cycleIndex = pathIndex.get(spread.name());
        spreadPath.add(spread);
        if (cycleIndex == null) {
          FragmentDefinition next = walker.document.fragment(spread.name());
          if (next != null) {
            walker.enter(spread.position());
            try {
              visit(next);
            } finally {
              walker.leave();
            }
          }
        } else {
          String via = spreadPath.subList(cycleIndex, spreadPath.size() - 1).stream()
              .map(FragmentSpread::name).collect(Collectors.joining(", "));
          errors.add("Cannot spread fragment \"" + spread.name() + "\" within itself"
              + (via.isEmpty() ? "" : " via " + via) + ".", spread.position());
        }
        spreadPath.remove(spreadPath.size() - 1);
      }
      pathIndex.remove(frag.name());
    }
  }

  /** The spreads in a selection set, in gqlparser's order (a depth-first walk with an explicit stack). */
  private static List<FragmentSpread> spreadsIn(List<Selection> selectionSet) {
    List<FragmentSpread> spreads = new ArrayList<>();
    Deque<List<Selection>> toVisit = new ArrayDeque<>();
    toVisit.push(selectionSet);
    while (!toVisit.isEmpty()) {
      for (Selection s : toVisit.pop()) {
        if (s instanceof FragmentSpread spread) {
          spreads.add(spread);
        } else if (s instanceof Field f) {
          toVisit.push(f.selectionSet());
        } else if (s instanceof InlineFragment inline) {
          toVisit.push(inline.selectionSet());
        }
      }
    }
    return spreads;
  }

  /** NoUnusedFragments: every fragment is spread by some operation. */
  static void noUnusedFragments(Events events, ValidationErrors errors) {
    Set<String> used = new HashSet<>();
    boolean[] inFragmentDefinition = {false};
    events.fragmentSpread.add((walker, spread) -> {
      if (!inFragmentDefinition[0]) {
        used.add(spread.name());
      }
    });
    events.fragment.add((walker, fragment) -> {
      inFragmentDefinition[0] = true;
      if (!used.contains(fragment.name())) {
        errors.add("Fragment \"" + fragment.name() + "\" is never used.", fragment.position());
      }
    });
  }

  /** PossibleFragmentSpreads: a fragment's type must overlap the type it is spread on. */
  static void possibleFragmentSpreads(Events events, ValidationErrors errors) {
    events.inlineFragment.add((walker, inline) -> {
      TypeDef parent = walker.annotations.type(inline).definition;
      if (impossible(walker, parent, inline.typeCondition())) {
        errors.add("Fragment cannot be spread here as objects of type \"" + parent.name + "\" can never be of type \""
            + inline.typeCondition() + "\".", inline.position());
      }
    });
    events.fragmentSpread.add((walker, spread) -> {
      Annotations.SpreadInfo info = walker.annotations.spread(spread);
      if (info.definition != null && impossible(walker, info.objectDefinition, info.definition.typeCondition())) {
        errors.add("Fragment \"" + spread.name() + "\" cannot be spread here as objects of type \""
            + info.objectDefinition.name + "\" can never be of type \"" + info.definition.typeCondition() + "\".",
            spread.position());
      }
    });
  }

  private static boolean impossible(Walker walker, TypeDef parent, String fragmentType) {
    if (parent == null) {
      return false;
    }
    List<TypeDef> parents = switch (parent.kind) {
      case "OBJECT" -> List.of(parent);
      case "INTERFACE", "UNION" -> walker.schema.possibleTypes(parent);
      default -> null;
    };
    TypeDef fragmentDef = walker.schema.type(fragmentType);
    if (parents == null || fragmentDef == null || !fragmentDef.isCompositeType()) {
      return false;
    }
    for (TypeDef candidate : walker.schema.possibleTypes(fragmentDef)) {
      if (parents.stream().anyMatch(p -> p.name.equals(candidate.name))) {
        return false;
      }
    }
    return true;
  }

  /** UniqueFragmentNames: fragment names are unique in a document. */
  static void uniqueFragmentNames(Events events, ValidationErrors errors) {
    Set<String> seen = new HashSet<>();
    events.fragment.add((walker, fragment) -> {
      if (!seen.add(fragment.name())) {
        errors.add("There can be only one fragment named \"" + fragment.name() + "\".", fragment.position());
      }
    });
  }
}
