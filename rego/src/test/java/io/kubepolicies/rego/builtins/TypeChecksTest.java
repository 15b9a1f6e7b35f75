package io.kubepolicies.rego.builtins;

import static io.kubepolicies.rego.builtins.TestTerms.json;
import static io.kubepolicies.rego.builtins.TestTerms.num;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.NullValue;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TypeChecksTest {
  private final FamilyCalls calls = new FamilyCalls(new TypeChecks());

  private static final Map<String, Value> SAMPLES = Map.of(
      "null", NullValue.NULL,
      "boolean", BooleanValue.FALSE,
      "number", num("1.5"),
      "string", StringValue.EMPTY,
      "array", json("[1]"),
      "object", json("{\"a\": 1}"),
      "set", SetValue.of(num(1)));

  @Test
  void answersEachTypeCheckForEveryType() {
    for (String check : List.of("null", "boolean", "number", "string", "array", "object", "set")) {
      SAMPLES.forEach((type, value) -> assertEquals(BooleanValue.of(check.equals(type)),
          calls.call("is_" + check, value), "is_" + check + "(" + type + ")"));
    }
  }

  @Test
  void namesTypes() {
    SAMPLES.forEach((type, value) -> assertEquals(StringValue.of(type), calls.call("type_name", value)));
  }

  @Test
  void treatsEmptyCollectionsByTheirType() {
    assertEquals(BooleanValue.TRUE, calls.call("is_set", SetValue.EMPTY));
    assertEquals(BooleanValue.FALSE, calls.call("is_object", SetValue.EMPTY));
    assertEquals(StringValue.of("object"), calls.call("type_name", json("{}")));
  }

  @Test
  void registersOpaNamesAndArities() {
    calls.assertRegisters(Map.of("is_number", 1, "is_string", 1, "is_boolean", 1, "is_array", 1, "is_set", 1,
        "is_object", 1, "is_null", 1, "type_name", 1));
  }
}
