package io.kubepolicies.rego.eval;

import io.kubepolicies.rego.ast.Location;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.Value;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Assembles the object a document node evaluates to from base documents, child documents and the
 * solutions of rules with variable references ({@code p[x] := y}, {@code p[x] contains y}). Two
 * solutions that put different values at one key are a conflict, as in OPA.
 */
final class DocumentBuilder {
  private final Map<Value, Object> entries = new LinkedHashMap<>(); // Value, DocumentBuilder or SetValue.Builder

  void putBase(Value key, Value value) {
    entries.put(key, value);
  }

  boolean isEmpty() {
    return entries.isEmpty();
  }

  /** Sets the value at {@code keys}, nesting objects as needed. */
  void put(Value[] keys, Value value, Location location) {
    DocumentBuilder parent = descend(keys, location);
    Value key = keys[keys.length - 1];
    Object existing = parent.entries.get(key);
    if (existing == null) {
      parent.entries.put(key, value);
    } else if (!(existing instanceof Value v && v.equals(value))) {
      throw Evaluator.conflict("object keys must be unique", location);
    }
  }

  /** Adds an element to the set at {@code keys}. */
  void addToSet(Value[] keys, Value element, Location location) {
    DocumentBuilder parent = descend(keys, location);
    Value key = keys[keys.length - 1];
    Object existing = parent.entries.get(key);
    SetValue.Builder set;
    if (existing == null) {
      set = SetValue.builder();
      parent.entries.put(key, set);
    } else if (existing instanceof SetValue.Builder s) {
      set = s;
    } else if (existing instanceof SetValue s) {
      set = SetValue.builder().addAll(s.elements());
      parent.entries.put(key, set);
    } else {
      throw Evaluator.conflict("object keys must be unique", location);
    }
    set.add(element);
  }

  private DocumentBuilder descend(Value[] keys, Location location) {
    DocumentBuilder node = this;
    for (int i = 0; i < keys.length - 1; i++) {
      Object existing = node.entries.get(keys[i]);
      DocumentBuilder next;
      if (existing == null) {
        next = new DocumentBuilder();
      } else if (existing instanceof DocumentBuilder b) {
        next = b;
      } else if (existing instanceof ObjectValue o) {
        next = new DocumentBuilder();
        o.entries().forEach(e -> next.entries.put(e.getKey(), e.getValue()));
      } else {
        throw Evaluator.conflict("object keys must be unique", location);
      }
      node.entries.put(keys[i], next);
      node = next;
    }
    return node;
  }

  ObjectValue build() {
    ObjectValue.Builder b = ObjectValue.builder();
    entries.forEach((k, v) -> b.put(k, v instanceof DocumentBuilder d ? d.build()
        : v instanceof SetValue.Builder s ? s.build() : (Value) v));
    return b.build();
  }
}
