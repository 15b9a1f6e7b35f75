package io.kubepolicies.rego.builtins;

import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The outputs of the {@code walk} relation: {@code [path, value]} for a value and every value nested
 * in it, depth first in OPA's order: a node before its children, array elements by index, object
 * members and set elements in sorted order (a set element's path segment is the element itself).
 */
final class Walk {
  private Walk() {}

  static void paths(Value root, Consumer<Value> out) {
    visit(new ArrayList<>(), root, out);
  }

  private static void visit(List<Value> path, Value node, Consumer<Value> out) {
    out.accept(ArrayValue.of(ArrayValue.of(path), node));
    if (node instanceof ArrayValue a) {
      for (int i = 0; i < a.size(); i++) {
        descend(path, NumberValue.of(i), a.get(i), out);
      }
    } else if (node instanceof ObjectValue o) {
      for (Value key : o.sortedKeys()) {
        descend(path, key, o.get(key), out);
      }
    } else if (node instanceof SetValue s) {
      for (Value element : s.sorted()) {
        descend(path, element, element, out);
      }
    }
  }

  private static void descend(List<Value> path, Value key, Value child, Consumer<Value> out) {
    path.add(key);
    visit(path, child, out);
    path.remove(path.size() - 1);
  }
}
