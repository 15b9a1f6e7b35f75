package io.kubepolicies.rego.compile;

import io.kubepolicies.rego.Literals;
import io.kubepolicies.rego.ast.ArrayTerm;
import io.kubepolicies.rego.ast.Call;
import io.kubepolicies.rego.ast.ObjectTerm;
import io.kubepolicies.rego.ast.SetTerm;
import io.kubepolicies.rego.ast.Term;
import io.kubepolicies.rego.ast.Var;
import io.kubepolicies.rego.types.Type;
import io.kubepolicies.rego.types.Types;
import io.kubepolicies.rego.value.Value;
import java.util.List;

/**
 * Unification of terms with types and with each other, as OPA's type checker does it
 * ({@code unify1} and {@code unify2} in {@code check.go}): it tells whether a term can have a type,
 * and gives variables without a type the type they must have. A call's value behaves like the fresh
 * variable OPA's compiler puts in its place.
 */
final class Unification {
  private final TypeEnv env;

  Unification(TypeEnv env) {
    this.env = env;
  }

  /**
   * Whether {@code term} can have type {@code type}; untyped variables in it take their part of the
   * type. With {@code union}, a variable's type widens to include the type instead.
   */
  boolean unify(Term term, Type type, boolean union) {
    type = Type.unwrap(type);
    if (term instanceof ArrayTerm a) {
      if (type instanceof Type.ArrayOf array) {
        return unifyArray(a.items(), array, union);
      }
      return type instanceof Type.Any any && unifyAlternatives(term, a.items(), any);
    }
    if (term instanceof ObjectTerm o) {
      if (type instanceof Type.ObjectOf object) {
        return unifyObject(o, object, union);
      }
      if (type instanceof Type.Any any && any.members().isEmpty()) {
        for (ObjectTerm.Entry e : o.entries()) {
          unify(e.key(), Type.ANY, true);
          unify(e.value(), Type.ANY, true);
        }
        return true;
      }
      return type instanceof Type.Any any && unifyAlternatives(term, List.of(), any);
    }
    if (term instanceof SetTerm s) {
      if (type instanceof Type.SetOf set) {
        for (Term item : s.items()) {
          if (!unify(item, set.element(), union)) {
            return false;
          }
        }
        return true;
      }
      return type instanceof Type.Any any && unifyAlternatives(term, s.items(), any);
    }
    if (term instanceof Var v) {
      Type existing = env.var(v.name());
      if (union) {
        env.bind(v.name(), Types.or(existing, type));
        return true;
      }
      if (existing != null) {
        return Types.unifies(existing, type);
      }
      env.bind(v.name(), type);
      return true;
    }
    if (term instanceof Call) {
      Type result = env.typeOf(term);
      return result == null || Types.unifies(result, type);
    }
    return Types.unifies(env.typeOf(term), type);
  }

  /** Plain {@code any} takes every element; a union takes the term if any of its members does. */
  private boolean unifyAlternatives(Term term, List<Term> elements, Type.Any any) {
    if (any.members().isEmpty()) {
      elements.forEach(e -> unify(e, Type.ANY, true));
      return true;
    }
    boolean unifies = false;
    for (Type member : any.members()) {
      unifies = unify(term, member, true) || unifies;
    }
    return unifies;
  }

  private boolean unifyArray(List<Term> items, Type.ArrayOf type, boolean union) {
    if (items.size() != type.prefix().size() && type.dynamic() == null) {
      return false;
    }
    for (int i = 0; i < items.size(); i++) {
      if (!unify(items.get(i), type.at(i), union)) {
        return false;
      }
    }
    return true;
  }

  private boolean unifyObject(ObjectTerm o, Type.ObjectOf type, boolean union) {
    if (o.entries().size() != type.properties().size() && type.dynamic() == null) {
      return false;
    }
    for (ObjectTerm.Entry e : o.entries()) {
      Value key = Literals.valueOf(e.key());
      if (key == null) {
        unify(e.value(), Type.ANY, union); // OPA does not infer values under dynamic keys
        continue;
      }
      Type member = Types.select(type, key);
      if (member == null || !unify(e.value(), member, union)) {
        return false;
      }
    }
    return true;
  }

  /** Whether two terms of the given types can be equal; an untyped side takes the other's type (OPA's {@code unify2}). */
  boolean unify(Term a, Type typeA, Term b, Type typeB) {
    boolean unknownA = Types.hasUnknown(typeA);
    boolean unknownB = Types.hasUnknown(typeB);
    if (unknownA && !unknownB) {
      return unify(a, typeB, false);
    }
    if (unknownB && !unknownA) {
      return unify(b, typeA, false);
    }
    if (!unknownA) {
      return Types.unifies(typeA, typeB);
    }
    if (a instanceof ArrayTerm array) {
      return unifyArrays(array, b);
    }
    if (a instanceof ObjectTerm object) {
      return unifyObjects(object, b);
    }
    if (isVariable(a)) {
      if (isVariable(b)) {
        return unifyVariables(a, b);
      }
      if (b instanceof ArrayTerm array) {
        return unifyArrays(array, a);
      }
      if (b instanceof ObjectTerm object) {
        return unifyObjects(object, a);
      }
    }
    return false;
  }

  private boolean unifyArrays(ArrayTerm a, Term b) {
    if (b instanceof ArrayTerm other) {
      if (a.items().size() != other.items().size()) {
        return false;
      }
      for (int i = 0; i < a.items().size(); i++) {
        Term x = a.items().get(i);
        Term y = other.items().get(i);
        if (!unify(x, env.typeOf(x), y, env.typeOf(y))) {
          return false;
        }
      }
      return true;
    }
    return isVariable(b) && unifyVariables(a, b);
  }

  private boolean unifyObjects(ObjectTerm a, Term b) {
    if (b instanceof ObjectTerm other) {
      if (a.entries().size() != other.entries().size()) {
        return false;
      }
      for (ObjectTerm.Entry e : a.entries()) {
        ObjectTerm.Entry match = entry(other, e.key());
        if (match == null || !unify(e.value(), env.typeOf(e.value()), match.value(), env.typeOf(match.value()))) {
          return false;
        }
      }
      return true;
    }
    return isVariable(b) && unifyVariables(a, b);
  }

  /** The entry with the same key, keys compared as written (not by where they were written). */
  private static ObjectTerm.Entry entry(ObjectTerm o, Term key) {
    Value constant = Literals.valueOf(key);
    for (ObjectTerm.Entry e : o.entries()) {
      Value other = Literals.valueOf(e.key());
      if (constant != null ? constant.equals(other) : other == null && TermText.of(key).equals(TermText.of(e.key()))) {
        return e;
      }
    }
    return null;
  }

  private boolean unifyVariables(Term a, Term b) {
    return unify(a, Type.ANY, false) && unify(b, env.typeOf(a), false);
  }

  private static boolean isVariable(Term t) {
    return t instanceof Var || t instanceof Call;
  }
}
