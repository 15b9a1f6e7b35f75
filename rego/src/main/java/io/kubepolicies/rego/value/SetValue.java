package io.kubepolicies.rego.value;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** An immutable set of values; iteration follows insertion order, {@link #sorted()} OPA's order. */
public final class SetValue implements Value {
  public static final SetValue EMPTY = new SetValue(new LinkedHashSet<>());

  private final Set<Value> items;
  private int hash;
  private List<Value> sorted;

  private SetValue(Set<Value> items) {
    this.items = items;
  }

  public static SetValue of(Value... items) {
    return of(List.of(items));
  }

  public static SetValue of(Collection<? extends Value> items) {
    return items.isEmpty() ? EMPTY : new SetValue(new LinkedHashSet<>(items));
  }

  public static Builder builder() {
    return new Builder();
  }

  public int size() {
    return items.size();
  }

  public boolean isEmpty() {
    return items.isEmpty();
  }

  public boolean contains(Value value) {
    return items.contains(value);
  }

  public Set<Value> elements() {
    return Collections.unmodifiableSet(items);
  }

  /** Elements in OPA's sort order (computed once). */
  public List<Value> sorted() {
    List<Value> s = sorted;
    if (s == null) {
      s = new ArrayList<>(items);
      Collections.sort(s);
      s = Collections.unmodifiableList(s);
      sorted = s;
    }
    return s;
  }

  @Override
  public Kind kind() {
    return Kind.SET;
  }

  @Override
  public boolean equals(Object o) {
    return this == o || (o instanceof SetValue other && hashCode() == other.hashCode() && items.equals(other.items));
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = items.hashCode() * 31 + 13;
      hash = h;
    }
    return h;
  }

  @Override
  public String toString() {
    return Json.write(this);
  }

  /** Collects elements; duplicates collapse. After {@link #build()} it is empty again. */
  public static final class Builder {
    private Set<Value> items; // null until the first add, so an empty set costs no set

    public Builder add(Value value) {
      items().add(value);
      return this;
    }

    public Builder addAll(Collection<? extends Value> values) {
      items().addAll(values);
      return this;
    }

    private Set<Value> items() {
      if (items == null) {
        items = new LinkedHashSet<>();
      }
      return items;
    }

    public boolean contains(Value value) {
      return items != null && items.contains(value);
    }

    public int size() {
      return items == null ? 0 : items.size();
    }

    /** The set; the builder hands its elements over rather than copying them. */
    public SetValue build() {
      if (items == null || items.isEmpty()) {
        return EMPTY;
      }
      SetValue built = new SetValue(items);
      items = null;
      return built;
    }
  }
}
