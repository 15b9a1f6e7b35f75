package io.kubepolicies.rego.builtins;

import io.kubepolicies.rego.types.Type;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.Value;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Object built-ins: {@code object.get}, {@code object.keys}, {@code object.union},
 * {@code object.union_n}, {@code object.remove}, {@code object.filter} and {@code object.subset}.
 */
public final class ObjectFamily implements BuiltinFamily {
  private static final Type OBJECT = Type.objectOf(Type.ANY, Type.ANY);
  private static final Type KEYS = Type.anyOf(Type.arrayOf(Type.ANY), Type.setOf(Type.ANY), OBJECT);
  private static final Type COLLECTION = Type.anyOf(OBJECT, Type.setOf(Type.ANY), Type.arrayOf(Type.ANY));

  @Override
  public void register(Builtins.Registrar r) {
    r.function("object.get",
        List.of(Type.named("object", OBJECT), Type.named("key", Type.ANY), Type.named("default", Type.ANY)),
        Type.named("value", Type.ANY), (ctx, args) -> get(args));
    r.function("object.keys", List.of(Type.named("object", OBJECT)), Type.named("value", Type.setOf(Type.ANY)),
        (ctx, args) -> SetValue.of(Operands.object(args, 1).keys()));
    r.function("object.union", List.of(Type.named("a", OBJECT), Type.named("b", OBJECT)),
        Type.named("output", Type.ANY),
        (ctx, args) -> union(Operands.object(args, 1), Operands.object(args, 2)));
    r.function("object.union_n", List.of(Type.named("objects", Type.arrayOf(OBJECT))), Type.named("output", Type.ANY),
        (ctx, args) -> unionN(args));
    r.function("object.remove", List.of(Type.named("object", OBJECT), Type.named("keys", KEYS)),
        Type.named("output", Type.ANY), (ctx, args) -> select(args, false));
    r.function("object.filter", List.of(Type.named("object", OBJECT), Type.named("keys", KEYS)),
        Type.named("filtered", Type.ANY), (ctx, args) -> select(args, true));
    r.function("object.subset", List.of(Type.named("super", COLLECTION), Type.named("sub", COLLECTION)),
        Type.named("result", Type.ANY),
        (ctx, args) -> BooleanValue.of(Subset.of(args[0], args[1])));
  }

  /**
   * A non-array key is looked up directly; an array key is a path through nested objects, arrays
   * (by integer index) and sets (by member). The empty path selects the object itself.
   */
  private static Value get(Value[] args) {
    ObjectValue object = Operands.object(args, 1);
    Value key = args[1];
    Value fallback = args[2];
    if (!(key instanceof ArrayValue path)) {
      Value found = object.get(key);
      return found != null ? found : fallback;
    }
    Value node = object;
    for (Value segment : path.elements()) {
      node = child(node, segment);
      if (node == null) {
        return fallback;
      }
    }
    return node;
  }

  private static Value child(Value node, Value segment) {
    if (node instanceof ObjectValue o) {
      return o.get(segment);
    }
    if (node instanceof ArrayValue a) {
      if (segment instanceof NumberValue n && n.isLong() && n.longValue() >= 0 && n.longValue() < a.size()) {
        return a.get((int) n.longValue());
      }
      return null;
    }
    if (node instanceof SetValue s) {
      return s.contains(segment) ? segment : null;
    }
    return null;
  }

  /** The keys of operand 2, which may be given as an array, a set or the keys of an object. */
  private static Set<Value> keysOperand(Value[] args) {
    Value keys = args[1];
    if (keys instanceof ArrayValue a) {
      return new HashSet<>(a.elements());
    }
    if (keys instanceof SetValue s) {
      return s.elements();
    }
    if (keys instanceof ObjectValue o) {
      return o.keys();
    }
    throw BuiltinException.operand(2, keys, "object", "set", "array");
  }

  /** The members of operand 1 whose key is, or is not, among the keys of operand 2. */
  private static ObjectValue select(Value[] args, boolean listed) {
    ObjectValue object = Operands.object(args, 1);
    Set<Value> keys = keysOperand(args);
    ObjectValue.Builder out = ObjectValue.builder();
    for (Map.Entry<Value, Value> e : object.entries()) {
      if (keys.contains(e.getKey()) == listed) {
        out.put(e.getKey(), e.getValue());
      }
    }
    return out.build();
  }

  /** Keys of both: objects on both sides merge recursively, otherwise the right-hand value wins. */
  private static ObjectValue union(ObjectValue left, ObjectValue right) {
    if (right.isEmpty() || left.equals(right)) {
      return left;
    }
    if (left.isEmpty()) {
      return right;
    }
    ObjectValue.Builder out = ObjectValue.builder();
    for (Map.Entry<Value, Value> e : left.entries()) {
      Value r = right.get(e.getKey());
      if (r == null) {
        out.put(e.getKey(), e.getValue());
      } else if (e.getValue() instanceof ObjectValue lo && r instanceof ObjectValue ro) {
        out.put(e.getKey(), union(lo, ro));
      } else {
        out.put(e.getKey(), r);
      }
    }
    for (Map.Entry<Value, Value> e : right.entries()) {
      if (!left.containsKey(e.getKey())) {
        out.put(e.getKey(), e.getValue());
      }
    }
    return out.build();
  }

  /**
   * The union of all objects, merged from left to right. A non-object element fails the call; OPA
   * checks from the end, so the last offending element is the one reported.
   */
  private static ObjectValue unionN(Value[] args) {
    ArrayValue objects = Operands.array(args, 1);
    for (int i = objects.size() - 1; i >= 0; i--) {
      Value v = objects.get(i);
      if (!(v instanceof ObjectValue)) {
        throw BuiltinException.operandElement(1, objects, v, "object");
      }
    }
    ObjectValue result = ObjectValue.EMPTY;
    for (Value v : objects.elements()) {
      result = union(result, (ObjectValue) v);
    }
    return result;
  }
}
