package io.kubepolicies.rego.builtins;

import static io.kubepolicies.rego.builtins.TestTerms.json;
import static io.kubepolicies.rego.builtins.TestTerms.num;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.kubepolicies.rego.value.NullValue;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.StringValue;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArithmeticTest {
  private static final String TYPE = "eval_type_error";
  private static final String BUILTIN = "eval_builtin_error";

  private final FamilyCalls calls = new FamilyCalls(new Arithmetic());

  @ParameterizedTest(name = "{1} {0} {2} = {3}")
  @CsvSource({
      "plus, 1, 2, 3",
      "plus, 49649733057, 1, 49649733058",
      "plus, 9223372036854775807, 1, 9223372036854775808",
      "plus, 18446744073709551617, 1, 18446744073709551618",
      "plus, 123456789012345678901234567890, 1, 123456789012345678901234567891",
      "plus, 1.5, 2.5, 4",
      "plus, 1, 2.5, 3.5",
      "plus, 0.1, 0.2, 0.3",
      "minus, 1, 2, -1",
      "minus, 18446744073709551617, 1, 18446744073709551616",
      "minus, -18446744073709551617, 1, -18446744073709551618",
      "minus, -9223372036854775808, 1, -9223372036854775809",
      // 0.3 and 0.1 round to 64 bits apart, and their difference is one unit above 0.2's rounding.
      "minus, 0.3, 0.1, 0.20000000000000000002",
      "mul, 3, 4, 12",
      "mul, 18446744073709551617, 2, 36893488147419103234",
      "mul, 4294967296, 4294967296, 18446744073709551616",
      "mul, 2.5, 2, 5",
      "mul, 1.1, 3, 3.3000000000000000002",
  })
  void computesIntegersExactlyAndOtherNumbersInSixtyFourBits(String op, String x, String y, String expected) {
    assertEquals(num(expected), calls.call(op, num(x), num(y)));
  }

  @ParameterizedTest(name = "{0} / {1} = {2}")
  @CsvSource({
      "6, 3, 2",
      "-6, 3, -2",
      "7, 2, 3.5",
      "1, 3, 0.33333333333333333334",
      "2, 3, 0.6666666666666666667",
      "0, 5, 0",
      "1, 0.1, 10",
      "10000000000, 4, 2500000000",
      // Large integers are divided as 64-bit floats, as in OPA: 2^64 + 1 rounds to 2^64.
      "18446744073709551617, 1, 18446744073709551616",
  })
  void dividesLikeOpa(String x, String y, String expected) {
    assertEquals(num(expected), calls.call("div", num(x), num(y)));
  }

  @Test
  void rejectsDivisionByZero() {
    calls.assertFails(BUILTIN, "divide by zero", "div", num(1), num(0));
    calls.assertFails(BUILTIN, "divide by zero", "div", num("1.5"), num("0.0"));
    calls.assertFails(BUILTIN, "divide by zero", "div", num("18446744073709551617"), num(0));
  }

  @ParameterizedTest(name = "{0} % {1} = {2}")
  @CsvSource({
      "7, 4, 3",
      "-7, 4, -3",
      "7, -4, 3",
      "10, 18446744073709551616, 10",
      "5, 55340232221128654848, 5",
      "7, 340282366920938463463374607431768211456, 7",
      "100, -18446744073709551616, 100",
      "18446744073709551617, 18446744073709551616, 1",
      "10, 18446744073709551617, 10",
      "4.0, 3, 1",
  })
  void takesRemaindersOfIntegers(String x, String y, String expected) {
    assertEquals(num(expected), calls.call("rem", num(x), num(y)));
  }

  @Test
  void rejectsRemainderByZeroAndOfNonIntegers() {
    calls.assertFails(BUILTIN, "modulo by zero", "rem", num(7), num(0));
    calls.assertFails(BUILTIN, "modulo by zero", "rem", num("18446744073709551617"), num(0));
    calls.assertFails(BUILTIN, "modulo on floating-point number", "rem", num("1.1"), num(1));
    calls.assertFails(BUILTIN, "modulo on floating-point number", "rem", num(1), num("0.5"));
    // Beyond the supported magnitude a number is not an integer, as in OPA for 1e2147483648.
    calls.assertFails(BUILTIN, "modulo on floating-point number", "rem", num("1e20000"), num(2));
  }

  @Test
  void rejectsOperandsThatAreNotNumbers() {
    calls.assertFails(TYPE, "operand 1 must be number but got string", "plus", StringValue.of("1"), num(1));
    calls.assertFails(TYPE, "operand 2 must be number but got null", "mul", num(1), NullValue.NULL);
    calls.assertFails(TYPE, "operand 2 must be number but got array", "div", num(1), json("[]"));
    calls.assertFails(TYPE, "operand 1 must be number but got set", "rem", SetValue.of(num(1)), num(1));
    calls.assertFails(TYPE, "operand 1 must be number but got boolean", "abs", json("true"));
    calls.assertFails(TYPE, "operand 1 must be number but got object", "round", json("{}"));
  }

  @Test
  void subtractsSets() {
    assertEquals(SetValue.of(num(1), num(3)),
        calls.call("minus", SetValue.of(num(1), num(2), num(3)), SetValue.of(num(2), num(4))));
    assertSame(SetValue.EMPTY, calls.call("minus", SetValue.of(num(1)), SetValue.of(num(1))));
  }

  @Test
  void reportsMismatchedMinusOperandsAsOpaDoes() {
    calls.assertFails(TYPE, "operand 2 must be set but got number", "minus", SetValue.of(num(1)), num(1));
    calls.assertFails(TYPE, "operand 2 must be number but got set", "minus", num(1), SetValue.of(num(1)));
    calls.assertFails(TYPE, "operand 2 must be number but got string", "minus", SetValue.of(num(1)), StringValue.of("a"));
    calls.assertFails(TYPE, "operand 1 must be one of {number, set} but got string", "minus", StringValue.of("a"), num(1));
  }

  @ParameterizedTest(name = "{0}({1}) = {2}")
  @CsvSource({
      "abs, -10, 10",
      "abs, 4, 4",
      "abs, -1.5, 1.5",
      "abs, -3000000000, 3000000000",
      "abs, -18446744073709551617, 18446744073709551616",
      "round, 2.5, 3",
      "round, -2.5, -3",
      "round, 1.4, 1",
      "round, -0.4, 0",
      "round, 7, 7",
      // Adding the half rounds to 64 bits first: ...809.5 is a tie that goes to the even ...810.
      "round, 9223372036854775809, 9223372036854775810",
      "ceil, 1.01, 2",
      "ceil, 1.5, 2",
      "ceil, 2222.2222222222, 2223",
      "ceil, 1, 1",
      "ceil, -1.99999, -1",
      "ceil, 5000000000, 5000000000",
      "floor, 1.01, 1",
      "floor, 1.5, 1",
      "floor, 99.99999, 99",
      "floor, 1, 1",
      "floor, -1.001, -2",
      "floor, 0.5, 0",
  })
  void roundsLikeOpa(String op, String x, String expected) {
    assertEquals(num(expected), calls.call(op, num(x)));
  }

  @Test
  void reproducesOpaCeilAndFloorBetweenMinusOneAndZero() {
    assertEquals(num(1), calls.call("ceil", num("-0.5")));
    assertEquals(num(0), calls.call("floor", num("-0.5")));
  }

  @Test
  void refusesNumbersBeyondTheSupportedMagnitude() {
    calls.assertFails(BUILTIN, "number too large or too small: 1E+20000", "plus", num("1e20000"), num("0.5"));
    calls.assertFails(BUILTIN, "number too large or too small: 1E-20000", "abs", num("1e-20000"));
  }

  @Test
  void keepsLargeIntegersExactWithinTheSupportedMagnitude() {
    assertEquals(num("2e9999"), calls.call("plus", num("1e9999"), num("1e9999")));
  }

  @Test
  void registersOpaNamesAndArities() {
    calls.assertRegisters(Map.of("plus", 2, "minus", 2, "mul", 2, "div", 2, "rem", 2, "abs", 1, "round", 1, "ceil", 1, "floor", 1));
  }
}
