package io.kubepolicies.rego.types;

import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.NullValue;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The operations of OPA's type system ({@code v1/types/types.go} and the unification of
 * {@code v1/ast/check.go}): unions, selecting into composite types, and whether two types can
 * describe the same value. Unknown types are null throughout.
 */
public final class Types {
  private Types() {}

  /**
   * The union of two types; a type that contains the other is returned as is. Null when one is a
   * function and the other is not.
   */
  public static Type or(Type a, Type b) {
    a = Type.unwrap(a);
    b = Type.unwrap(b);
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    if (a instanceof Type.Function fa && b instanceof Type.Function fb) {
      return union(fa, fb);
    }
    if (a instanceof Type.Function || b instanceof Type.Function) {
      return null;
    }
    if (a instanceof Type.Any anyA) {
      return merge(anyA, b);
    }
    if (b instanceof Type.Any anyB) {
      return merge(anyB, a);
    }
    return TypeOrder.INSTANCE.compare(a, b) == 0 ? a : new Type.Any(List.of(a, b));
  }

  private static Type.Any merge(Type.Any any, Type other) {
    if (other instanceof Type.Any otherAny) {
      if (any.members().isEmpty()) {
        return any;
      }
      if (otherAny.members().isEmpty()) {
        return otherAny;
      }
      List<Type> members = new ArrayList<>(any.members());
      for (Type t : otherAny.members()) {
        if (!containsMember(members, t)) {
          members.add(t);
        }
      }
      return new Type.Any(members);
    }
    if (contains(any, other)) {
      return any;
    }
    List<Type> members = new ArrayList<>(any.members());
    members.add(other);
    return new Type.Any(members);
  }

  private static boolean containsMember(List<Type> members, Type t) {
    for (Type m : members) {
      if (TypeOrder.INSTANCE.compare(m, t) == 0) {
        return true;
      }
    }
    return false;
  }

  /** Functions of equal arity unite argument by argument; otherwise there is no union. */
  private static Type union(Type.Function a, Type.Function b) {
    if (a.args().size() != b.args().size()) {
      return null;
    }
    List<Type> args = new ArrayList<>();
    for (int i = 0; i < a.args().size(); i++) {
      args.add(or(a.args().get(i), b.args().get(i)));
    }
    return new Type.Function(args, or(a.result(), b.result()));
  }

  /** Whether {@code a} is {@code b} or, as a union, has {@code b} among its members (plain any has all). */
  public static boolean contains(Type a, Type b) {
    a = Type.unwrap(a);
    if (a instanceof Type.Any any) {
      if (Type.unwrap(b) instanceof Type.Function) {
        return false;
      }
      return any.members().isEmpty() || containsMember(any.members(), b);
    }
    return TypeOrder.INSTANCE.compare(a, b) == 0;
  }

  /** The type of the member at a constant key (array index, object key or set element), or null when there is none. */
  public static Type select(Type t, Value key) {
    t = Type.unwrap(t);
    if (t instanceof Type.ArrayOf array) {
      Integer index = key instanceof NumberValue n ? n.intValueExact() : null;
      return index == null ? null : array.at(index);
    }
    if (t instanceof Type.ObjectOf object) {
      Type known = object.property(key);
      if (known != null) {
        return known;
      }
      boolean dynamicKey = object.dynamic() != null && contains(object.dynamic().key(), typeOf(key));
      return dynamicKey ? object.dynamic().value() : null;
    }
    if (t instanceof Type.SetOf set) {
      Type keyType = typeOf(key);
      if (TypeOrder.INSTANCE.compare(set.element(), keyType) == 0) {
        return set.element();
      }
      return set.element() instanceof Type.Any any && contains(any, keyType) ? keyType : null;
    }
    if (t instanceof Type.Any any) {
      if (any.members().isEmpty()) {
        return Type.ANY;
      }
      Type out = null;
      for (Type m : any.members()) {
        out = or(select(m, key), out);
      }
      return out;
    }
    return null;
  }

  /** The type of the keys that iterating a value of type {@code t} yields, or null when it cannot be iterated. */
  public static Type keys(Type t) {
    return iterated(t, true);
  }

  /** The type of the values that iterating a value of type {@code t} yields, or null. */
  public static Type values(Type t) {
    return iterated(t, false);
  }

  /** What iterating a value of type {@code t} binds: its keys or its values. */
  private static Type iterated(Type t, boolean keys) {
    t = Type.unwrap(t);
    if (t instanceof Type.ArrayOf array) {
      if (keys) {
        return Type.NUMBER;
      }
      Type out = null;
      for (Type e : array.prefix()) {
        out = or(out, e);
      }
      return or(out, array.dynamic());
    }
    if (t instanceof Type.ObjectOf object) {
      Type out = null;
      for (Type.ObjectOf.Property p : object.properties()) {
        out = or(out, keys ? typeOf(p.key()) : p.value());
      }
      if (object.dynamic() == null) {
        return out;
      }
      return or(out, keys ? object.dynamic().key() : object.dynamic().value());
    }
    if (t instanceof Type.SetOf set) {
      return set.element();
    }
    if (t instanceof Type.Any any) {
      if (any.members().isEmpty()) {
        return Type.ANY;
      }
      Type out = null;
      for (Type m : any.members()) {
        out = or(iterated(m, keys), out);
      }
      return out;
    }
    return null;
  }

  /** Whether a type is unknown or has an unknown part (OPA's {@code types.Nil}). */
  public static boolean hasUnknown(Type t) {
    t = Type.unwrap(t);
    if (t == null) {
      return true;
    }
    if (t instanceof Type.Function f) {
      return f.args().stream().anyMatch(Types::hasUnknown) || hasUnknown(f.result());
    }
    if (t instanceof Type.ArrayOf array) {
      return array.prefix().stream().anyMatch(Types::hasUnknown)
          || (array.dynamic() != null && hasUnknown(array.dynamic()));
    }
    if (t instanceof Type.ObjectOf object) {
      return object.properties().stream().anyMatch(p -> hasUnknown(p.value()))
          || (object.dynamic() != null && (hasUnknown(object.dynamic().key()) || hasUnknown(object.dynamic().value())));
    }
    return t instanceof Type.SetOf set && hasUnknown(set.element());
  }

  /**
   * The type of a constant as OPA derives it from the value's JSON form: objects and arrays by their
   * members, sets like arrays of their sorted elements.
   */
  public static Type typeOf(Value v) {
    if (v instanceof NullValue) {
      return Type.NULL;
    }
    if (v instanceof BooleanValue) {
      return Type.BOOLEAN;
    }
    if (v instanceof NumberValue) {
      return Type.NUMBER;
    }
    if (v instanceof StringValue) {
      return Type.STRING;
    }
    if (v instanceof ObjectValue o) {
      List<Type.ObjectOf.Property> properties = new ArrayList<>();
      for (Map.Entry<Value, Value> e : o.entries()) {
        properties.add(new Type.ObjectOf.Property(e.getKey(), typeOf(e.getValue())));
      }
      return Type.object(properties, null);
    }
    List<Value> elements = v instanceof ArrayValue a ? a.elements() : ((SetValue) v).sorted();
    List<Type> types = new ArrayList<>();
    elements.forEach(e -> types.add(typeOf(e)));
    return new Type.ArrayOf(types, null);
  }

  /** Whether values of the two types may be equal (OPA's {@code unifies}); an unknown type unifies with nothing. */
  public static boolean unifies(Type a, Type b) {
    a = Type.unwrap(a);
    b = Type.unwrap(b);
    if (a == null || b == null) {
      return false;
    }
    boolean anyA = a instanceof Type.Any;
    boolean anyB = b instanceof Type.Any;
    if (anyA && unifiesAny((Type.Any) a, b)) {
      return true;
    }
    if (anyB && unifiesAny((Type.Any) b, a)) {
      return true;
    }
    if (anyA || anyB) {
      return false;
    }
    if (a instanceof Type.ArrayOf arrA) {
      return b instanceof Type.ArrayOf arrB && unifiesArrays(arrA, arrB);
    }
    if (a instanceof Type.ObjectOf objA) {
      return b instanceof Type.ObjectOf objB && unifiesObjects(objA, objB);
    }
    if (a instanceof Type.SetOf setA) {
      return b instanceof Type.SetOf setB && unifies(setA.element(), setB.element());
    }
    if (a instanceof Type.Function fA) {
      if (!(b instanceof Type.Function fB) || fA.args().size() != fB.args().size()) {
        return false;
      }
      for (int i = 0; i < fA.args().size(); i++) {
        if (!unifies(fA.args().get(i), fB.args().get(i))) {
          return false;
        }
      }
      return true;
    }
    return a.getClass() == b.getClass();
  }

  private static boolean unifiesAny(Type.Any any, Type other) {
    if (other instanceof Type.Function) {
      return false;
    }
    for (Type m : any.members()) {
      if (unifies(m, other)) {
        return true;
      }
    }
    return any.members().isEmpty();
  }

  private static boolean unifiesArrays(Type.ArrayOf a, Type.ArrayOf b) {
    return unifiesPrefix(a, b) && unifiesPrefix(b, a)
        && (a.dynamic() == null || b.dynamic() == null || unifies(a.dynamic(), b.dynamic()));
  }

  private static boolean unifiesPrefix(Type.ArrayOf a, Type.ArrayOf b) {
    for (int i = 0; i < a.prefix().size(); i++) {
      if (!unifies(a.prefix().get(i), b.at(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean unifiesObjects(Type.ObjectOf a, Type.ObjectOf b) {
    return unifiesProperties(a, b) && unifiesProperties(b, a)
        && (a.dynamic() == null || b.dynamic() == null || unifies(a.dynamic().value(), b.dynamic().value()));
  }

  private static boolean unifiesProperties(Type.ObjectOf a, Type.ObjectOf b) {
    for (Type.ObjectOf.Property p : a.properties()) {
      if (!unifies(p.value(), select(b, p.key()))) {
        return false;
      }
    }
    return true;
  }
}
