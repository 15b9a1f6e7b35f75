package io.kubepolicies.ci.conformance;

import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Brings values into the form OPA's runner compares (FORMAT.md 4.3): what a round trip through
 * JSON leaves. Sets become sorted arrays, non-string object keys their compact JSON text (with Go's
 * escaping of {@code <}, {@code >} and {@code &}).
 */
final class ResultNormalizer {
  private ResultNormalizer() {}

  static Value normalize(Value v) {
    if (v instanceof SetValue s) {
      List<Value> items = new ArrayList<>();
      s.sorted().forEach(x -> items.add(normalize(x)));
      return ArrayValue.of(items);
    }
    if (v instanceof ArrayValue a) {
      List<Value> items = new ArrayList<>();
      a.elements().forEach(x -> items.add(normalize(x)));
      return ArrayValue.of(items);
    }
    if (v instanceof ObjectValue o) {
      ObjectValue.Builder b = ObjectValue.builder();
      o.entries().forEach(e -> b.put(key(e.getKey()), normalize(e.getValue())));
      return b.build();
    }
    return v;
  }

  private static Value key(Value k) {
    if (k instanceof StringValue) {
      return k;
    }
    String text = Json.write(normalize(k)).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    return StringValue.of(text);
  }

  /** The array sorted in Rego's order (for {@code sort_bindings}); anything else unchanged. */
  static Value sorted(Value v) {
    if (!(v instanceof ArrayValue a)) {
      return v;
    }
    List<Value> items = new ArrayList<>(a.elements());
    Collections.sort(items);
    return ArrayValue.of(items);
  }
}
