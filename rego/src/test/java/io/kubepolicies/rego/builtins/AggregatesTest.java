package io.kubepolicies.rego.builtins;

import static io.kubepolicies.rego.builtins.TestTerms.json;
import static io.kubepolicies.rego.builtins.TestTerms.num;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.NullValue;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AggregatesTest {
  private static final String TYPE = "eval_type_error";

  private final FamilyCalls calls = new FamilyCalls(new Aggregates());

  private static ArrayValue numbers(String... xs) {
    return ArrayValue.of(Arrays.stream(xs).map(TestTerms::num).toArray(Value[]::new));
  }

  private static SetValue numberSet(String... xs) {
    return SetValue.of(Arrays.stream(xs).map(TestTerms::num).toArray(Value[]::new));
  }

  @Test
  void countsElementsEntriesAndCodePoints() {
    assertEquals(num(4), calls.call("count", json("[1, 2, 3, 4]")));
    assertEquals(num(2), calls.call("count", json("{\"v1\": \"hello\", \"v2\": \"goodbye\"}")));
    assertEquals(num(3), calls.call("count", numberSet("1", "2", "3")));
    assertEquals(num(0), calls.call("count", json("[]")));
    assertEquals(num(5), calls.call("count", StringValue.of("abcde")));
    assertEquals(num(3), calls.call("count", StringValue.of("åäö")));
    assertEquals(num(2), calls.call("count", StringValue.of("a\uD83D\uDE00")));
    assertEquals(num(0), calls.call("count", StringValue.EMPTY));
  }

  @Test
  void rejectsCountOfScalars() {
    calls.assertFails(TYPE, "operand 1 must be one of {array, object, set, string} but got null", "count",
        NullValue.NULL);
    calls.assertFails(TYPE, "operand 1 must be one of {array, object, set, string} but got number", "count", num(5));
  }

  @ParameterizedTest(name = "sum {0} = {1}")
  @CsvSource(delimiter = ';', value = {
      "1 2 3 4; 10",
      "49649733057 1; 49649733058",
      "18446744073709551617 1; 18446744073709551618",
      "9223372036854775807 1; 9223372036854775808",
      "-9223372036854775808 -1; -9223372036854775809",
      "9223372036854775806 1; 9223372036854775807",
      "1.5 2.5; 4",
      "1 2.5; 3.5",
      "0.1 0.2; 0.3",
  })
  void sumsArraysAndSets(String xs, String expected) {
    String[] items = xs.split(" ");
    assertEquals(num(expected), calls.call("sum", numbers(items)));
    assertEquals(num(expected), calls.call("sum", numberSet(items)));
  }

  @Test
  void sumsDistinctSetElementsOnly() {
    assertEquals(num("9223372036854775810"), calls.call("sum", numberSet("9223372036854775807", "1", "2")));
    assertEquals(num(3), calls.call("sum", SetValue.of(num(1), num("1.0"), num(2))));
  }

  @ParameterizedTest(name = "product {0} = {1}")
  @CsvSource(delimiter = ';', value = {
      "1 2 3 4; 24",
      "2 3 4; 24",
      "18446744073709551617 2; 36893488147419103234",
      "4294967296 4294967297; 18446744078004518912",
      "1.5 2; 3",
      // OPA multiplies non-integers into a float64-precision accumulator: IEEE's 1.1 * 3.
      "1.1 3; 3.3000000000000003",
  })
  void multipliesArraysAndSets(String xs, String expected) {
    String[] items = xs.split(" ");
    assertEquals(num(expected), calls.call("product", numbers(items)));
    assertEquals(num(expected), calls.call("product", numberSet(items)));
  }

  @Test
  void foldsEmptyCollectionsToIdentity() {
    assertEquals(num(0), calls.call("sum", ArrayValue.EMPTY));
    assertEquals(num(0), calls.call("sum", SetValue.EMPTY));
    assertEquals(num(1), calls.call("product", ArrayValue.EMPTY));
    assertEquals(num(1), calls.call("product", SetValue.EMPTY));
  }

  @Test
  void rejectsNonNumberElements() {
    calls.assertFails(TYPE, "operand 1 must be array of numbers but got array containing string", "sum",
        json("[1, \"a\"]"));
    calls.assertFails(TYPE, "operand 1 must be set of numbers but got set containing null", "product",
        SetValue.of(num("1.5"), NullValue.NULL));
    calls.assertFails(TYPE, "operand 1 must be one of {set, array} but got string", "sum", StringValue.of("1"));
    calls.assertFails(TYPE, "operand 1 must be one of {set, array} but got object", "product", json("{}"));
  }

  @Test
  void findsExtremesInOpaOrder() {
    assertEquals(num(4), calls.call("max", json("[1, 2, 3, 4]")));
    assertEquals(num(4), calls.call("max", numberSet("1", "2", "3", "4")));
    assertEquals(num(-7), calls.call("min", json("[3, 2, 1, 4, 6, -7, 10]")));
    assertEquals(num(1), calls.call("min", json("[1, 2, 1, 3, 4]")));
    assertEquals(num(1), calls.call("min", numberSet("4", "1", "3")));
    assertEquals(StringValue.of("a"), calls.call("max", json("[\"a\", 1, null, true]")));
    assertEquals(NullValue.NULL, calls.call("min", json("[\"a\", 1, null, true]")));
    assertEquals(json("{\"a\": 1}"), calls.call("max", json("[[9], {\"a\": 1}, \"z\"]")));
  }

  @Test
  void leavesExtremesOfEmptyCollectionsUndefined() {
    assertNull(calls.call("max", ArrayValue.EMPTY));
    assertNull(calls.call("min", SetValue.EMPTY));
  }

  @Test
  void rejectsExtremesOfNonCollections() {
    calls.assertFails(TYPE, "operand 1 must be one of {set, array} but got number", "max", num(1));
    calls.assertFails(TYPE, "operand 1 must be one of {set, array} but got object", "min", json("{\"a\": 1}"));
  }

  @Test
  void sortsArraysAndSetsIntoArrays() {
    assertEquals(json("[1, 2, 3, 4]"), calls.call("sort", json("[4, 3, 2, 1]")));
    assertEquals(json("[1, 2, 3, 4]"), calls.call("sort", numberSet("4", "1", "3", "2")));
    assertEquals(json("[1, 1, 2]"), calls.call("sort", json("[2, 1, 1]")));
    assertEquals(ArrayValue.EMPTY, calls.call("sort", SetValue.EMPTY));
    assertEquals(json("[null, false, true, -1, 2.5, \"a\", \"b\", [1], [1, 2], {\"a\": 1}]"),
        calls.call("sort", json("[{\"a\": 1}, [1, 2], \"b\", true, 2.5, null, [1], -1, \"a\", false]")));
  }

  @Test
  void sortsWithoutChangingItsInput() {
    Value input = json("[3, 1, 2]");
    calls.call("sort", input);
    assertEquals(json("[3, 1, 2]"), input);
  }

  @Test
  void rejectsSortOfNonCollections() {
    calls.assertFails(TYPE, "operand 1 must be one of {set, array} but got string", "sort", StringValue.of("cba"));
  }

  @Test
  void keepsNumberIdentityOfIntegerValuedDecimals() {
    assertEquals(NumberValue.of(6), calls.call("sum", json("[1.0, 2.0, 3.0]")));
  }

  @Test
  void registersOpaNamesAndArities() {
    calls.assertRegisters(Map.of("count", 1, "sum", 1, "product", 1, "max", 1, "min", 1, "sort", 1));
  }
}
