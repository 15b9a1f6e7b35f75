package io.kubepolicies.rego.builtins;

import static io.kubepolicies.rego.builtins.TestTerms.json;
import static io.kubepolicies.rego.builtins.TestTerms.num;
import static io.kubepolicies.rego.builtins.TestTerms.set;
import static io.kubepolicies.rego.builtins.TestTerms.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class SetFamilyTest {
  private final Builtins builtins = Builtins.of(List.of(new SetFamily()));
  private final TestContext ctx = new TestContext();

  private Value call(String name, Value... args) {
    return ctx.call(builtins, name, args);
  }

  private BuiltinException failure(String name, Value... args) {
    return assertThrows(BuiltinException.class, () -> call(name, args));
  }

  @Test
  void andKeepsCommonElements() {
    assertEquals(set(num(3)), call("and", set(num(3), num(2), num(3)), set(num(3), num(4))));
    assertEquals(set(num(1), json("[1]")), call("and", set(num(1), json("[1]"), str("x")), set(json("[1]"), num(1))));
  }

  @Test
  void andOfDisjointSetsIsEmpty() {
    assertEquals(SetValue.EMPTY, call("and", set(num(1)), set(num(2))));
    assertEquals(SetValue.EMPTY, call("and", SetValue.EMPTY, set(num(2))));
  }

  @Test
  void orJoinsElements() {
    assertEquals(set(num(2), num(3), num(4)), call("or", set(num(3), num(2)), set(num(3), num(4))));
    assertEquals(set(num(1)), call("or", SetValue.EMPTY, set(num(1))));
  }

  @Test
  void numbersCompareByValueAcrossRepresentations() {
    assertEquals(set(num(1)), call("and", set(json("1.0")), set(num(1))));
  }

  @Test
  void binaryOperatorsRejectNonSets() {
    BuiltinException e = failure("and", json("[1]"), set());
    assertEquals(RegoError.EVAL_TYPE, e.code());
    assertEquals("operand 1 must be set but got array", e.getMessage());
    assertEquals("operand 2 must be set but got object", failure("or", set(), json("{}")).getMessage());
  }

  @Test
  void intersectionOfSetsOfSets() {
    assertEquals(set(num(2)), call("intersection", set(set(num(1), num(2)), set(num(2), num(3)), set(num(2)))));
    assertEquals(SetValue.EMPTY, call("intersection", set(set(num(1)), set(num(2)))));
  }

  @Test
  void intersectionOfNothingIsEmpty() {
    assertEquals(SetValue.EMPTY, call("intersection", SetValue.EMPTY));
  }

  @Test
  void intersectionOfOneSetIsThatSet() {
    assertEquals(set(num(1), num(2)), call("intersection", set(set(num(1), num(2)))));
  }

  @Test
  void unionOfSetsOfSets() {
    assertEquals(set(num(1), num(2), num(3)), call("union", set(set(num(1), num(2)), set(num(2), num(3)), SetValue.EMPTY)));
    assertEquals(SetValue.EMPTY, call("union", SetValue.EMPTY));
  }

  @Test
  void setOfSetsOperandsRejectOtherTypes() {
    assertEquals("operand 1 must be set but got array", failure("union", json("[]")).getMessage());
    assertEquals("operand 1 must be set but got number", failure("union", set(set(), num(1))).getMessage());
    assertEquals("operand 1 must be set but got string", failure("intersection", set(set(num(1)), str("a"))).getMessage());
  }

  @Test
  void aBadMemberIsReportedInSortOrder() {
    assertEquals("operand 1 must be set but got number",
        failure("union", set(json("{\"a\":1}"), set(), num(7))).getMessage());
  }
}
