package io.kubepolicies.rego.eval;

import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.List;

/** Reading collections the way references do. */
final class Indexing {
  private Indexing() {}

  /** {@code value[key]}: an object's entry, an array's element, a set's member; else undefined (null). */
  static Value index(Value value, Value key) {
    if (value instanceof ObjectValue o) {
      return o.get(key);
    }
    if (value instanceof ArrayValue a) {
      if (key instanceof NumberValue n && n.isLong()) {
        long i = n.longValue();
        return i >= 0 && i < a.size() ? a.get((int) i) : null;
      }
      return null;
    }
    if (value instanceof SetValue s) {
      return s.contains(key) ? key : null;
    }
    return null;
  }

  /** OPA's storage addresses base documents by strings: a number key of an object means its text. */
  static Value storageKey(Value container, Value key) {
    return container instanceof ObjectValue && key instanceof NumberValue ? StringValue.of(key.toString()) : key;
  }

  static boolean isCollection(Value value) {
    return value instanceof ObjectValue || value instanceof ArrayValue || value instanceof SetValue;
  }

  /** Receives each key and value of a collection. */
  @FunctionalInterface
  interface EntryCont {
    boolean accept(Value key, Value value);
  }

  /**
   * Visits every entry: objects by key in sorted order (as OPA iterates), arrays by index, sets by
   * member in sorted order (key and value are the member). Scalars have no entries.
   */
  static boolean forEach(Value value, EntryCont k) {
    // indexed loops: an iterator over the read-only views would be an allocation per iteration
    if (value instanceof ObjectValue o) {
      List<Value> keys = o.sortedKeys();
      for (int i = 0; i < keys.size(); i++) {
        if (!k.accept(keys.get(i), o.get(keys.get(i)))) {
          return false;
        }
      }
    } else if (value instanceof ArrayValue a) {
      for (int i = 0; i < a.size(); i++) {
        if (!k.accept(NumberValue.of(i), a.get(i))) {
          return false;
        }
      }
    } else if (value instanceof SetValue s) {
      List<Value> members = s.sorted();
      for (int i = 0; i < members.size(); i++) {
        if (!k.accept(members.get(i), members.get(i))) {
          return false;
        }
      }
    }
    return true;
  }
}
