package io.kubepolicies.rego.builtins;

import io.kubepolicies.rego.types.Type;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Graph built-ins: {@code graph.reachable}, {@code graph.reachable_paths} and the {@code walk}
 * relation. A graph is an object from vertex to a set or array of neighbours; a vertex that is not a
 * key of the graph is a dead end, and a neighbour collection of any other type (e.g. null) is empty.
 */
public final class GraphFamily implements BuiltinFamily {
  private static final Type VERTICES = Type.anyOf(Type.setOf(Type.ANY), Type.arrayOf(Type.ANY));
  private static final Type GRAPH = Type.objectOf(Type.ANY, VERTICES);

  @Override
  public void register(Builtins.Registrar r) {
    r.function("graph.reachable", List.of(Type.named("graph", GRAPH), Type.named("initial", VERTICES)),
        Type.named("output", Type.setOf(Type.ANY)), (ctx, args) -> reachable(args));
    r.function("graph.reachable_paths", List.of(Type.named("graph", GRAPH), Type.named("initial", VERTICES)),
        Type.named("output", Type.setOf(Type.arrayOf(Type.ANY))),
        (ctx, args) -> reachablePaths(args));
    r.relation("walk", List.of(Type.named("x", Type.ANY)),
        Type.named("output", Type.tuple(Type.arrayOf(Type.ANY), Type.ANY)),
        (ctx, args, out) -> Walk.paths(args[0], out));
  }

  private static Collection<Value> vertices(Value collection) {
    if (collection instanceof SetValue s) {
      return s.elements();
    }
    if (collection instanceof ArrayValue a) {
      return a.elements();
    }
    return List.of();
  }

  /** The initial vertices; OPA words this operand error with the braces inside a single type. */
  private static Collection<Value> initial(Value[] args) {
    if (!(args[1] instanceof SetValue) && !(args[1] instanceof ArrayValue)) {
      throw BuiltinException.operand(2, args[1], "{array, set}");
    }
    return vertices(args[1]);
  }

  /** Breadth-first from the initial vertices; only vertices that are keys of the graph are reached. */
  private static SetValue reachable(Value[] args) {
    ObjectValue graph = Operands.object(args, 1);
    Deque<Value> queue = new ArrayDeque<>(initial(args));
    SetValue.Builder reached = SetValue.builder();
    while (!queue.isEmpty()) {
      Value node = queue.poll();
      Value edges = graph.get(node);
      if (edges != null) {
        for (Value neighbour : vertices(edges)) {
          if (!reached.contains(neighbour)) {
            queue.add(neighbour);
          }
        }
        reached.add(node);
      }
    }
    return reached.build();
  }

  /**
   * Every maximal path from an initial vertex that is a key of the graph: a path ends at a vertex
   * without neighbours, before a neighbour that is not in the graph, or before a neighbour that would
   * close a cycle.
   */
  private static SetValue reachablePaths(Value[] args) {
    ObjectValue graph = Operands.object(args, 1);
    Collection<Value> initial = initial(args);
    SetValue.Builder paths = SetValue.builder();
    for (Value node : initial) {
      Value edges = graph.get(node);
      if (edges == null) {
        continue;
      }
      Collection<Value> neighbours = vertices(edges);
      if (neighbours.isEmpty()) {
        paths.add(ArrayValue.of(node));
        continue;
      }
      for (Value neighbour : neighbours) {
        extend(graph, neighbour, List.of(node), Set.of(node), paths);
      }
    }
    return paths.build();
  }

  private static void extend(ObjectValue graph, Value vertex, List<Value> path, Set<Value> onPath, SetValue.Builder paths) {
    Value edges = graph.get(vertex);
    if (edges == null) {
      paths.add(ArrayValue.of(path));
      return;
    }
    List<Value> longer = new ArrayList<>(path);
    longer.add(vertex);
    Collection<Value> neighbours = vertices(edges);
    if (neighbours.isEmpty()) {
      paths.add(ArrayValue.of(longer));
      return;
    }
    Set<Value> visited = new HashSet<>(onPath);
    visited.add(vertex);
    for (Value neighbour : neighbours) {
      if (visited.contains(neighbour)) {
        paths.add(ArrayValue.of(longer));
      } else {
        extend(graph, neighbour, longer, visited, paths);
      }
    }
  }
}
