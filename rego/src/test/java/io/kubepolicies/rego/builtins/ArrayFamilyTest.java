package io.kubepolicies.rego.builtins;

import static io.kubepolicies.rego.builtins.TestTerms.json;
import static io.kubepolicies.rego.builtins.TestTerms.num;
import static io.kubepolicies.rego.builtins.TestTerms.str;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.value.NumberValue;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class ArrayFamilyTest {
  private final FamilyCalls calls = new FamilyCalls(new ArrayFamily());

  @Test
  void concatAppendsTheSecondArray() {
    assertEquals(json("[1,2,3,4]"), calls.call("array.concat", json("[1,2]"), json("[3,4]")));
    assertEquals(json("[1]"), calls.call("array.concat", json("[]"), json("[1]")));
    assertEquals(json("[]"), calls.call("array.concat", json("[]"), json("[]")));
  }

  @Test
  void concatRejectsNonArrays() {
    BuiltinException e = calls.failure("array.concat", json("{\"v1\":\"hello\"}"), json("[3,4]"));
    assertEquals(RegoError.EVAL_TYPE, e.code());
    assertEquals("operand 1 must be array but got object", e.getMessage());
    assertEquals("operand 2 must be array but got object", calls.failure("array.concat", json("[1]"), json("{}")).getMessage());
  }

  @Test
  void sliceTakesStartToStop() {
    assertEquals(json("[2,3]"), calls.call("array.slice", json("[1,2,3,4,5]"), num(1), num(3)));
    assertEquals(json("[]"), calls.call("array.slice", json("[1,2,3]"), num(0), num(0)));
  }

  @Test
  void sliceClampsItsBounds() {
    assertEquals(json("[]"), calls.call("array.slice", json("[1,2,3,4,5]"), num(-4), num(-1)));
    assertEquals(json("[]"), calls.call("array.slice", json("[1,2,3,4,5]"), num(4), num(1)));
    assertEquals(json("[1,2]"), calls.call("array.slice", json("[1,2,3,4,5]"), num(-1), num(2)));
    assertEquals(json("[4,5]"), calls.call("array.slice", json("[1,2,3,4,5]"), num(3), num(6)));
    assertEquals(json("[]"), calls.call("array.slice", json("[]"), num(1000), num(2000)));
    assertEquals(json("[]"), calls.call("array.slice", json("[1,2,3]"), num(1000), num(2000)));
    assertEquals(json("[1,2,3]"), calls.call("array.slice", json("[1,2,3]"), num(Long.MIN_VALUE), num(Long.MAX_VALUE)));
  }

  @Test
  void sliceRejectsNonIntegerBounds() {
    assertEquals("operand 2 must be integer number but got floating-point number",
        calls.failure("array.slice", json("[1]"), json("0.5"), num(1)).getMessage());
    assertEquals("operand 3 must be integer number but got floating-point number",
        calls.failure("array.slice", json("[1]"), num(0), NumberValue.of(BigInteger.TWO.pow(70))).getMessage());
    assertEquals("operand 3 must be number but got string", calls.failure("array.slice", json("[1]"), num(0), str("1")).getMessage());
    assertEquals("operand 1 must be array but got set",
        calls.failure("array.slice", TestTerms.set(), num(0), num(1)).getMessage());
  }

  @Test
  void reverseReversesOrder() {
    assertEquals(json("[3,2,1]"), calls.call("array.reverse", json("[1,2,3]")));
    assertEquals(json("[]"), calls.call("array.reverse", json("[]")));
  }

  @Test
  void reverseRejectsObjects() {
    assertEquals("operand 1 must be array but got object",
        calls.failure("array.reverse", json("{\"bar\":\"baz\"}")).getMessage());
  }

  @Test
  void flattenInlinesOneLevel() {
    assertEquals(json("[1,2,3,4,5]"), calls.call("array.flatten", json("[[1,2],[3,4],[5]]")));
    assertEquals(json("[1,2,3]"), calls.call("array.flatten", json("[1,2,[3]]")));
    assertEquals(json("[[1],[2,3,[]],[4,5]]"), calls.call("array.flatten", json("[[[1],[2,3,[]]],[[4,5]]]")));
    assertEquals(json("[1,2,\"s\",3,{\"a\":\"b\"},4.5,6,[7,8]]"),
        calls.call("array.flatten", json("[[1,2],\"s\",[3,{\"a\":\"b\"}],4.5,[6,[7,8]]]")));
    assertEquals(json("[]"), calls.call("array.flatten", json("[]")));
    assertEquals(json("[]"), calls.call("array.flatten", json("[[],[]]")));
  }

  @Test
  void flattenRejectsNonArrays() {
    assertEquals("operand 1 must be array but got number", calls.failure("array.flatten", num(42)).getMessage());
  }
}
