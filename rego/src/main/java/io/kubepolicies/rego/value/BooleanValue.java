package io.kubepolicies.rego.value;

/** {@code true} or {@code false}. */
public record BooleanValue(boolean value) implements Value {
  public static final BooleanValue TRUE = new BooleanValue(true);
  public static final BooleanValue FALSE = new BooleanValue(false);

  public static BooleanValue of(boolean value) {
    return value ? TRUE : FALSE;
  }

  @Override
  public Kind kind() {
    return Kind.BOOLEAN;
  }

  @Override
  public boolean equals(Object o) {
    return this == o || (o instanceof BooleanValue other && value == other.value);
  }

  @Override
  public int hashCode() {
    return Boolean.hashCode(value);
  }

  @Override
  public String toString() {
    return Boolean.toString(value);
  }
}
