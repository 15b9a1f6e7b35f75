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
    if (leaf) {
      return value;
    }
    if (value instanceof ObjectValue o) {
      ObjectValue.Builder out = ObjectValue.builder();
      for (Map.Entry<Value, Value> e : o.entries()) {
        PathTree sub = children.get(e.getKey());
        if (sub != null) {
          out.put(e.getKey(), sub.filter(e.getValue()));
        }
      }
      return out.build();
    }
    if (value instanceof ArrayValue a) {
      List<Value> out = new ArrayList<>();
      for (int i = 0; i < a.size(); i++) {
        PathTree sub = children.get(StringValue.of(Integer.toString(i)));
        if (sub != null) {
          out.add(sub.filter(a.get(i)));
        }
      }
      return ArrayValue.of(out);
    }
    if (value instanceof SetValue s) {
      SetValue.Builder out = SetValue.builder();
      for (Value element : s.elements()) {
        PathTree sub = children.get(element);
        if (sub != null) {
          out.add(sub.filter(element));
        }
      }
      return out.build();
    }
    return value;
  }

  /** {@code value} without the parts the paths select; null when the whole value is selected. */
  public Value remove(Value value) {
    if (leaf) {
      return null;
    }
    if (value instanceof ObjectValue o) {
      ObjectValue.Builder out = ObjectValue.builder();
      for (Map.Entry<Value, Value> e : o.entries()) {
        Value kept = removeBelow(children.get(e.getKey()), e.getValue());
        if (kept != null) {
          out.put(e.getKey(), kept);
        }
      }
      return out.build();
    }
    if (value instanceof ArrayValue a) {
      List<Value> out = new ArrayList<>(a.size());
      for (int i = 0; i < a.size(); i++) {
        Value kept = removeBelow(children.get(StringValue.of(Integer.toString(i))), a.get(i));
        if (kept != null) {
          out.add(kept);
        }
      }
      return ArrayValue.of(out);
    }
    if (value instanceof SetValue s) {
      SetValue.Builder out = SetValue.builder();
      for (Value element : s.elements()) {
        Value kept = removeBelow(children.get(element), element);
        if (kept != null) {
          out.add(kept);
        }
      }
      return out.build();
    }
    return value;
  }

  private static Value removeBelow(PathTree sub, Value value) {
    return sub == null ? value : sub.remove(value);
  }
}
