package io.kubepolicies.rego.compile;

import io.kubepolicies.rego.Literals;
import io.kubepolicies.rego.ast.ArrayTerm;
import io.kubepolicies.rego.ast.ObjectTerm;
import io.kubepolicies.rego.ast.Ref;
import io.kubepolicies.rego.ast.Scalar;
import io.kubepolicies.rego.ast.SetTerm;
import io.kubepolicies.rego.ast.Term;
import io.kubepolicies.rego.ast.Var;
import io.kubepolicies.rego.types.Type;
import io.kubepolicies.rego.types.Types;
import io.kubepolicies.rego.value.Ordering;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * OPA's reference check ({@code refChecker} in {@code check.go}): a reference must select something
 * its value can have (no key of a scalar, no key an object type rules out, no index of the wrong
 * type), must not name a function as a value, and gives untyped variables used as keys the type of
 * the keys they range over.
 */
final class RefCheck {
  private final TypeEnv env;
  private final Unification unification;

  RefCheck(TypeEnv env) {
    this.env = env;
    this.unification = new Unification(env);
  }

  /** The error in a reference, or null. */
  TypeError check(Ref ref) {
    Type type = env.typeOfRef(ref);
    if (type instanceof Type.Function) {
      return TypeError.refUnsupported(ref, ref.size() - 1, type); // functions are called, not read
    }
    Term head = ref.head();
    if (head instanceof Var v && v.name().equals("data")) {
      DataTypes.Node root = env.data().root();
      return DataTypes.declared(root) ? checkData(root, ref, 1) : checkValue(Type.ANY, ref, 1);
    }
    if (head instanceof Var v && !v.name().equals("input")) {
      Type local = env.var(v.name());
      if (local == null) {
        env.bind(v.name(), Type.ANY);
        local = Type.ANY;
      }
      return checkValue(local, ref, 1);
    }
    if (head instanceof ArrayTerm || head instanceof ObjectTerm || head instanceof SetTerm) {
      unification.unify(head, Type.ANY, false);
    } else if (!(head instanceof Var)) {
      Type value = env.typeOf(head); // a call: its result
      return checkValue(value == null ? Type.ANY : value, ref, 1);
    }
    return checkValue(Type.ANY, ref, 1);
  }

  /** Follows the reference down the rule tree while it names packages and rules. */
  private TypeError checkData(DataTypes.Node node, Ref ref, int index) {
    DataTypes data = env.data();
    if (index == ref.size()) {
      return null;
    }
    Term step = ref.get(index);
    boolean name = isVariable(step) || step instanceof Scalar s && s.value() instanceof StringValue;
    if ((index == 1 || index == 2) && !name) { // a package or rule name
      return TypeError.refInvalid(ref, index, env.typeOf(step), Type.STRING, data.keys(node));
    }
    if (isVariable(step)) {
      Type keys = Types.keys(data.extent(node));
      TypeError error = checkKey(step, keys, ref, index, data.keys(node));
      if (error != null) {
        return error;
      }
    }
    Value key = Literals.valueOf(step);
    DataTypes.Node child = key == null ? null : data.child(node, key);
    if (child == null) {
      anyKeys(ref, index + 1);
      return null; // base documents, or any rule below: not known here
    }
    Type value = data.value(child);
    return value != null ? checkValue(value, ref, index + 1) : checkData(child, ref, index + 1);
  }

  /**
   * Where the reference leaves what is known, OPA goes on into every rule below, binding variable
   * keys to whatever the first rule it meets has; here they range over anything.
   */
  private void anyKeys(Ref ref, int from) {
    for (Term step : ref.terms().subList(from, ref.size())) {
      if (step instanceof Var v && env.var(v.name()) == null) {
        env.bind(v.name(), Type.ANY);
      }
    }
  }

  /** Follows the reference into a value of a known type (OPA's {@code checkRefLeaf}). */
  private TypeError checkValue(Type type, Ref ref, int index) {
    if (index == ref.size()) {
      return null;
    }
    Type keys = Types.keys(type);
    if (keys == null) {
      return TypeError.refUnsupported(ref, index - 1, type);
    }
    Term step = ref.get(index);
    if (isVariable(step)) {
      TypeError error = checkKey(step, keys, ref, index, oneOf(type));
      if (error != null) {
        return error;
      }
    } else if (step instanceof ArrayTerm || step instanceof ObjectTerm || step instanceof SetTerm) {
      if (!unification.unify(step, keys, false)) {
        return TypeError.refInvalid(ref, index, env.typeOf(step), keys, List.of());
      }
    } else {
      Type member = Types.select(type, ((Scalar) step).value());
      if (member == null) {
        return TypeError.refInvalid(ref, index, null, keys, oneOf(type));
      }
      return checkValue(member, ref, index + 1);
    }
    return checkValue(Types.values(type), ref, index + 1);
  }

  /** A variable key must range over the keys there are; an untyped variable takes their type. */
  private TypeError checkKey(Term step, Type keys, Ref ref, int index, List<Value> oneOf) {
    Type existing = env.typeOf(step);
    if (existing == null) {
      if (step instanceof Var v) {
        env.bind(v.name(), keys);
      }
      return null;
    }
    return Types.unifies(existing, keys) ? null : TypeError.refInvalid(ref, index, existing, keys, oneOf);
  }

  /** What OPA's compiler turns into a variable: variables, and references, calls and comprehensions in a reference. */
  private static boolean isVariable(Term t) {
    return !(t instanceof Scalar || t instanceof ArrayTerm || t instanceof ObjectTerm || t instanceof SetTerm);
  }

  /** The known keys of an object type (of each object in a union), for error messages. */
  private static List<Value> oneOf(Type type) {
    List<Value> keys = new ArrayList<>();
    collectKeys(Type.unwrap(type), keys);
    keys.sort(Ordering::compare);
    return keys;
  }

  private static void collectKeys(Type type, List<Value> out) {
    if (type instanceof Type.ObjectOf o) {
      o.properties().forEach(p -> {
        if (!out.contains(p.key())) {
          out.add(p.key());
        }
      });
    } else if (type instanceof Type.Any any) {
      any.members().forEach(m -> collectKeys(m, out));
    }
  }
}
