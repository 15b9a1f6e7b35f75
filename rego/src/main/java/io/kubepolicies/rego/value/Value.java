package io.kubepolicies.rego.value;

/**
 * A Rego value: the data that policies read and produce.
 *
 * <p>Values are immutable and compare with OPA's total order (see {@link Ordering}), so that sets and
 * object keys of any type behave exactly as in OPA. "Undefined" is not a value: APIs use {@code null}.
 */
public sealed interface Value extends Comparable<Value>
    permits NullValue, BooleanValue, NumberValue, StringValue, ArrayValue, ObjectValue, SetValue {

  Kind kind();

  /** The type name OPA uses in messages and in {@code type_name}: null, boolean, number, string, array, object, set. */
  default String typeName() {
    return kind().typeName();
  }

  @Override
  default int compareTo(Value other) {
    return Ordering.compare(this, other);
  }
}
