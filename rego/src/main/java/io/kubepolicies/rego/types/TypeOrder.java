package io.kubepolicies.rego.types;

import io.kubepolicies.rego.value.Ordering;
import java.util.Comparator;
import java.util.List;

/**
 * OPA's total order over types ({@code types.Compare}): unknown &lt; null &lt; boolean &lt; number &lt;
 * string &lt; array &lt; object &lt; set &lt; any &lt; function, then structurally. Unions are kept
 * sorted by it, which fixes the order in which they print.
 */
public final class TypeOrder implements Comparator<Type> {
  public static final TypeOrder INSTANCE = new TypeOrder();

  private TypeOrder() {}

  @Override
  public int compare(Type a, Type b) {
    a = Type.unwrap(a);
    b = Type.unwrap(b);
    int x = rank(a);
    int y = rank(b);
    if (x != y) {
      return Integer.compare(x, y);
    }
    if (a instanceof Type.ArrayOf arrA) {
      Type.ArrayOf arrB = (Type.ArrayOf) b;
      int c = compareOptional(arrA.dynamic(), arrB.dynamic());
      return c != 0 ? c : compareLists(arrA.prefix(), arrB.prefix());
    }
    if (a instanceof Type.ObjectOf objA) {
      return compareObjects(objA, (Type.ObjectOf) b);
    }
    if (a instanceof Type.SetOf setA) {
      Type.SetOf setB = (Type.SetOf) b;
      if (setA.element() == null || setB.element() == null) {
        return Boolean.compare(setA.element() != null, setB.element() != null);
      }
      return compare(setA.element(), setB.element());
    }
    if (a instanceof Type.Any anyA) {
      return compareLists(anyA.members(), ((Type.Any) b).members());
    }
    if (a instanceof Type.Function fA) {
      Type.Function fB = (Type.Function) b;
      if (fA.args().size() != fB.args().size()) {
        return Integer.compare(fA.args().size(), fB.args().size());
      }
      int c = compareLists(fA.args(), fB.args());
      return c != 0 ? c : compare(fA.result(), fB.result());
    }
    return 0;
  }

  /** A present part sorts after an absent one; two present parts by their types. */
  private int compareOptional(Type a, Type b) {
    if (a == null || b == null) {
      return Boolean.compare(a != null, b != null);
    }
    return compare(a, b);
  }

  private int compareObjects(Type.ObjectOf a, Type.ObjectOf b) {
    if (a.dynamic() == null || b.dynamic() == null) {
      if (a.dynamic() != null || b.dynamic() != null) {
        return Boolean.compare(a.dynamic() != null, b.dynamic() != null);
      }
    } else {
      int c = compare(a.dynamic().key(), b.dynamic().key());
      if (c != 0) {
        return c;
      }
      c = compare(a.dynamic().value(), b.dynamic().value());
      if (c != 0) {
        return c;
      }
    }
    int n = Math.min(a.properties().size(), b.properties().size());
    for (int i = 0; i < n; i++) {
      int c = Ordering.compare(a.properties().get(i).key(), b.properties().get(i).key());
      if (c != 0) {
        return c;
      }
      c = compare(a.properties().get(i).value(), b.properties().get(i).value());
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.properties().size(), b.properties().size());
  }

  private int compareLists(List<Type> a, List<Type> b) {
    int n = Math.min(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      int c = compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private static int rank(Type t) {
    if (t == null) {
      return -1;
    }
    if (t instanceof Type.Null) {
      return 0;
    }
    if (t instanceof Type.Bool) {
      return 1;
    }
    if (t instanceof Type.Num) {
      return 2;
    }
    if (t instanceof Type.Str) {
      return 3;
    }
    if (t instanceof Type.ArrayOf) {
      return 4;
    }
    if (t instanceof Type.ObjectOf) {
      return 5;
    }
    if (t instanceof Type.SetOf) {
      return 6;
    }
    return t instanceof Type.Any ? 7 : 8;
  }
}
