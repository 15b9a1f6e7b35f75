package io.kubepolicies.rego.compile;

import io.kubepolicies.rego.Literals;
import io.kubepolicies.rego.ast.ArrayComprehension;
import io.kubepolicies.rego.ast.ArrayTerm;
import io.kubepolicies.rego.ast.Call;
import io.kubepolicies.rego.ast.ObjectComprehension;
import io.kubepolicies.rego.ast.ObjectTerm;
import io.kubepolicies.rego.ast.Ref;
import io.kubepolicies.rego.ast.Scalar;
import io.kubepolicies.rego.ast.SetComprehension;
import io.kubepolicies.rego.ast.SetTerm;
import io.kubepolicies.rego.ast.TemplateString;
import io.kubepolicies.rego.ast.Term;
import io.kubepolicies.rego.ast.Var;
import io.kubepolicies.rego.types.Type;
import io.kubepolicies.rego.types.Types;
import io.kubepolicies.rego.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the type checker knows while it checks one body (OPA's {@code TypeEnv}): the types of local
 * variables, the types of the calls and comprehensions it has checked, and, through the root, the
 * types of rules under {@code data}. A comprehension's body gets a child environment: it sees the
 * enclosing variables, and what it learns stays inside.
 */
final class TypeEnv {
  private final TypeEnv parent;
  private final DataTypes data;
  private final Map<String, Type> vars = new HashMap<>();
  private final Map<Term, Type> results = new IdentityHashMap<>(); // calls and comprehensions checked here

  private TypeEnv(TypeEnv parent, DataTypes data) {
    this.parent = parent;
    this.data = data;
  }

  /** An environment for one rule or query over the given rule types. */
  static TypeEnv over(DataTypes data) {
    return new TypeEnv(null, data);
  }

  TypeEnv child() {
    return new TypeEnv(this, data);
  }

  DataTypes data() {
    return data;
  }

  /** The type of a local variable, or null when nothing is known about it. */
  Type var(String name) {
    for (TypeEnv env = this; env != null; env = env.parent) {
      if (env.vars.containsKey(name)) {
        return env.vars.get(name);
      }
    }
    return null;
  }

  void bind(String name, Type type) {
    vars.put(name, type);
  }

  /** Records the type of a checked call's result or comprehension; null when checking it failed. */
  void remember(Term term, Type type) {
    results.put(term, type);
  }

  /** The type of a term, or null when it is not known (OPA's {@code GetByValue}). */
  Type typeOf(Term t) {
    if (t instanceof Scalar s) {
      return Types.typeOf(s.value());
    }
    if (t instanceof Var v) {
      return var(v.name());
    }
    if (t instanceof Ref r) {
      return typeOfRef(r);
    }
    if (t instanceof ArrayTerm a) {
      if (a.items().isEmpty()) {
        return Type.arrayOf(Type.ANY);
      }
      List<Type> items = new ArrayList<>();
      a.items().forEach(item -> items.add(typeOf(item)));
      return new Type.ArrayOf(items, null);
    }
    if (t instanceof SetTerm s) {
      Type element = null;
      for (Term item : s.items()) {
        element = Types.or(element, typeOf(item));
      }
      return Type.setOf(element == null ? Type.ANY : element);
    }
    if (t instanceof ObjectTerm o) {
      return objectType(o);
    }
    if (t instanceof TemplateString) {
      return Type.STRING;
    }
    return result(t);
  }

  private Type result(Term callOrClosure) {
    for (TypeEnv env = this; env != null; env = env.parent) {
      if (env.results.containsKey(callOrClosure)) {
        return env.results.get(callOrClosure);
      }
    }
    return null;
  }

  /** Entries with constant keys are known properties; any other gives the type of all others (the last wins, as in OPA). */
  private Type objectType(ObjectTerm o) {
    List<Type.ObjectOf.Property> properties = new ArrayList<>();
    Type.ObjectOf.Dynamic dynamic = null;
    for (ObjectTerm.Entry e : o.entries()) {
      Value key = Literals.valueOf(e.key());
      if (key != null) {
        properties.add(new Type.ObjectOf.Property(key, typeOf(e.value())));
      } else {
        dynamic = new Type.ObjectOf.Dynamic(typeOf(e.key()), typeOf(e.value()));
      }
    }
    if (properties.isEmpty() && dynamic == null) {
      dynamic = new Type.ObjectOf.Dynamic(Type.ANY, Type.ANY);
    }
    return Type.object(properties, dynamic);
  }

  /** The type of the value a reference selects (OPA's {@code GetByRef}). */
  Type typeOfRef(Ref r) {
    List<Term> path = r.terms().subList(1, r.size());
    Term head = r.head();
    if (head instanceof Var v && v.name().equals("data")) {
      return data.typeOf(path);
    }
    if (head instanceof Var v && v.name().equals("input")) {
      return Type.ANY;
    }
    if (head instanceof Var || head instanceof Call) {
      Type base = typeOf(head);
      return base == null ? null : select(base, path);
    }
    Type selected = select(typeOf(head), path);
    return selected == null ? Type.ANY : selected;
  }

  /**
   * The type selected by following a path into a value of type {@code t} (OPA's {@code selectRef}):
   * a constant step selects that member, any other step any member.
   */
  static Type select(Type t, List<Term> path) {
    for (Term step : path) {
      if (t == null) {
        return null;
      }
      t = step instanceof Scalar s ? Types.select(t, s.value()) : Types.values(t);
    }
    return t;
  }

  /** Whether a term is a comprehension, whose body the checker checks on its own. */
  static boolean isClosure(Term t) {
    return t instanceof ArrayComprehension || t instanceof SetComprehension || t instanceof ObjectComprehension;
  }
}
