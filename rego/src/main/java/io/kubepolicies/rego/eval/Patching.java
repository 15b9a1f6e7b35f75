package io.kubepolicies.rego.eval;

import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.Value;

/** Replacing a value at a path inside a document, creating objects on the way (for {@code with}). */
final class Patching {
  private Patching() {}

  /** {@code doc} with {@code path[from..]} set to {@code value}; a missing or non-object step becomes an object. */
  static Value upsert(Value doc, Value[] path, int from, Value value) {
    if (from == path.length) {
      return value;
    }
    ObjectValue obj = doc instanceof ObjectValue o ? o : ObjectValue.EMPTY;
    Value child = obj.get(path[from]);
    return obj.with(path[from], upsert(child, path, from + 1, value));
  }
}
