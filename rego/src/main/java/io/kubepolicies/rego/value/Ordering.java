package io.kubepolicies.rego.value;

import java.util.List;

/**
 * OPA's total order over values: null &lt; booleans &lt; numbers &lt; strings &lt; arrays &lt; objects &lt; sets.
 * Within a type: false &lt; true; numbers by value; strings by code point; arrays element by element
 * (a proper prefix first); objects by their sorted keys, pairwise key then value, then size; sets by
 * their sorted elements like arrays.
 */
public final class Ordering {
  private Ordering() {}

  public static int compare(Value a, Value b) {
    if (a == b) {
      return 0;
    }
    Kind ka = a.kind();
    Kind kb = b.kind();
    if (ka != kb) {
      return Integer.compare(ka.ordinal(), kb.ordinal());
    }
    return switch (ka) {
      case NULL -> 0;
      case BOOLEAN -> Boolean.compare(((BooleanValue) a).value(), ((BooleanValue) b).value());
      case NUMBER -> ((NumberValue) a).compareNumber((NumberValue) b);
      case STRING -> compareStrings(((StringValue) a).value(), ((StringValue) b).value());
      case ARRAY -> compareLists(((ArrayValue) a).elements(), ((ArrayValue) b).elements());
      case OBJECT -> compareObjects((ObjectValue) a, (ObjectValue) b);
      case SET -> compareLists(((SetValue) a).sorted(), ((SetValue) b).sorted());
    };
  }

  /** Compares by Unicode code point, which is also the byte order of UTF-8 (Go's string order). */
  public static int compareStrings(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char ca = a.charAt(i);
      char cb = b.charAt(i);
      if (ca != cb) {
        if (Character.isSurrogate(ca) || Character.isSurrogate(cb)) {
          return Integer.compare(a.codePointAt(i), b.codePointAt(i));
        }
        return Character.compare(ca, cb);
      }
    }
    return Integer.compare(a.length(), b.length());
  }

  private static int compareLists(List<Value> a, List<Value> b) {
    int n = Math.min(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      int c = compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private static int compareObjects(ObjectValue a, ObjectValue b) {
    List<Value> ka = a.sortedKeys();
    List<Value> kb = b.sortedKeys();
    int n = Math.min(ka.size(), kb.size());
    for (int i = 0; i < n; i++) {
      int c = compare(ka.get(i), kb.get(i));
      if (c != 0) {
        return c;
      }
      c = compare(a.get(ka.get(i)), b.get(kb.get(i)));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(ka.size(), kb.size());
  }
}
