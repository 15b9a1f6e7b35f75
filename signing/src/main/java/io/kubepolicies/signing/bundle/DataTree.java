package io.kubepolicies.signing.bundle;

import io.kubepolicies.signing.BundleException;
import io.kubepolicies.signing.canonical.CanonicalValue;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Merges the bundle's data files into one document, as OPA does: objects merge member by member;
 * anything else that meets existing data is a conflict.
 */
final class DataTree {
  /** A member: an object still open to merging, or any other value. */
  private sealed interface Node permits Branch, Leaf {}

  private record Branch(DataTree tree) implements Node {}

  private record Leaf(CanonicalValue value) implements Node {}

  private final TreeMap<String, Node> members = new TreeMap<>(CanonicalValue.KEY_ORDER);

  /** Places {@code value} at {@code path}; a value for the root itself must be an object. */
  void insert(List<String> path, CanonicalValue value) throws BundleException {
    if (path.isEmpty()) {
      if (!(value instanceof CanonicalValue.Members object)) {
        throw new BundleException("data at the bundle root must be an object");
      }
      mergeMembers(object, "");
      return;
    }
    DataTree node = this;
    String at = "";
    for (String segment : path.subList(0, path.size() - 1)) {
      at += "/" + segment;
      node = node.child(segment, at);
    }
    node.put(path.get(path.size() - 1), value, at);
  }

  CanonicalValue toValue() {
    TreeMap<String, CanonicalValue> out = new TreeMap<>(CanonicalValue.KEY_ORDER);
    for (Map.Entry<String, Node> member : members.entrySet()) {
      Node node = member.getValue();
      out.put(member.getKey(), node instanceof Branch branch ? branch.tree().toValue() : ((Leaf) node).value());
    }
    return new CanonicalValue.Members(out);
  }

  private DataTree child(String key, String at) throws BundleException {
    Node existing = members.get(key);
    if (existing == null) {
      DataTree created = new DataTree();
      members.put(key, new Branch(created));
      return created;
    }
    if (existing instanceof Branch branch) {
      return branch.tree();
    }
    throw conflict(at);
  }

  private void put(String key, CanonicalValue value, String parent) throws BundleException {
    String at = parent + "/" + key;
    if (value instanceof CanonicalValue.Members object) {
      child(key, at).mergeMembers(object, at);
    } else if (members.putIfAbsent(key, new Leaf(value)) != null) {
      throw conflict(at);
    }
  }

  private void mergeMembers(CanonicalValue.Members object, String at) throws BundleException {
    for (Map.Entry<String, CanonicalValue> member : object.members().entrySet()) {
      put(member.getKey(), member.getValue(), at);
    }
  }

  private static BundleException conflict(String at) {
    return new BundleException("conflicts with other data at " + at);
  }
}
