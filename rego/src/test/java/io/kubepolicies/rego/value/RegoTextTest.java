package io.kubepolicies.rego.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RegoTextTest {
  @Test
  void writesCollectionsInRegoSyntax() {
    assertEquals("set()", RegoText.write(SetValue.EMPTY));
    assertEquals("{1, 2}", RegoText.write(SetValue.of(NumberValue.of(2), NumberValue.ONE)));
    assertEquals("{\"a\": [1, \"x\"]}", RegoText.write(Json.parse("{\"a\": [1, \"x\"]}")));
    assertEquals("[]", RegoText.write(ArrayValue.EMPTY));
    assertEquals("{}", RegoText.write(ObjectValue.EMPTY));
  }

  @Test
  void quotesStringsLikeGo() {
    assertEquals("\"a\\n\\\"b\\\\\"", RegoText.write(StringValue.of("a\n\"b\\")));
    assertEquals("\"\\x01\"", RegoText.write(StringValue.of("\u0001")));
    assertEquals("\"\u2603\"", RegoText.write(StringValue.of("\u2603")));
  }
}
