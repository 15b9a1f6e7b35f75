package io.kubepolicies.rego.builtins;

import static io.kubepolicies.rego.builtins.TestTerms.json;
import static io.kubepolicies.rego.builtins.TestTerms.num;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.GoQuote;
import io.kubepolicies.rego.value.NullValue;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.StringValue;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CastsTest {
  private final FamilyCalls calls = new FamilyCalls(new Casts());

  @Test
  void convertsScalars() {
    assertEquals(num(0), calls.call("to_number", NullValue.NULL));
    assertEquals(num(0), calls.call("to_number", BooleanValue.FALSE));
    assertEquals(num(1), calls.call("to_number", BooleanValue.TRUE));
    assertEquals(num("100.1"), calls.call("to_number", num("100.1")));
  }

  @ParameterizedTest(name = "to_number(\"{0}\") = {1}")
  @CsvSource({
      "-42.0, -42",
      "3, 3",
      "+5, 5",
      ".5, 0.5",
      "5., 5",
      "1e3, 1000",
      "1E-3, 0.001",
      "1_000, 1000",
      "0x1p-2, 0.25",
      "0X1.8P1, 3",
      "0x_f_fp0, 255",
      "12345678901234567890123, 12345678901234567890123",
      "0.1000000000000000000000000001, 0.1000000000000000000000000001",
      "1e-400, 1e-400",
      "-0, 0",
  })
  void keepsTheExactValueOfNumberText(String text, String expected) {
    assertEquals(num(expected), calls.call("to_number", StringValue.of(text)));
  }

  @ParameterizedTest(name = "to_number(\"{0}\") fails")
  @ValueSource(strings = {"broken", "", " 1", "1 ", "1e", "1e+", "--1", "1.2.3", "0x10", "0x", "1__0", "_1", "1_",
      "1_.5", "0x_ff_p0", "٣", "1,5", "0b101"})
  void rejectsTextGoCannotParse(String text) {
    calls.assertFails("eval_builtin_error", "strconv.ParseFloat: parsing " + GoQuote.quote(text) + ": invalid syntax", "to_number",
        StringValue.of(text));
  }

  @Test
  void rejectsValuesBeyondFloat64() {
    calls.assertFails("eval_builtin_error", "strconv.ParseFloat: parsing \"1e400\": value out of range", "to_number",
        StringValue.of("1e400"));
    calls.assertFails("eval_builtin_error", "strconv.ParseFloat: parsing \"-0x1p1024\": value out of range",
        "to_number", StringValue.of("-0x1p1024"));
  }

  @Test
  void acceptsTheLargestFloat64() {
    assertEquals(num("1.7976931348623157e308"), calls.call("to_number", StringValue.of("1.7976931348623157e308")));
  }

  @ParameterizedTest(name = "to_number(\"{0}\") is a type error")
  @ValueSource(strings = {"nan", "inf", "-inf", "Infinity", "-Infinity", "-nan", "-NaN", "iNf", "+-inf"})
  void rejectsInfinitiesAndNan(String text) {
    calls.assertFails("eval_type_error", "operand 1 must be valid number string but got string", "to_number",
        StringValue.of(text));
  }

  @Test
  void rejectsCollections() {
    String message = "operand 1 must be one of {null, boolean, number, string} but got ";
    calls.assertFails("eval_type_error", message + "array", "to_number", json("[]"));
    calls.assertFails("eval_type_error", message + "set", "to_number", SetValue.EMPTY);
    calls.assertFails("eval_type_error", message + "object", "to_number", json("{}"));
  }

  @Test
  void refusesNumberTextTooLongToConvertQuickly() {
    String longest = "." + "1".repeat(10_000);
    assertEquals(num(longest), calls.call("to_number", StringValue.of(longest)));
    calls.assertFails("eval_builtin_error", "number text has more than 10000 digits", "to_number",
        StringValue.of("." + "1".repeat(10_001)));
  }

  @Test
  void registersOpaNamesAndArities() {
    calls.assertRegisters(Map.of("to_number", 1));
  }
}
