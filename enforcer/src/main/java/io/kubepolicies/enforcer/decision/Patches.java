package io.kubepolicies.enforcer.decision;

import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The operations mutating policies return: RFC 6902 operations carrying the policy that wants them
 * (and, for allowlists, the container). Here they are checked and put in a stable order.
 */
final class Patches {
  private static final Set<String> OPS = Set.of("add", "remove", "replace", "move", "copy", "test");
  private static final List<String> RFC_6902_FIELDS = List.of("op", "path", "from", "value");

  private Patches() {}

  static String policy(Value op) {
    return op instanceof ObjectValue o && o.get("policy") instanceof StringValue s ? s.value() : "";
  }

  /** {@code {op, path, value, from}} only. */
  static Value operation(Value op) {
    ObjectValue o = (ObjectValue) op;
    ObjectValue.Builder b = ObjectValue.builder();
    for (String key : RFC_6902_FIELDS) {
      Value v = o.get(key);
      if (v != null) {
        b.put(key, v);
      }
    }
    return b.build();
  }

  /**
   * Validates a set of operations: each an object with a known {@code op} and a string
   * {@code path}, no two on one path. Returns them ordered by path, then policy.
   */
  static List<Value> checked(List<Value> ops) {
    List<Value> sorted = new ArrayList<>(ops);
    sorted.sort(Comparator.comparing(Patches::path).thenComparing(Patches::policy));
    Set<String> paths = new HashSet<>();
    for (Value op : sorted) {
      if (!(op instanceof ObjectValue o) || !(o.get("op") instanceof StringValue kind) || !OPS.contains(kind.value())
          || !(o.get("path") instanceof StringValue)) {
        throw new IllegalStateException("mutation policy produced an invalid JSON Patch operation: " + op);
      }
      if (!paths.add(path(op))) {
        throw new IllegalStateException("mutation policies produced two operations on " + path(op));
      }
    }
    return sorted;
  }

  private static String path(Value op) {
    return op instanceof ObjectValue o && o.get("path") instanceof StringValue s ? s.value() : "";
  }
}
