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

  @Override
  public String toString() {
    return Json.write(this);
  }
}
