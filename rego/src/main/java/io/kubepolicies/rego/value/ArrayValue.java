package io.kubepolicies.rego.value;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.RandomAccess;

/** An ordered, immutable list of values. */
public final class ArrayValue implements Value {
  public static final ArrayValue EMPTY = new ArrayValue(new Value[0]);

  private final Value[] items;
  private int hash; // cached; 0 means not yet computed

  private ArrayValue(Value[] items) {
    this.items = items;
  }

  public static ArrayValue of(Value... items) {
    return items.length == 0 ? EMPTY : new ArrayValue(items.clone());
  }

  public static ArrayValue of(Collection<? extends Value> items) {
    return items.isEmpty() ? EMPTY : new ArrayValue(items.toArray(new Value[0]));
  }

  /** Takes ownership of {@code items}: the caller must not change the array afterwards. */
  static ArrayValue wrap(Value[] items) {
    return items.length == 0 ? EMPTY : new ArrayValue(items);
  }

  public int size() {
    return items.length;
  }

  public boolean isEmpty() {
    return items.length == 0;
  }

  public Value get(int index) {
    return items[index];
  }

  /** A read-only view of the elements. */
  public List<Value> elements() {
    return new View();
  }

  @Override
  public Kind kind() {
    return Kind.ARRAY;
  }

  @Override
  public boolean equals(Object o) {
    return this == o || (o instanceof ArrayValue other && hashCode() == other.hashCode() && Arrays.equals(items, other.items));
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = Arrays.hashCode(items) * 31 + 7;
      hash = h;
    }
    return h;
  }

  @Override
  public String toString() {
    return Json.write(this);
  }

  private final class View extends AbstractList<Value> implements RandomAccess {
    @Override
    public Value get(int index) {
      return items[index];
    }

    @Override
    public int size() {
      return items.length;
    }
  }
}
