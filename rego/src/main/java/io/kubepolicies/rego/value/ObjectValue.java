package io.kubepolicies.rego.value;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable object. Keys may be any value (Rego allows {@code {1: "a", [1]: "b"}}); JSON
 * output turns non-string keys into their JSON text. Insertion order is kept for iteration.
 */
public final class ObjectValue implements Value {
  public static final ObjectValue EMPTY = new ObjectValue(new LinkedHashMap<>());

  private final Map<Value, Value> entries;
  private int hash;
  private List<Value> sortedKeys;

  private ObjectValue(Map<Value, Value> entries) {
    this.entries = entries;
  }

  public static ObjectValue of(Map<? extends Value, ? extends Value> entries) {
    return entries.isEmpty() ? EMPTY : new ObjectValue(new LinkedHashMap<>(entries));
  }

  public static Builder builder() {
    return new Builder();
  }

  public int size() {
    return entries.size();
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** The value under {@code key}, or null when absent. */
  public Value get(Value key) {
    return entries.get(key);
  }

  /** The value under a string key, or null when absent. */
  public Value get(String key) {
    return entries.get(new StringValue(key));
  }

  public boolean containsKey(Value key) {
    return entries.containsKey(key);
  }

  public Set<Value> keys() {
    return Collections.unmodifiableSet(entries.keySet());
  }

  /** Entries in insertion order, read-only. */
  public Set<Map.Entry<Value, Value>> entries() {
    return Collections.unmodifiableMap(entries).entrySet();
  }

  public Map<Value, Value> asMap() {
    return Collections.unmodifiableMap(entries);
  }

  /** Keys in OPA's sort order (computed once). */
  public List<Value> sortedKeys() {
    List<Value> keys = sortedKeys;
    if (keys == null) {
      keys = new ArrayList<>(entries.keySet());
      Collections.sort(keys);
      keys = Collections.unmodifiableList(keys);
      sortedKeys = keys;
    }
    return keys;
  }

  /** A copy with {@code key} set to {@code value}. */
  public ObjectValue with(Value key, Value value) {
    Map<Value, Value> copy = new LinkedHashMap<>(entries);
    copy.put(key, value);
    return new ObjectValue(copy);
  }

  /** A copy without {@code key}. */
  public ObjectValue without(Value key) {
    if (!entries.containsKey(key)) {
      return this;
    }
    Map<Value, Value> copy = new LinkedHashMap<>(entries);
    copy.remove(key);
    return copy.isEmpty() ? EMPTY : new ObjectValue(copy);
  }

  @Override
  public Kind kind() {
    return Kind.OBJECT;
  }

  @Override
  public boolean equals(Object o) {
    return this == o || (o instanceof ObjectValue other && hashCode() == other.hashCode() && entries.equals(other.entries));
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = entries.hashCode() * 31 + 11;
      hash = h;
    }
    return h;
  }

  @Override
  public String toString() {
    return Json.write(this);
  }

  /**
   * Collects entries; a later put of the same key replaces the earlier value. After {@link #build()}
   * it is empty again.
   */
  public static final class Builder {
    private Map<Value, Value> entries; // null until the first put, so an empty object costs no map

    public Builder put(Value key, Value value) {
      if (entries == null) {
        entries = new LinkedHashMap<>();
      }
      entries.put(key, value);
      return this;
    }

    public Builder put(String key, Value value) {
      return put(StringValue.of(key), value);
    }

    public Value get(Value key) {
      return entries == null ? null : entries.get(key);
    }

    public int size() {
      return entries == null ? 0 : entries.size();
    }

    /** The object; the builder hands its map over rather than copying it. */
    public ObjectValue build() {
      if (entries == null) {
        return EMPTY;
      }
      ObjectValue built = new ObjectValue(entries);
      entries = null;
      return built;
    }
  }
}
