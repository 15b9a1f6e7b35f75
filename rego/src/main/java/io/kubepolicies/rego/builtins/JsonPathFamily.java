package io.kubepolicies.rego.builtins;

import io.kubepolicies.rego.builtins.jsonpath.JsonPatch;
import io.kubepolicies.rego.builtins.jsonpath.JsonPointer;
import io.kubepolicies.rego.builtins.jsonpath.PathTree;
import io.kubepolicies.rego.types.Type;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.Value;
import java.util.ArrayList;
import java.util.List;

/** Path-based document edits: {@code json.filter}, {@code json.remove} and {@code json.patch}. */
public final class JsonPathFamily implements BuiltinFamily {
  private static final Type OBJECT = Type.objectOf(Type.ANY, Type.ANY);
  private static final Type PATH = Type.anyOf(Type.STRING, Type.arrayOf(Type.ANY));
  private static final Type PATHS = Type.anyOf(Type.arrayOf(PATH), Type.setOf(PATH));
  private static final Type PATCH = Type.object(List.of(Type.property("op", Type.STRING), Type.property("path", Type.ANY)),
      new Type.ObjectOf.Dynamic(Type.ANY, Type.ANY));

  @Override
  public void register(Builtins.Registrar r) {
    r.function("json.filter", List.of(Type.named("object", OBJECT), Type.named("paths", PATHS)),
        Type.named("filtered", Type.ANY), (ctx, args) -> {
      ObjectValue document = Operands.object(args, 1);
      return PathTree.of(paths(args)).filter(document);
    });
    r.function("json.remove", List.of(Type.named("object", OBJECT), Type.named("paths", PATHS)),
        Type.named("output", Type.ANY), (ctx, args) -> {
      ObjectValue document = Operands.object(args, 1);
      return PathTree.of(paths(args)).remove(document);
    });
    r.function("json.patch", List.of(Type.named("object", Type.ANY), Type.named("patches", Type.arrayOf(PATCH))),
        Type.named("output", Type.ANY),
        (ctx, args) -> JsonPatch.apply(args[0], Operands.array(args, 2)));
  }

  /** The paths of operand 2: an array or set of string paths or segment arrays. */
  private static List<List<Value>> paths(Value[] args) {
    List<Value> items;
    if (args[1] instanceof ArrayValue a) {
      items = a.elements();
    } else if (args[1] instanceof SetValue s) {
      items = s.sorted();
    } else {
      throw BuiltinException.operand(2, args[1], "set", "array");
    }
    List<List<Value>> out = new ArrayList<>(items.size());
    for (Value item : items) {
      List<Value> segments = JsonPointer.segments(item);
      if (segments == null) {
        throw BuiltinException.type("operand 2 must be one of {set, array} containing string paths or array of path segments but got "
            + item.typeName());
      }
      out.add(segments);
    }
    return out;
  }
}
