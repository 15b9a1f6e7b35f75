package io.kubepolicies.rego.builtins;

import static io.kubepolicies.rego.builtins.TestTerms.json;
import static io.kubepolicies.rego.builtins.TestTerms.num;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberRangesTest {
  private static final String TYPE = "eval_type_error";

  private final FamilyCalls calls = new FamilyCalls(new NumberRanges());

  @ParameterizedTest(name = "numbers.range({0}, {1}) = {2}")
  @CsvSource(delimiter = ';', value = {
      "0; 0; [0]",
      "-2; 3; [-2, -1, 0, 1, 2, 3]",
      "2; -3; [2, 1, 0, -1, -2, -3]",
      "5; 2; [5, 4, 3, 2]",
      "49649733057; 49649733060; [49649733057, 49649733058, 49649733059, 49649733060]",
      "18446744073709551616; 18446744073709551618; [18446744073709551616, 18446744073709551617, 18446744073709551618]",
      "-9223372036854775807; -9223372036854775809; [-9223372036854775807, -9223372036854775808, -9223372036854775809]",
      "1.0; 2; [1, 2]",
  })
  void buildsInclusiveRanges(String from, String to, String expected) {
    assertEquals(json(expected), calls.call("numbers.range", num(from), num(to)));
  }

  @ParameterizedTest(name = "numbers.range_step({0}, {1}, {2}) = {3}")
  @CsvSource(delimiter = ';', value = {
      "0; 10; 2; [0, 2, 4, 6, 8, 10]",
      "0; -10; 2; [0, -2, -4, -6, -8, -10]",
      "10; 3; 2; [10, 8, 6, 4]",
      "1024; 4096; 1024; [1024, 2048, 3072, 4096]",
      "2; 2; 2; [2]",
      "2; 5; 2; [2, 4]",
      "0; 10; 99999999999999999999; [0]",
      "4611686018427387903; 4611686018427387905; 4611686018427387904; [4611686018427387903]",
      "-4611686018427387904; 4611686018427387903; 4611686018427387903; [-4611686018427387904, -1, 4611686018427387902]",
  })
  void buildsSteppedRanges(String from, String to, String step, String expected) {
    assertEquals(json(expected), calls.call("numbers.range_step", num(from), num(to), num(step)));
  }

  @Test
  void rejectsNonPositiveSteps() {
    String message = "numbers.range_step: step must be a positive integer";
    calls.assertFails("eval_builtin_error", message, "numbers.range_step", num(0), num(10), num(-2));
    calls.assertFails("eval_builtin_error", message, "numbers.range_step", num(0), num(10), num(0));
  }

  @Test
  void rejectsNonIntegerBounds() {
    calls.assertFails(TYPE, "operand 1 must be integer number but got floating-point number", "numbers.range",
        num("3.14"), num(4));
    calls.assertFails(TYPE, "operand 2 must be integer number but got floating-point number", "numbers.range",
        num(3), num("3.14"));
    calls.assertFails(TYPE, "operand 3 must be integer number but got floating-point number", "numbers.range_step",
        num(0), num(3), num("0.5"));
    calls.assertFails(TYPE, "operand 1 must be integer but got string", "numbers.range", StringValue.of("1"), num(2));
  }

  @Test
  void stopsWhenTheQueryIsCancelled() {
    RuntimeException cancelled = new RuntimeException("cancelled");
    BuiltinContext ctx = new TestContext().cancelledWith(cancelled);
    RuntimeException thrown = assertThrows(RuntimeException.class,
        () -> calls.call(ctx, "numbers.range", num(0), num(100_000_000)));
    assertEquals(cancelled, thrown);
  }

  @Test
  void drawsRandomIntegersBelowTheBound() {
    for (int i = 0; i < 50; i++) {
      long x = ((NumberValue) calls.call("rand.intn", StringValue.of("seed" + i), num(10))).longValue();
      assertTrue(x >= 0 && x < 10, "in [0, 10): " + x);
    }
    assertEquals(num(0), calls.call("rand.intn", StringValue.of("x"), num(1)));
    assertEquals(num(0), calls.call("rand.intn", StringValue.of("x"), num(0)));
  }

  @Test
  void repeatsTheSameRandomIntegerWithinAQuery() {
    TestContext ctx = new TestContext();
    Value first = calls.call(ctx, "rand.intn", StringValue.of("x"), num(1_000_000_000));
    assertEquals(first, calls.call(ctx, "rand.intn", StringValue.of("x"), num(1_000_000_000)));
    assertEquals(first, calls.call(ctx, "rand.intn", StringValue.of("x"), num(-1_000_000_000)));
  }

  @Test
  void keysRandomIntegersBySeedAndBound() {
    TestContext ctx = new TestContext();
    Value small = calls.call(ctx, "rand.intn", StringValue.of("x"), num(3));
    Value large = calls.call(ctx, "rand.intn", StringValue.of("x"), num(Long.MAX_VALUE));
    assertTrue(((NumberValue) small).longValue() < 3);
    assertNotEquals(small, large, "a bound of 2^63-1 drawing below 3 has odds of 1 in 3e18");
  }

  @Test
  void rejectsMalformedRandomArguments() {
    calls.assertFails(TYPE, "operand 1 must be string but got number", "rand.intn", num(1), num(5));
    calls.assertFails(TYPE, "operand 2 must be number but got string", "rand.intn", StringValue.of("x"),
        StringValue.of("5"));
    calls.assertFails(TYPE, "operand 2 must be integer number but got floating-point number", "rand.intn",
        StringValue.of("x"), num("1.5"));
    calls.assertFails(TYPE, "operand 2 must be integer number but got floating-point number", "rand.intn",
        StringValue.of("x"), num("18446744073709551616"));
  }

  @Test
  void registersOpaNamesAndArities() {
    calls.assertRegisters(Map.of("numbers.range", 2, "numbers.range_step", 3, "rand.intn", 2));
  }
}
