package io.kubepolicies.rego.builtins.gostd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.StringValue;
import org.junit.jupiter.api.Test;

class GoJsonTest {
  @Test
  void sortsKeysAndWritesCompactly() {
    assertEquals("{\"a\":[1,2],\"b\":{\"c\":null}}", GoJson.marshal(Json.parse("{\"b\":{\"c\":null},\"a\":[1,2]}")));
  }

  @Test
  void setsBecomeSortedArraysAndKeysText() {
    ObjectValue o = ObjectValue.builder()
        .put(NumberValue.of(1), SetValue.of(StringValue.of("b"), StringValue.of("a")))
        .put(ArrayValue.of(NumberValue.of(2)), StringValue.of("x"))
        .build();
    assertEquals("{\"1\":[\"a\",\"b\"],\"[2]\":\"x\"}", GoJson.marshal(o));
  }

  @Test
  void escapesLikeGo() {
    assertEquals("\"\\u003ca\\u003e \\u0026 \\u2028 \\n\\t\\u0001 \\\"q\\\" é 😀\"",
        GoJson.marshal(StringValue.of("<a> & \u2028 \n\t\u0001 \"q\" é 😀")));
    assertEquals("\"\\ufffd\"", GoJson.marshal(StringValue.of("\ud800")));
  }

  @Test
  void ordersKeysByCodePoint() {
    ObjectValue o = ObjectValue.builder().put("\uffff", NumberValue.of(1)).put("😀", NumberValue.of(2)).build();
    assertEquals("{\"\uffff\":1,\"😀\":2}", GoJson.marshal(o));
  }
}
