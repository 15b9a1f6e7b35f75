package io.kubepolicies.rego.builtins;

import static io.kubepolicies.rego.builtins.TestTerms.num;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import org.junit.jupiter.api.Test;

class SprintfTest {
  private final FamilyCalls calls = new FamilyCalls(new Sprintf());

  private String sprintf(String format, Value... args) {
    Value out = calls.call("sprintf", StringValue.of(format), ArrayValue.of(args));
    return ((StringValue) out).value();
  }

  @Test
  void formatsPlainValues() {
    assertEquals("hi", sprintf("hi"));
    assertEquals("hi there", sprintf("hi %s", StringValue.of("there")));
    assertEquals("hi 05", sprintf("hi %02d", num("5")));
    assertEquals("hi 7F.01", sprintf("hi %02X.%02X", num("127"), num("1")));
    assertEquals("hi 3.14", sprintf("hi %.2f", num("3.1415")));
    assertEquals("x", sprintf("x"));
  }

  @Test
  void passesIntegersAsIntsOrBigInts() {
    assertEquals("42", sprintf("%d", num("42")));
    assertEquals("%!f(int=01)", sprintf("%.2f", num("1")));
    assertEquals("123456789123456789123", sprintf("%s", num("123456789123456789123")));
    assertEquals("1208925819614629174706175", sprintf("%s", num("1208925819614629174706175")));
    assertEquals("18446744073709551618", sprintf("%v", num("18446744073709551618")));
    assertEquals("0x10000000000000001", sprintf("%#x", num("18446744073709551617")));
  }

  @Test
  void passesOtherNumbersAsFloat64() {
    assertEquals("3.5", sprintf("%v", num("3.5")));
    assertEquals("%!d(float64=1.5)", sprintf("%d", num("1.5")));
    assertEquals("1e+50", sprintf("%v", num("1e50")));
    assertEquals("0", sprintf("%v", num("1e-400")));
  }

  @Test
  void passesNumbersBeyondFloat64AsText() {
    assertEquals("hi 2e308", sprintf("hi %v", num("2e308")));
  }

  @Test
  void passesCompositesBooleansAndNullAsRegoText() {
    assertEquals("hi true", sprintf("hi %s", Json.parse("true")));
    assertEquals("%!d(string=true)", sprintf("%d", Json.parse("true")));
    assertEquals("null", sprintf("%v", Json.parse("null")));
    assertEquals("hi [\"there\", 5, 3.14]", sprintf("hi %v", Json.parse("[\"there\", 5, 3.14]")));
    Value object = ObjectValue.builder().put("b", num("1")).put("a", SetValue.of(num("2"), num("1"))).build();
    assertEquals("{\"a\": {1, 2}, \"b\": 1}", sprintf("%v", object));
    assertEquals("set()", sprintf("%v", SetValue.EMPTY));
    assertEquals("[\"\u00e9\\x01\"]", sprintf("%v", Json.parse("[\"\u00e9\\u0001\"]")));
  }

  @Test
  void reportsFormatMistakesInTheOutput() {
    assertEquals("1 %!d(MISSING)", sprintf("%d %d", num("1")));
    assertEquals("1%!(EXTRA int=2, string=a)", sprintf("%d", num("1"), num("2"), StringValue.of("a")));
    assertEquals("%!(NOVERB)", sprintf("%"));
    assertEquals("%!d(string=abc)", sprintf("%d", StringValue.of("abc")));
  }

  @Test
  void rejectsWrongOperandTypes() {
    calls.assertFails(RegoError.EVAL_TYPE, "operand 1 must be string but got number", "sprintf", num("1"), ArrayValue.EMPTY);
    assertEquals("operand 2 must be array but got set",
        calls.failure("sprintf", StringValue.of("%v"), SetValue.of(num("1"))).getMessage());
  }
}
