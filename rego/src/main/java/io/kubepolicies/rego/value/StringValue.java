package io.kubepolicies.rego.value;

import java.util.Objects;

/** A Unicode string. */
public record StringValue(String value) implements Value {
  public static final StringValue EMPTY = new StringValue("");

  public StringValue {
    Objects.requireNonNull(value, "value");
  }

  public static StringValue of(String value) {
    return value.isEmpty() ? EMPTY : new StringValue(value);
  }

  @Override
  public Kind kind() {
    return Kind.STRING;
  }

  // Written out because records' generated equals goes through a method handle, and object key
  // lookups on the evaluator's hot path compare strings all the time.
  @Override
  public boolean equals(Object o) {
    return this == o || (o instanceof StringValue other && value.equals(other.value));
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return Json.write(this);
  }
}
