package io.kubepolicies.rego.builtins.jsonpath;

import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * RFC 6902 JSON Patch as OPA's {@code json.patch} applies it. Paths are {@link JsonPointer}s (so a
 * missing leading slash is accepted); a set member is addressed by the member itself, and adding to a
 * set requires the last path segment to equal the value. Array indexes are decimal strings without
 * leading zeros, or numbers; {@code -} means the end of the array. The patches apply in order and
 * atomically: any failure leaves the whole result undefined.
 */
public final class JsonPatch {
  private static final Set<String> OPS = Set.of("add", "remove", "replace", "move", "copy", "test");

  private JsonPatch() {}

  /** The patched document, or null when a patch is malformed or cannot be applied. */
  public static Value apply(Value document, ArrayValue patches) {
    try {
      Value root = document;
      for (Value patch : patches.elements()) {
        root = applyOne(root, patch);
      }
      return root;
    } catch (Failed e) {
      return null;
    }
  }

  private static Value applyOne(Value root, Value patch) {
    if (!(patch instanceof ObjectValue p)) {
      throw new Failed();
    }
    Value op = attribute(p, "op");
    if (!(op instanceof StringValue opName) || !OPS.contains(opName.value())) {
      throw new Failed();
    }
    Value pathTerm = attribute(p, "path");
    String name = opName.value();
    Value fromTerm = name.equals("move") || name.equals("copy") ? attribute(p, "from") : null;
    Value value = name.equals("add") || name.equals("replace") || name.equals("test") ? attribute(p, "value") : null;
    List<Value> path = pointer(pathTerm);
    switch (name) {
      case "add":
        return add(root, path, value);
      case "remove":
        return remove(root, path);
      case "replace":
        return add(remove(root, path), path, value);
      case "move": {
        List<Value> from = pointer(fromTerm);
        Value moved = get(root, from);
        return add(remove(root, from), path, moved);
      }
      case "copy":
        return add(root, path, get(root, pointer(fromTerm)));
      default:
        if (!value.equals(get(root, path))) {
          throw new Failed();
        }
        return root;
    }
  }

  private static Value attribute(ObjectValue patch, String name) {
    Value v = patch.get(name);
    if (v == null) {
      throw new Failed();
    }
    return v;
  }

  private static List<Value> pointer(Value path) {
    List<Value> segments = JsonPointer.segments(path);
    if (segments == null) {
      throw new Failed();
    }
    return segments;
  }

  /** The value at {@code path}; the root is absent (null) once it has been removed. */
  private static Value get(Value root, List<Value> path) {
    Value node = root;
    for (Value segment : path) {
      node = child(node, segment);
    }
    if (node == null) {
      throw new Failed();
    }
    return node;
  }

  private static Value add(Value root, List<Value> path, Value value) {
    if (path.isEmpty()) {
      return value;
    }
    return update(root, path, 0, parent -> insert(parent, last(path), value));
  }

  private static Value remove(Value root, List<Value> path) {
    if (path.isEmpty()) {
      if (root == null) {
        throw new Failed();
      }
      return null;
    }
    return update(root, path, 0, parent -> delete(parent, last(path)));
  }

  private static Value last(List<Value> path) {
    return path.get(path.size() - 1);
  }

  /** Rebuilds the spine from {@code node} down to the parent of the path's last segment. */
  private static Value update(Value node, List<Value> path, int depth, UnaryOperator<Value> atParent) {
    if (node == null) {
      throw new Failed();
    }
    if (depth == path.size() - 1) {
      return atParent.apply(node);
    }
    Value segment = path.get(depth);
    Value updated = update(child(node, segment), path, depth + 1, atParent);
    return replaceChild(node, segment, updated);
  }

  private static Value child(Value node, Value segment) {
    if (node instanceof ObjectValue o) {
      Value v = o.get(segment);
      if (v == null) {
        throw new Failed();
      }
      return v;
    }
    if (node instanceof SetValue s) {
      if (!s.contains(segment)) {
        throw new Failed();
      }
      return segment;
    }
    if (node instanceof ArrayValue a) {
      long i = index(a.size(), segment);
      if (i < 0 || i >= a.size()) {
        throw new Failed();
      }
      return a.get((int) i);
    }
    throw new Failed();
  }

  private static Value replaceChild(Value node, Value segment, Value updated) {
    if (node instanceof ObjectValue o) {
      return o.with(segment, updated);
    }
    if (node instanceof SetValue s) {
      SetValue.Builder out = SetValue.builder();
      for (Value element : s.elements()) {
        out.add(element.equals(segment) ? updated : element);
      }
      return out.build();
    }
    ArrayValue a = (ArrayValue) node;
    List<Value> out = new ArrayList<>(a.elements());
    out.set((int) index(a.size(), segment), updated);
    return ArrayValue.of(out);
  }

  private static Value insert(Value parent, Value key, Value value) {
    if (parent instanceof ObjectValue o) {
      return o.with(key, value);
    }
    if (parent instanceof SetValue s) {
      if (!key.equals(value)) {
        throw new Failed();
      }
      return SetValue.builder().addAll(s.elements()).add(value).build();
    }
    if (parent instanceof ArrayValue a) {
      long i = index(a.size(), key);
      if (i < 0 || i > a.size()) {
        throw new Failed();
      }
      List<Value> out = new ArrayList<>(a.elements());
      out.add((int) i, value);
      return ArrayValue.of(out);
    }
    throw new Failed();
  }

  private static Value delete(Value parent, Value key) {
    if (parent instanceof ObjectValue o) {
      if (!o.containsKey(key)) {
        throw new Failed();
      }
      return o.without(key);
    }
    if (parent instanceof SetValue s) {
      if (!s.contains(key)) {
        throw new Failed();
      }
      SetValue.Builder out = SetValue.builder();
      for (Value element : s.elements()) {
        if (!element.equals(key)) {
          out.add(element);
        }
      }
      return out.build();
    }
    if (parent instanceof ArrayValue a) {
      long i = index(a.size(), key);
      if (i < 0 || i >= a.size()) {
        throw new Failed();
      }
      List<Value> out = new ArrayList<>(a.elements());
      out.remove((int) i);
      return ArrayValue.of(out);
    }
    throw new Failed();
  }

  /**
   * An array index: an integer number, {@code "-"} for the length, or a decimal string as Go's
   * {@code strconv.ParseInt} reads it (an optional sign, no leading zeros). Range is checked by the caller.
   */
  private static long index(int length, Value segment) {
    if (segment instanceof NumberValue n && n.isLong()) {
      return n.longValue();
    }
    if (!(segment instanceof StringValue s)) {
      throw new Failed();
    }
    String text = s.value();
    if (text.equals("-")) {
      return length;
    }
    if (!isDecimal(text) || (!text.equals("0") && text.startsWith("0"))) {
      throw new Failed();
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new Failed();
    }
  }

  /** An optional sign and ASCII digits only (Java's parser would also take other Unicode digits). */
  private static boolean isDecimal(String text) {
    int start = text.startsWith("+") || text.startsWith("-") ? 1 : 0;
    if (start == text.length()) {
      return false;
    }
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** Unwinds a patch that cannot be applied; the result is then undefined, as in OPA. */
  private static final class Failed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Failed() {
      super(null, null, false, false);
    }
  }
}
