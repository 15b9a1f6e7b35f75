package io.kubepolicies.rego.builtins;

import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.Value;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** The subset relation of {@code object.subset}, as OPA defines it for each pair of collection types. */
final class Subset {
  private Subset() {}

  static boolean of(Value sup, Value sub) {
    if (sup instanceof ObjectValue a && sub instanceof ObjectValue b) {
      return objects(a, b);
    }
    if (sup instanceof SetValue a && sub instanceof SetValue b) {
      return sets(a, b);
    }
    if (sup instanceof ArrayValue a && sub instanceof ArrayValue b) {
      return arrays(a, b);
    }
    if (sup instanceof ArrayValue a && sub instanceof SetValue b) {
      return arrayCoversSet(a, b);
    }
    throw BuiltinException.type("both arguments object.subset must be of the same type or array and set");
  }

  /** Every key of {@code sub} is in {@code sup} with an equal value, or a nested subset of the same kind. */
  private static boolean objects(ObjectValue sup, ObjectValue sub) {
    for (Map.Entry<Value, Value> e : sub.entries()) {
      Value superValue = sup.get(e.getKey());
      if (superValue == null) {
        return false;
      }
      Value subValue = e.getValue();
      if (subValue.equals(superValue)) {
        continue;
      }
      boolean nested;
      if (superValue instanceof ObjectValue a && subValue instanceof ObjectValue b) {
        nested = objects(a, b);
      } else if (superValue instanceof SetValue a && subValue instanceof SetValue b) {
        nested = sets(a, b);
      } else if (superValue instanceof ArrayValue a && subValue instanceof ArrayValue b) {
        nested = arrays(a, b);
      } else {
        nested = false;
      }
      if (!nested) {
        return false;
      }
    }
    return true;
  }

  private static boolean sets(SetValue sup, SetValue sub) {
    return sup.elements().containsAll(sub.elements());
  }

  /** {@code sub} occurs in {@code sup} as a contiguous run. */
  private static boolean arrays(ArrayValue sup, ArrayValue sub) {
    List<Value> haystack = sup.elements();
    List<Value> needle = sub.elements();
    return needle.size() <= haystack.size() && Collections.indexOfSubList(haystack, needle) >= 0;
  }

  /**
   * OPA counts the elements of {@code sup} that are members of {@code sub}, duplicates included, and
   * succeeds once the count reaches the size of {@code sub}; an empty {@code sup} never succeeds.
   */
  private static boolean arrayCoversSet(ArrayValue sup, SetValue sub) {
    int unmatched = sub.size();
    for (Value v : sup.elements()) {
      if (sub.contains(v)) {
        unmatched--;
      }
      if (unmatched <= 0) {
        return true;
      }
    }
    return false;
  }
}
