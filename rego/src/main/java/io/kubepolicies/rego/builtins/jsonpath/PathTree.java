package io.kubepolicies.rego.builtins.jsonpath;

import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of paths merged into a tree, as {@code json.filter} and {@code json.remove} use it. A leaf
 * selects the whole subtree below it, so of two paths where one is a prefix of the other the shorter
 * wins. Array elements are addressed by their index written as a string ({@code "0"}), set elements
 * by the element itself, object members by their key. Empty paths select nothing.
 */
public final class PathTree {
  private final Map<Value, PathTree> children = new LinkedHashMap<>();
  private boolean leaf;

  private PathTree() {}

  public static PathTree of(List<List<Value>> paths) {
    PathTree root = new PathTree();
    for (List<Value> path : paths) {
      root.add(path);
    }
    return root;
  }

  private void add(List<Value> path) {
    if (path.isEmpty()) {
      return;
    }
    PathTree node = this;
    for (Value key : path.subList(0, path.size() - 1)) {
      PathTree child = node.children.computeIfAbsent(key, k -> new PathTree());
      if (child.leaf) {
        return;
      }
      node = child;
    }
    PathTree last = new PathTree();
    last.leaf = true;
    node.children.put(path.get(path.size() - 1), last);
  }

  /** Keeps only the parts of {@code value} that the paths select. */
  public Value filter(Value value) {
    return prune(value, true);
  }

  /** {@code value} without the parts the paths select; null when the whole value is selected. */
  public Value remove(Value value) {
    return prune(value, false);
  }

  /**
   * Walks {@code value} along the tree. A selected part (a leaf) is kept or dropped as
   * {@code keepSelected} says; members the tree does not mention get the opposite treatment.
   * Array elements that are dropped close up, as in JSON Patch.
   */
  private Value prune(Value value, boolean keepSelected) {
    if (leaf) {
      return keepSelected ? value : null;
    }
    if (value instanceof ObjectValue o) {
      ObjectValue.Builder out = ObjectValue.builder();
      for (Map.Entry<Value, Value> e : o.entries()) {
        Value kept = below(e.getKey(), e.getValue(), keepSelected);
        if (kept != null) {
          out.put(e.getKey(), kept);
        }
      }
      return out.build();
    }
    if (value instanceof ArrayValue a) {
      List<Value> out = new ArrayList<>(a.size());
      for (int i = 0; i < a.size(); i++) {
        Value kept = below(StringValue.of(Integer.toString(i)), a.get(i), keepSelected);
        if (kept != null) {
          out.add(kept);
        }
      }
      return ArrayValue.of(out);
    }
    if (value instanceof SetValue s) {
      SetValue.Builder out = SetValue.builder();
      for (Value element : s.elements()) {
        Value kept = below(element, element, keepSelected);
        if (kept != null) {
          out.add(kept);
        }
      }
      return out.build();
    }
    return value;
  }

  private Value below(Value key, Value child, boolean keepSelected) {
    PathTree sub = children.get(key);
    if (sub == null) {
      return keepSelected ? null : child;
    }
    return sub.prune(child, keepSelected);
  }
}
