package io.kubepolicies.rego.eval;

import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.RegoException;
import io.kubepolicies.rego.plan.Node;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.Value;

/**
 * Unification, as in OPA: making two terms equal by binding the unbound variables of one side to
 * the values of the other. Arrays and objects unify element by element; a binding lasts while the
 * continuation runs and is undone when it returns.
 */
final class Unifier {
  private final Evaluator eval;

  Unifier(Evaluator eval) {
    this.eval = eval;
  }

  /** Unifies two terms: binds the unbound variables of one side to the values of the other. */
  boolean unify(Node a, Node b, Value[] f, Cont k) {
    boolean pa = isPattern(a, f);
    boolean pb = isPattern(b, f);
    if (pa && pb) {
      return unifyPatterns(a, b, f, k);
    }
    if (pa) {
      return eval.term(b, f, v -> unifyValue(a, v, f, k));
    }
    if (pb) {
      return eval.term(a, f, v -> unifyValue(b, v, f, k));
    }
    return eval.term(a, f, va -> eval.term(b, f, vb -> !va.equals(vb) || k.run()));
  }

  private boolean unifyPatterns(Node a, Node b, Value[] f, Cont k) {
    if (a instanceof Node.Array x && b instanceof Node.Array y) {
      return x.items().length != y.items().length || unifyAll(x.items(), y.items(), 0, f, k);
    }
    if (a instanceof Node.Object x && b instanceof Node.Object y && x.keys().length == y.keys().length) {
      Node[] left = new Node[x.keys().length];
      Node[] right = new Node[x.keys().length];
      for (int i = 0; i < left.length; i++) {
        Value key = known(x.keys()[i], f);
        int j = indexOfKey(y.keys(), key, f);
        if (key == null || j < 0) {
          return true;
        }
        left[i] = x.values()[i];
        right[i] = y.values()[j];
      }
      return unifyAll(left, right, 0, f, k);
    }
    if (a instanceof Node.Local || b instanceof Node.Local) {
      throw new RegoException(RegoError.EVAL_INTERNAL, "cannot unify two unbound terms", null);
    }
    return true;
  }

  private boolean unifyAll(Node[] a, Node[] b, int i, Value[] f, Cont k) {
    if (i == a.length) {
      return k.run();
    }
    return unify(a[i], b[i], f, () -> unifyAll(a, b, i + 1, f, k));
  }

  private int indexOfKey(Node[] keys, Value key, Value[] f) {
    for (int j = 0; j < keys.length; j++) {
      if (key.equals(known(keys[j], f))) {
        return j;
      }
    }
    return -1;
  }

  /**
   * The value of a term that needs no evaluation (a constant or a bound variable), else null. The
   * evaluator reads such terms directly rather than through a continuation, which would be one
   * allocation per step of the search.
   */
  static Value known(Node n, Value[] f) {
    if (n instanceof Node.Const c) {
      return c.value();
    }
    return n instanceof Node.Local l ? f[l.slot()] : null;
  }

  /** Whether a term has unbound variables in positions unification can bind. */
  static boolean isPattern(Node n, Value[] f) {
    if (n instanceof Node.Local l) {
      return f[l.slot()] == null;
    }
    if (n instanceof Node.Array a) {
      for (Node item : a.items()) {
        if (isPattern(item, f)) {
          return true;
        }
      }
      return false;
    }
    if (n instanceof Node.Object o) {
      for (Node v : o.values()) {
        if (isPattern(v, f)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Unifies a term with a known value. */
  boolean unifyValue(Node pattern, Value v, Value[] f, Cont k) {
    if (pattern instanceof Node.Local l) {
      Value bound = f[l.slot()];
      if (bound != null) {
        return !bound.equals(v) || k.run();
      }
      f[l.slot()] = v;
      try {
        return k.run();
      } finally {
        f[l.slot()] = null;
      }
    }
    if (pattern instanceof Node.Array a && isPattern(a, f)) {
      if (!(v instanceof ArrayValue arr) || arr.size() != a.items().length) {
        return true;
      }
      return unifyElements(a.items(), arr, 0, f, k);
    }
    if (pattern instanceof Node.Object o && isPattern(o, f)) {
      if (!(v instanceof ObjectValue obj) || obj.size() != o.keys().length) {
        return true;
      }
      return unifyEntries(o, obj, 0, f, k);
    }
    return eval.term(pattern, f, pv -> !pv.equals(v) || k.run());
  }

  private boolean unifyElements(Node[] items, ArrayValue arr, int i, Value[] f, Cont k) {
    if (i == items.length) {
      return k.run();
    }
    return unifyValue(items[i], arr.get(i), f, () -> unifyElements(items, arr, i + 1, f, k));
  }

  private boolean unifyEntries(Node.Object o, ObjectValue obj, int i, Value[] f, Cont k) {
    if (i == o.keys().length) {
      return k.run();
    }
    return eval.term(o.keys()[i], f, key -> {
      Value v = obj.get(key);
      return v == null || unifyValue(o.values()[i], v, f, () -> unifyEntries(o, obj, i + 1, f, k));
    });
  }
}
