package io.kubepolicies.rego.value;

/** The JSON {@code null}. */
public record NullValue() implements Value {
  public static final NullValue NULL = new NullValue();

  @Override
  public Kind kind() {
    return Kind.NULL;
  }

  @Override
  public String toString() {
    return "null";
  }
}
