package io.kubepolicies.rego.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void parsesEveryJsonType() {
    Value v = Json.parse("{\"a\": [1, 2.5, \"x\", true, false, null], \"b\": {}}");
    ObjectValue o = (ObjectValue) v;
    ArrayValue a = (ArrayValue) o.get("a");
    assertEquals(6, a.size());
    assertEquals(NumberValue.ONE, a.get(0));
    assertEquals(NumberValue.of(new BigDecimal("2.5")), a.get(1));
    assertEquals(StringValue.of("x"), a.get(2));
    assertEquals(NullValue.NULL, a.get(5));
    assertEquals(ObjectValue.EMPTY, o.get("b"));
  }

  @Test
  void keepsNumbersExactBothWays() {
    String text = "[123456789012345678901234567890,0.1000000000000000055511151231257827]";
    assertEquals("[123456789012345678901234567890,0.1000000000000000055511151231257827]", Json.write(Json.parse(text)));
  }

  @Test
  void writesSortedKeysAndSortedSets() {
    ObjectValue o = ObjectValue.builder().put("b", NumberValue.ONE).put("a",
        SetValue.of(NumberValue.of(3), NumberValue.of(1))).build();
    assertEquals("{\"a\":[1,3],\"b\":1}", Json.write(o));
  }

  @Test
  void writesNonStringKeysAsTheirJsonText() {
    ObjectValue o = ObjectValue.builder().put(NumberValue.ONE, StringValue.of("x"))
        .put(ArrayValue.of(NumberValue.ONE, NumberValue.of(2)), NullValue.NULL).build();
    assertEquals("{\"1\":\"x\",\"[1,2]\":null}", Json.write(o));
  }

  @Test
  void rejectsMalformedJsonWithAPosition() {
    Json.JsonException e = assertThrows(Json.JsonException.class, () -> Json.parse("{\"a\": [1, 2}"));
    assertTrue(e.getMessage().contains("line: 1"), e.getMessage());
    assertThrows(Json.JsonException.class, () -> Json.parse(""));
    assertThrows(Json.JsonException.class, () -> Json.parse("1 2"));
  }

  @Test
  void rejectsAbsurdNesting() {
    assertThrows(Json.JsonException.class, () -> Json.parse("[".repeat(5000) + "]".repeat(5000)));
  }

  @Test
  void roundTripsUnicodeAndEscapes() {
    String text = "\"tab\\t quote\\\" snowman \u2603 emoji \uD83D\uDE00\"";
    assertEquals(StringValue.of("tab\t quote\" snowman \u2603 emoji \uD83D\uDE00"), Json.parse(text));
    assertEquals(Json.parse(text), Json.parse(Json.write(Json.parse(text))));
  }
}
