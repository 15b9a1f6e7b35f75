package io.kubepolicies.server.build;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/** The controls a policy library defines: each id with the kinds (validating, mutating) it has. */
public final class Controls {
  private final SortedMap<String, Set<ControlKind>> kinds;

  private Controls(SortedMap<String, Set<ControlKind>> kinds) {
    this.kinds = kinds;
  }

  /** The controls declared by these package paths; other packages (helpers, entrypoints) are no controls. */
  public static Controls of(List<List<String>> packagePaths) {
    SortedMap<String, Set<ControlKind>> kinds = new TreeMap<>();
    for (List<String> path : packagePaths) {
      ControlKind.ofPackage(path).ifPresent(kind ->
          kinds.computeIfAbsent(path.get(2), id -> EnumSet.noneOf(ControlKind.class)).add(kind));
    }
    kinds.replaceAll((id, set) -> Set.copyOf(set));
    return new Controls(Collections.unmodifiableSortedMap(kinds));
  }

  /** Every control id, sorted. */
  public Set<String> ids() {
    return kinds.keySet();
  }

  public boolean has(String id, ControlKind kind) {
    return kinds.getOrDefault(id, Set.of()).contains(kind);
  }

  public Set<ControlKind> kinds(String id) {
    return kinds.getOrDefault(id, Set.of());
  }
}
