package io.kubepolicies.rego.builtins;

import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.Arrays;

/** Short ways to write Rego values in tests: JSON text, collections of strings, sets and objects with any keys. */
public final class TestTerms {
  private TestTerms() {}

  public static Value json(String text) {
    return Json.parse(text);
  }

  public static StringValue str(String s) {
    return StringValue.of(s);
  }

  public static NumberValue num(long n) {
    return NumberValue.of(n);
  }

  /** A number from its literal text, e.g. {@code "1e400"} or {@code "0.1"}. */
  public static NumberValue num(String text) {
    return NumberValue.parse(text);
  }

  public static SetValue set(Value... elements) {
    return SetValue.of(elements);
  }

  public static ArrayValue arr(Value... elements) {
    return ArrayValue.of(elements);
  }

  /** An array of strings. */
  public static ArrayValue strings(String... items) {
    return ArrayValue.of(Arrays.stream(items).map(StringValue::of).toList());
  }

  /** A set of strings. */
  public static SetValue stringSet(String... items) {
    return SetValue.of(Arrays.stream(items).map(StringValue::of).toList());
  }

  /** An object from alternating keys and values. */
  public static ObjectValue obj(Value... keysAndValues) {
    ObjectValue.Builder b = ObjectValue.builder();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      b.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return b.build();
  }
}
