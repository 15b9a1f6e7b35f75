package io.kubepolicies.rego.builtins.gostd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.StringValue;
import org.junit.jupiter.api.Test;

class GoJsonWriterTest {
  @Test
  void sortsKeysAndWritesCompactly() {
    assertEquals("{\"a\":[1,2],\"b\":{\"c\":null}}", GoJsonWriter.compact(Json.parse("{\"b\":{\"c\":null},\"a\":[1,2]}")));
  }

  @Test
  void setsBecomeSortedArraysAndKeysText() {
    ObjectValue o = ObjectValue.builder()
        .put(NumberValue.of(1), SetValue.of(StringValue.of("b"), StringValue.of("a")))
        .put(ArrayValue.of(NumberValue.of(2)), StringValue.of("x"))
        .build();
    assertEquals("{\"1\":[\"a\",\"b\"],\"[2]\":\"x\"}", GoJsonWriter.compact(o));
  }

  @Test
  void escapesLikeGo() {
    assertEquals("\"\\u003ca\\u003e \\u0026 \\u2028 \\n\\t\\u0001 \\\"q\\\" é 😀\"",
        GoJsonWriter.compact(StringValue.of("<a> & \u2028 \n\t\u0001 \"q\" é 😀")));
    assertEquals("\"\\ufffd\"", GoJsonWriter.compact(StringValue.of("\ud800")));
  }

  @Test
  void indentsLikeMarshalIndent() {
    assertEquals("{\n>  \"a\": [\n>    1,\n>    2\n>  ],\n>  \"b\": {}\n>}",
        GoJsonWriter.indented(Json.parse("{\"b\":{},\"a\":[1,2]}"), ">", "  "));
    assertEquals("[]", GoJsonWriter.indented(Json.parse("[]"), ">", "  "));
  }

  @Test
  void aStringKeyWinsOverANonStringKeyWithTheSameText() {
    ObjectValue o = ObjectValue.builder().put(NumberValue.of(1), StringValue.of("number")).put("1", StringValue.of("string")).build();
    assertEquals("{\"1\":\"string\"}", GoJsonWriter.compact(o));
  }

  @Test
  void nonStringKeysAreEscapedLikeGo() {
    ObjectValue o = ObjectValue.builder().put(ArrayValue.of(StringValue.of("<")), NumberValue.of(1)).build();
    // the key is the text ["\u003c"], which is then escaped again as a string
    assertEquals("{\"[\\\"\\\\u003c\\\"]\":1}", GoJsonWriter.compact(o));
  }

  @Test
  void ordersKeysByCodePoint() {
    ObjectValue o = ObjectValue.builder().put("\uffff", NumberValue.of(1)).put("😀", NumberValue.of(2)).build();
    assertEquals("{\"\uffff\":1,\"😀\":2}", GoJsonWriter.compact(o));
  }
}
