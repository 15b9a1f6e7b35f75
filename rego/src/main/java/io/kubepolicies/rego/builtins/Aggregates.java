package io.kubepolicies.rego.builtins;

import io.kubepolicies.rego.builtins.numeric.BinaryFloat;
import io.kubepolicies.rego.builtins.numeric.NumericOperation;
import io.kubepolicies.rego.types.Type;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The aggregates of OPA's {@code topdown/aggregates.go}: {@code count}, {@code sum}, {@code product},
 * {@code max}, {@code min} and {@code sort}. Sums and products of integers are exact; with any
 * non-integer they are accumulated in binary floating point as OPA does (sums in 64 bits, products,
 * which OPA starts from a {@code float64} one, in 53). Sets are visited in sorted order, like OPA's.
 */
public final class Aggregates implements BuiltinFamily {
  private static final Type NUMBERS = Type.anyOf(Type.setOf(Type.NUMBER), Type.arrayOf(Type.NUMBER));
  private static final Type COLLECTION = Type.anyOf(Type.setOf(Type.ANY), Type.arrayOf(Type.ANY));

  @Override
  public void register(Builtins.Registrar r) {
    Type countable =
        Type.anyOf(Type.setOf(Type.ANY), Type.arrayOf(Type.ANY), Type.objectOf(Type.ANY, Type.ANY), Type.STRING);
    r.function("count", List.of(Type.named("collection", countable)), Type.named("n", Type.NUMBER),
        (ctx, a) -> count(a[0]));
    r.function("sum", List.of(Type.named("collection", NUMBERS)), Type.named("n", Type.NUMBER),
        (ctx, a) -> accumulate(a[0], NumericOperation.ADD,
        NumberValue.ZERO, BinaryFloat.zero(BinaryFloat.NUMBER_PRECISION)));
    r.function("product", List.of(Type.named("collection", NUMBERS)), Type.named("n", Type.NUMBER),
        (ctx, a) -> accumulate(a[0], NumericOperation.MULTIPLY,
        NumberValue.ONE, BinaryFloat.ofDouble(1.0)));
    r.function("max", List.of(Type.named("collection", COLLECTION)), Type.named("n", Type.ANY),
        (ctx, a) -> extreme(a[0], true));
    r.function("min", List.of(Type.named("collection", COLLECTION)), Type.named("n", Type.ANY),
        (ctx, a) -> extreme(a[0], false));
    r.function("sort", List.of(Type.named("collection", Type.anyOf(Type.arrayOf(Type.ANY), Type.setOf(Type.ANY)))),
        Type.named("n", Type.arrayOf(Type.ANY)),
        (ctx, a) -> sort(a[0]));
  }

  private static Value count(Value v) {
    if (v instanceof ArrayValue a) {
      return NumberValue.of(a.size());
    }
    if (v instanceof ObjectValue o) {
      return NumberValue.of(o.size());
    }
    if (v instanceof SetValue s) {
      return NumberValue.of(s.size());
    }
    if (v instanceof StringValue s) {
      return NumberValue.of(s.value().codePointCount(0, s.value().length()));
    }
    throw BuiltinException.operand(1, v, "array", "object", "set", "string");
  }

  /** The elements of an array, or of a set in sorted order; OPA's operand error for anything else. */
  private static List<Value> members(Value v) {
    if (v instanceof ArrayValue a) {
      return a.elements();
    }
    if (v instanceof SetValue s) {
      return s.sorted();
    }
    throw BuiltinException.operand(1, v, "set", "array");
  }

  /**
   * Folds the numbers exactly while all are integers; otherwise starts over in floating point from
   * {@code floatStart}, whose precision every step keeps, as Go's accumulator does.
   */
  private static Value accumulate(Value collection, NumericOperation op, NumberValue start, BinaryFloat floatStart) {
    List<Value> xs = members(collection);
    NumberValue exact = start;
    for (Value x : xs) {
      exact = x instanceof NumberValue n ? op.exact(exact, n) : null;
      if (exact == null) {
        break;
      }
    }
    if (exact != null) {
      return exact;
    }
    BinaryFloat acc = floatStart;
    for (Value x : xs) {
      if (!(x instanceof NumberValue n)) {
        throw BuiltinException.operandElement(1, collection, x, "number");
      }
      acc = op.applyInexact(acc, BinaryFloat.of(n));
    }
    return acc.toNumber();
  }

  /** The largest or smallest element in OPA's order; undefined for an empty collection. */
  private static Value extreme(Value collection, boolean largest) {
    List<Value> xs = members(collection);
    if (xs.isEmpty()) {
      return null;
    }
    return largest ? Collections.max(xs) : Collections.min(xs);
  }

  private static Value sort(Value collection) {
    if (collection instanceof SetValue s) {
      return ArrayValue.of(s.sorted());
    }
    List<Value> xs = new ArrayList<>(members(collection));
    Collections.sort(xs);
    return ArrayValue.of(xs);
  }
}
