package io.kubepolicies.rego.builtins;

import static io.kubepolicies.rego.builtins.TestTerms.json;
import static io.kubepolicies.rego.builtins.TestTerms.num;
import static io.kubepolicies.rego.builtins.TestTerms.set;
import static io.kubepolicies.rego.builtins.TestTerms.str;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.value.SetValue;
import org.junit.jupiter.api.Test;

class SetFamilyTest {
  private final FamilyCalls calls = new FamilyCalls(new SetFamily());

  @Test
  void andKeepsCommonElements() {
    assertEquals(set(num(3)), calls.call("and", set(num(3), num(2), num(3)), set(num(3), num(4))));
    assertEquals(set(num(1), json("[1]")), calls.call("and", set(num(1), json("[1]"), str("x")), set(json("[1]"), num(1))));
  }

  @Test
  void andOfDisjointSetsIsEmpty() {
    assertEquals(SetValue.EMPTY, calls.call("and", set(num(1)), set(num(2))));
    assertEquals(SetValue.EMPTY, calls.call("and", SetValue.EMPTY, set(num(2))));
  }

  @Test
  void orJoinsElements() {
    assertEquals(set(num(2), num(3), num(4)), calls.call("or", set(num(3), num(2)), set(num(3), num(4))));
    assertEquals(set(num(1)), calls.call("or", SetValue.EMPTY, set(num(1))));
  }

  @Test
  void numbersCompareByValueAcrossRepresentations() {
    assertEquals(set(num(1)), calls.call("and", set(json("1.0")), set(num(1))));
  }

  @Test
  void binaryOperatorsRejectNonSets() {
    BuiltinException e = calls.failure("and", json("[1]"), set());
    assertEquals(RegoError.EVAL_TYPE, e.code());
    assertEquals("operand 1 must be set but got array", e.getMessage());
    assertEquals("operand 2 must be set but got object", calls.failure("or", set(), json("{}")).getMessage());
  }

  @Test
  void intersectionOfSetsOfSets() {
    assertEquals(set(num(2)), calls.call("intersection", set(set(num(1), num(2)), set(num(2), num(3)), set(num(2)))));
    assertEquals(SetValue.EMPTY, calls.call("intersection", set(set(num(1)), set(num(2)))));
  }

  @Test
  void intersectionOfNothingIsEmpty() {
    assertEquals(SetValue.EMPTY, calls.call("intersection", SetValue.EMPTY));
  }

  @Test
  void intersectionOfOneSetIsThatSet() {
    assertEquals(set(num(1), num(2)), calls.call("intersection", set(set(num(1), num(2)))));
  }

  @Test
  void unionOfSetsOfSets() {
    assertEquals(set(num(1), num(2), num(3)), calls.call("union", set(set(num(1), num(2)), set(num(2), num(3)), SetValue.EMPTY)));
    assertEquals(SetValue.EMPTY, calls.call("union", SetValue.EMPTY));
  }

  @Test
  void setOfSetsOperandsRejectOtherTypes() {
    assertEquals("operand 1 must be set but got array", calls.failure("union", json("[]")).getMessage());
    assertEquals("operand 1 must be set but got number", calls.failure("union", set(set(), num(1))).getMessage());
    assertEquals("operand 1 must be set but got string", calls.failure("intersection", set(set(num(1)), str("a"))).getMessage());
  }

  @Test
  void aBadMemberIsReportedInSortOrder() {
    assertEquals("operand 1 must be set but got number",
        calls.failure("union", set(json("{\"a\":1}"), set(), num(7))).getMessage());
  }
}
