package io.kubepolicies.rego.builtins;

import static io.kubepolicies.rego.builtins.TestTerms.num;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubepolicies.rego.value.StringValue;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BitsTest {
  private static final String TYPE = "eval_type_error";

  private final FamilyCalls calls = new FamilyCalls(new Bits());

  @ParameterizedTest(name = "{0}({1}, {2}) = {3}")
  @CsvSource({
      "bits.and, 7, 9, 1",
      "bits.and, 50, 0, 0",
      "bits.and, -1, 255, 255",
      "bits.and, 18446744073709551615, 255, 255",
      "bits.or, 7, 9, 15",
      "bits.or, 50, 0, 50",
      "bits.or, -8, 3, -5",
      "bits.xor, 42, 3, 41",
      "bits.xor, 42, 42, 0",
      "bits.xor, 10, -20, -26",
      "bits.lsh, 1, 3, 8",
      "bits.lsh, 2147483647, 1, 4294967294",
      "bits.lsh, 9223372036854775807, 1, 18446744073709551614",
      "bits.lsh, -3, 2, -12",
      "bits.lsh, 0, 100000000000, 0",
      "bits.rsh, 8, 3, 1",
      "bits.rsh, -9, 3, -2",
      "bits.rsh, -1, 100, -1",
      "bits.rsh, 5, 100, 0",
      "bits.rsh, 18446744073709551616, 64, 1",
      // Go reads the shift count from its low 64 bits: 2^64 shifts by nothing.
      "bits.rsh, 8, 18446744073709551616, 8",
  })
  void computesOnTwosComplementIntegers(String op, String x, String y, String expected) {
    assertEquals(num(expected), calls.call(op, num(x), num(y)));
  }

  @Test
  void negatesBits() {
    assertEquals(num(-43), calls.call("bits.negate", num(42)));
    assertEquals(num(0), calls.call("bits.negate", num(-1)));
    assertEquals(num("-18446744073709551617"), calls.call("bits.negate", num("18446744073709551616")));
  }

  @Test
  void acceptsIntegerValuedDecimals() {
    assertEquals(num(1), calls.call("bits.and", num("7.0"), num("9")));
  }

  @Test
  void rejectsNonIntegers() {
    for (String op : new String[] {"bits.and", "bits.or", "bits.xor", "bits.lsh", "bits.rsh"}) {
      calls.assertFails(TYPE, "operand 1 must be integer number but got floating-point number", op, num("7.2"), num(42));
      calls.assertFails(TYPE, "operand 2 must be integer number but got floating-point number", op, num(7), num("2.22"));
    }
    calls.assertFails(TYPE, "operand 1 must be integer number but got floating-point number", "bits.negate",
        num("7.2"));
  }

  @Test
  void rejectsNonNumbersNamingInteger() {
    calls.assertFails(TYPE, "operand 2 must be integer but got string", "bits.xor", num(7), StringValue.of("hi"));
    calls.assertFails(TYPE, "operand 1 must be integer but got string", "bits.negate", StringValue.of("1"));
  }

  @Test
  void rejectsNegativeShiftCounts() {
    calls.assertFails(TYPE, "operand 2 must be an unsigned integer number but got a negative integer", "bits.lsh",
        num(7), num(-1));
    calls.assertFails(TYPE, "operand 2 must be an unsigned integer number but got a negative integer", "bits.rsh",
        num(7), num(-1));
  }

  @Test
  void refusesShiftsBeyondTheWidthBound() {
    calls.assertFails("eval_builtin_error", "shift count too large: result would exceed 262144 bits", "bits.lsh",
        num(1), num(1_000_000));
    calls.assertFails("eval_builtin_error", "shift count too large: result would exceed 262144 bits", "bits.lsh",
        num(1), num("18446744073709551615"));
  }

  @Test
  void registersOpaNamesAndArities() {
    calls.assertRegisters(Map.of("bits.and", 2, "bits.or", 2, "bits.xor", 2, "bits.negate", 1, "bits.lsh", 2, "bits.rsh", 2));
  }
}
