package io.kubepolicies.rego.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderingTest {
  private static Value json(String text) {
    return Json.parse(text);
  }

  @Test
  void ordersTypesAsOpaDoes() {
    List<Value> values = new ArrayList<>(List.of(
        SetValue.of(NumberValue.ONE), json("{}"), json("[]"), json("\"a\""), json("1"), json("true"), json("null")));
    Collections.sort(values);
    assertEquals(List.of(NullValue.NULL, BooleanValue.TRUE, NumberValue.ONE, StringValue.of("a"), ArrayValue.EMPTY,
        ObjectValue.EMPTY, SetValue.of(NumberValue.ONE)), values);
  }

  @Test
  void falseBeforeTrue() {
    assertTrue(BooleanValue.FALSE.compareTo(BooleanValue.TRUE) < 0);
  }

  @Test
  void comparesNumbersByValueAcrossRepresentations() {
    assertEquals(0, json("1").compareTo(json("1.0")));
    assertTrue(json("2").compareTo(json("10")) < 0);
    assertTrue(json("-0.5").compareTo(json("0")) < 0);
    assertTrue(json("18446744073709551616").compareTo(json("18446744073709551615")) > 0);
    assertTrue(json("1e400").compareTo(json("99999999999999999999999")) > 0);
  }

  @Test
  void comparesStringsByCodePointNotUtf16() {
    // U+FF61 is above U+1F600's high surrogate in UTF-16 but below it as a code point
    assertTrue(StringValue.of("\uFF61").compareTo(StringValue.of("\uD83D\uDE00")) < 0);
    assertTrue(StringValue.of("a").compareTo(StringValue.of("ab")) < 0);
    assertTrue(StringValue.of("B").compareTo(StringValue.of("a")) < 0);
  }

  @Test
  void arraysCompareElementwiseThenByLength() {
    assertTrue(json("[1, 2]").compareTo(json("[1, 3]")) < 0);
    assertTrue(json("[1, 2]").compareTo(json("[1, 2, 0]")) < 0);
    assertTrue(json("[2]").compareTo(json("[1, 9, 9]")) > 0);
  }

  @Test
  void objectsCompareBySortedKeysThenValues() {
    assertTrue(json("{\"a\": 1}").compareTo(json("{\"b\": 0}")) < 0);
    assertTrue(json("{\"a\": 1}").compareTo(json("{\"a\": 2}")) < 0);
    assertTrue(json("{\"a\": 1}").compareTo(json("{\"a\": 1, \"b\": 0}")) < 0);
    assertEquals(0, json("{\"b\": 1, \"a\": 2}").compareTo(json("{\"a\": 2, \"b\": 1}")));
  }

  @Test
  void setsCompareBySortedMembers() {
    SetValue a = SetValue.of(NumberValue.of(3), NumberValue.of(1));
    SetValue b = SetValue.of(NumberValue.of(1), NumberValue.of(4));
    assertTrue(a.compareTo(b) < 0);
    assertEquals(0, a.compareTo(SetValue.of(NumberValue.of(1), NumberValue.of(3))));
  }
}
