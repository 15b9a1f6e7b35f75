package io.kubepolicies.rego.compile;

import io.kubepolicies.rego.Literals;
import io.kubepolicies.rego.ast.Term;
import io.kubepolicies.rego.types.Type;
import io.kubepolicies.rego.types.Types;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.Ordering;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The types of the documents rules define under {@code data} (OPA's type tree of rules). Base
 * documents are not in it: OPA types them as {@code any}, so a reference that leaves the tree is
 * {@code any}. A rule is type-checked the first time something needs its type, so rules are checked
 * after the rules they refer to, as OPA checks them in dependency order; a rule met again while it is
 * being checked (recursion, which a later stage rejects) is not known yet and reads as {@code any}.
 * Once every rule is checked it no longer changes, and is safe to read from several threads.
 */
public final class DataTypes {
  /** A place under {@code data}: the type of the rules there, and places below it. */
  static final class Node {
    private Type value;
    private final Map<Value, Node> children = new LinkedHashMap<>();
    private final List<Runnable> pending = new ArrayList<>();
  }

  private final Node root = new Node();

  Node root() {
    return root;
  }

  /** Registers a check that types a rule at {@code path}; it runs when the type there is first needed. */
  void defer(List<Value> path, Runnable check) {
    Node node = root;
    for (Value key : path) {
      node = node.children.computeIfAbsent(key, k -> new Node());
    }
    node.pending.add(check);
  }

  /** Checks every rule not checked yet. */
  void checkAll() {
    settle(root);
  }

  /** The type of {@code data} followed by {@code path} (OPA's {@code GetByRef}). */
  Type typeOf(List<Term> path) {
    return typeAt(root, path);
  }

  private Type typeAt(Node node, List<Term> path) {
    runPending(node);
    if (path.isEmpty()) {
      return extent(node);
    }
    Value key = Literals.valueOf(path.get(0));
    if (node.value != null) {
      settle(node);
      Node child = key == null ? null : node.children.get(key);
      return child != null && present(child) ? typeAt(child, path.subList(1, path.size()))
          : TypeEnv.select(node.value, path);
    }
    if (key == null) {
      return TypeEnv.select(extent(node), path);
    }
    Node child = node.children.get(key);
    return child != null && declared(child) ? typeAt(child, path.subList(1, path.size())) : Type.ANY;
  }

  /** The child at a constant key, when rules are declared there; its rules are checked as they are needed. */
  Node child(Node node, Value key) {
    runPending(node);
    Node child = node.children.get(key);
    return child != null && declared(child) ? child : null;
  }

  /** The type of the rules at the node itself, or null when the node only holds rules further down. */
  Type value(Node node) {
    runPending(node);
    if (node.value != null) {
      settle(node);
    }
    return node.value;
  }

  /** The keys of the places below a node, in OPA's order. */
  List<Value> keys(Node node) {
    settle(node);
    List<Value> keys = new ArrayList<>();
    node.children.forEach((k, child) -> {
      if (present(child)) {
        keys.add(k);
      }
    });
    keys.sort(Ordering::compare);
    return keys;
  }

  /**
   * The type of the whole document at a node: its rules' type or, for a package, an object of what
   * is below it that may hold further keys (base documents) of any type; {@code any} when no rule
   * below has a known type.
   */
  Type extent(Node node) {
    settle(node);
    if (node.value != null) {
      return node.value;
    }
    if (!present(node)) {
      return Type.ANY;
    }
    List<Type.ObjectOf.Property> properties = new ArrayList<>();
    node.children.forEach((k, child) -> {
      if (present(child) && (k instanceof StringValue || k instanceof NumberValue || k instanceof BooleanValue)) {
        properties.add(new Type.ObjectOf.Property(k, extent(child)));
      }
    });
    return Type.object(properties, new Type.ObjectOf.Dynamic(Type.STRING, Type.ANY));
  }

  /** Records the type of a rule, merging it with the types of rules at or around its place (OPA's {@code Insert}). */
  void insert(List<Value> path, Type type) {
    Node node = root;
    for (int i = 0; i < path.size(); i++) {
      node = node.children.computeIfAbsent(path.get(i), k -> new Node());
      if (node.value instanceof Type.ObjectOf o && i + 1 < path.size()) {
        node.value = insertIntoObject(o, path.subList(i + 1, path.size()), type);
      }
    }
    node.value = merge(node.value, type);
    if (type instanceof Type.ObjectOf) {
      mergeLeaves(node, node, new ArrayList<>());
    }
  }

  /** Marks the rules at a place as unknown after an error in one of them, so nothing else fails because of it. */
  void markUnknown(List<Value> path) {
    Node node = root;
    for (Value key : path) {
      node = node.children.computeIfAbsent(key, k -> new Node());
    }
    node.value = Type.ANY;
  }

  private void mergeLeaves(Node target, Node node, List<Value> path) {
    node.children.forEach((k, child) -> {
      path.add(k);
      if (child.value != null && target.value instanceof Type.ObjectOf o) {
        target.value = insertIntoObject(o, List.copyOf(path), child.value);
      } else if (child.value == null) {
        mergeLeaves(target, child, path);
      }
      path.remove(path.size() - 1);
    });
  }

  private static Type.ObjectOf insertIntoObject(Type.ObjectOf o, List<Value> path, Type type) {
    Type key = Types.typeOf(path.get(0));
    Type value = path.size() == 1 ? type
        : insertIntoObject(new Type.ObjectOf(List.of(), null), path.subList(1, path.size()), type);
    Type.ObjectOf.Dynamic dynamic = o.dynamic() == null ? new Type.ObjectOf.Dynamic(key, value)
        : new Type.ObjectOf.Dynamic(Types.or(o.dynamic().key(), key), Types.or(o.dynamic().value(), value));
    return new Type.ObjectOf(o.properties(), dynamic);
  }

  /**
   * Joins the types of two rules at one place (OPA's {@code mergeTypes}): sets and dynamic objects
   * merge their members, anything else becomes a union.
   */
  private static Type merge(Type a, Type b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    if (a instanceof Type.ObjectOf objA && objA.properties().isEmpty() && objA.dynamic() != null) {
      if (b instanceof Type.ObjectOf objB && objB.properties().isEmpty() && objB.dynamic() != null) {
        return Type.object(List.of(), new Type.ObjectOf.Dynamic(Types.or(objA.dynamic().key(), objB.dynamic().key()),
            merge(objA.dynamic().value(), objB.dynamic().value())));
      }
      if (b instanceof Type.Any any) {
        return mergeIntoUnion(objA, any);
      }
    }
    if (a instanceof Type.SetOf setA && b instanceof Type.SetOf setB) {
      return Type.setOf(Types.or(setA.element(), setB.element()));
    }
    if (a instanceof Type.Any && !(b instanceof Type.Any)) {
      return merge(b, a);
    }
    return Types.or(a, b);
  }

  /** A dynamic object joins the first dynamic object of a union rather than becoming another member. */
  private static Type mergeIntoUnion(Type.ObjectOf object, Type.Any union) {
    List<Type> members = new ArrayList<>(union.members());
    for (int i = 0; i < members.size(); i++) {
      if (members.get(i) instanceof Type.ObjectOf o && o.properties().isEmpty() && o.dynamic() != null) {
        Type key = Types.or(o.dynamic().key(), object.dynamic().key());
        Type value = Types.or(o.dynamic().value(), object.dynamic().value());
        members.set(i, Type.object(List.of(), new Type.ObjectOf.Dynamic(key, value)));
        return new Type.Any(members);
      }
    }
    return Types.or(object, union);
  }

  private void runPending(Node node) {
    while (!node.pending.isEmpty()) {
      node.pending.remove(0).run();
    }
  }

  private void settle(Node node) {
    runPending(node);
    for (Node child : List.copyOf(node.children.values())) {
      settle(child);
    }
  }

  /** Whether rules are declared at or below a node that may still have a type (those being checked have none yet). */
  static boolean declared(Node node) {
    if (node.value != null || !node.pending.isEmpty()) {
      return true;
    }
    for (Node child : node.children.values()) {
      if (declared(child)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a type is known at or below a settled node; a place whose rules have no type is absent, as in OPA. */
  private static boolean present(Node node) {
    if (node.value != null) {
      return true;
    }
    for (Node child : node.children.values()) {
      if (present(child)) {
        return true;
      }
    }
    return false;
  }
}
