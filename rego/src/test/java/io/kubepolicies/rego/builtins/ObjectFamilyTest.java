package io.kubepolicies.rego.builtins;

import static io.kubepolicies.rego.builtins.TestTerms.arr;
import static io.kubepolicies.rego.builtins.TestTerms.json;
import static io.kubepolicies.rego.builtins.TestTerms.num;
import static io.kubepolicies.rego.builtins.TestTerms.obj;
import static io.kubepolicies.rego.builtins.TestTerms.set;
import static io.kubepolicies.rego.builtins.TestTerms.str;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.NullValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectFamilyTest {
  private final FamilyCalls calls = new FamilyCalls(new ObjectFamily());

  private boolean subset(Value sup, Value sub) {
    return ((BooleanValue) calls.call("object.subset", sup, sub)).value();
  }

  // object.get

  @Test
  void getReturnsTheValueOrTheDefault() {
    assertEquals(num(1), calls.call("object.get", json("{\"a\":1}"), str("a"), str("d")));
    assertEquals(str("d"), calls.call("object.get", json("{\"a\":1}"), str("b"), str("d")));
    assertEquals(NullValue.NULL, calls.call("object.get", json("{\"a\":null}"), str("a"), str("d")));
  }

  @Test
  void getMatchesNonStringKeys() {
    assertEquals(str("x"), calls.call("object.get", obj(num(1), str("x")), num(1), str("d")));
    assertEquals(str("d"), calls.call("object.get", obj(num(1), str("x")), str("1"), str("d")));
    assertEquals(str("s"), calls.call("object.get", obj(set(num(1)), str("s")), set(num(1)), str("d")));
  }

  @Test
  void getFollowsAnArrayPath() {
    Value doc = json("{\"a\":[{\"b\":true}],\"c\":{\"d\":{\"e\":5}}}");
    assertEquals(BooleanValue.TRUE, calls.call("object.get", doc, json("[\"a\",0,\"b\"]"), BooleanValue.FALSE));
    assertEquals(num(5), calls.call("object.get", doc, json("[\"c\",\"d\",\"e\"]"), num(0)));
    assertEquals(json("{\"e\":5}"), calls.call("object.get", doc, json("[\"c\",\"d\"]"), num(0)));
  }

  @Test
  void getWithEmptyPathReturnsTheObject() {
    Value doc = json("{\"a\":1}");
    assertEquals(doc, calls.call("object.get", doc, json("[]"), str("d")));
  }

  @Test
  void getPathFallsBackWhenAnyStepIsMissing() {
    Value doc = json("{\"a\":[{\"b\":true}],\"s\":\"str\"}");
    assertEquals(str("d"), calls.call("object.get", doc, json("[\"a\",1,\"b\"]"), str("d")));
    assertEquals(str("d"), calls.call("object.get", doc, json("[\"a\",-1]"), str("d")));
    assertEquals(str("d"), calls.call("object.get", doc, json("[\"a\",\"0\"]"), str("d")));
    assertEquals(str("d"), calls.call("object.get", doc, json("[\"a\",0.5]"), str("d")));
    assertEquals(str("d"), calls.call("object.get", doc, json("[\"s\",0]"), str("d")));
    assertEquals(str("d"), calls.call("object.get", doc, json("[\"x\"]"), str("d")));
  }

  @Test
  void getPathStepsThroughSetMembers() {
    Value doc = obj(str("s"), set(str("a"), json("{\"k\":1}")));
    assertEquals(str("a"), calls.call("object.get", doc, arr(str("s"), str("a")), str("d")));
    assertEquals(num(1), calls.call("object.get", doc, arr(str("s"), json("{\"k\":1}"), str("k")), str("d")));
    assertEquals(str("d"), calls.call("object.get", doc, arr(str("s"), str("b")), str("d")));
  }

  @Test
  void getRejectsNonObjects() {
    assertEquals("operand 1 must be object but got array", calls.failure("object.get", json("[1]"), num(0), num(0)).getMessage());
  }

  // object.keys

  @Test
  void keysOfAnyKeyType() {
    assertEquals(set(str("a"), str("b")), calls.call("object.keys", json("{\"a\":1,\"b\":2}")));
    assertEquals(set(num(1), num(2)), calls.call("object.keys", obj(num(1), num(1), num(2), num(2))));
    assertEquals(set(json("[\"a\"]"), set(str("b"))), calls.call("object.keys", obj(json("[\"a\"]"), num(1), set(str("b")), num(2))));
    assertEquals(SetValue.EMPTY, calls.call("object.keys", ObjectValue.EMPTY));
  }

  @Test
  void keysRejectsNonObjects() {
    BuiltinException e = calls.failure("object.keys", str("object"));
    assertEquals(RegoError.EVAL_TYPE, e.code());
    assertEquals("operand 1 must be object but got string", e.getMessage());
  }

  // object.union and object.union_n

  @Test
  void unionPrefersTheRightAndMergesNestedObjects() {
    assertEquals(json("{}"), calls.call("object.union", json("{}"), json("{}")));
    assertEquals(json("{\"a\":1}"), calls.call("object.union", json("{}"), json("{\"a\":1}")));
    assertEquals(json("{\"a\":1}"), calls.call("object.union", json("{\"a\":1}"), json("{}")));
    assertEquals(json("{\"a\":1,\"b\":2}"), calls.call("object.union", json("{\"a\":1}"), json("{\"b\":2}")));
    assertEquals(json("{\"a\":2}"), calls.call("object.union", json("{\"a\":1}"), json("{\"a\":2}")));
    assertEquals(json("{\"a\":{\"b\":{\"c\":1}},\"b\":2}"),
        calls.call("object.union", json("{\"b\":2}"), json("{\"a\":{\"b\":{\"c\":1}}}")));
    assertEquals(json("{\"a\":{\"b\":{\"c\":1}},\"d\":7}"),
        calls.call("object.union", json("{\"a\":1}"), json("{\"a\":{\"b\":{\"c\":1}},\"d\":7}")));
    assertEquals(json("{\"a\":{\"b\":\"foo\",\"b1\":\"bar\"},\"d\":7,\"e\":17}"),
        calls.call("object.union", json("{\"a\":{\"b\":{\"c\":1}},\"e\":1}"), json("{\"a\":{\"b\":\"foo\",\"b1\":\"bar\"},\"d\":7,\"e\":17}")));
  }

  @Test
  void unionRejectsNonObjects() {
    assertEquals("operand 1 must be object but got array", calls.failure("object.union", json("[1,2,3]"), json("{\"b\":2}")).getMessage());
    assertEquals("operand 2 must be object but got array", calls.failure("object.union", json("{\"a\":1}"), json("[1,2,3]")).getMessage());
  }

  @Test
  void unionNMergesLeftToRight() {
    assertEquals(json("{}"), calls.call("object.union_n", json("[{}]")));
    assertEquals(json("{}"), calls.call("object.union_n", json("[]")));
    assertEquals(json("{\"foo\":\"bar\"}"), calls.call("object.union_n", json("[{\"foo\":\"bar\"}]")));
    assertEquals(json("{\"foo\":\"baz\"}"), calls.call("object.union_n", json("[{\"foo\":\"bar\"},{\"foo\":\"baz\"}]")));
    assertEquals(json("{\"a\":\"final A!\",\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"foo\":\"baz\"}"), calls.call("object.union_n",
        json("[{\"a\":1,\"b\":2,\"c\":3},{\"foo\":\"baz\",\"a\":\"a\",\"b\":2,\"d\":4},{\"a\":\"final A!\",\"e\":5.0}]")));
  }

  @Test
  void unionNDropsNestedObjectsOverwrittenByAScalar() {
    assertEquals(json("{\"a\":{\"c\":3}}"), calls.call("object.union_n", json("[{\"a\":{\"b\":2}},{\"a\":4},{\"a\":{\"c\":3}}]")));
    assertEquals(json("{\"a\":{\"b\":2,\"c\":3}}"), calls.call("object.union_n", json("[{\"a\":{\"b\":2}},{\"a\":{\"c\":3}}]")));
  }

  @Test
  void unionNRejectsNonObjectElements() {
    BuiltinException e = calls.failure("object.union_n", json("[{\"foo\":1},{\"bar\":2},\"baz\"]"));
    assertEquals(RegoError.EVAL_TYPE, e.code());
    assertEquals("operand 1 must be array of objects but got array containing string", e.getMessage());
    assertEquals("operand 1 must be array of objects but got array containing string",
        calls.failure("object.union_n", json("[1,{},\"x\"]")).getMessage());
    assertEquals("operand 1 must be array but got set", calls.failure("object.union_n", set()).getMessage());
  }

  // object.remove and object.filter

  @Test
  void removeDropsKeysGivenAsSetArrayOrObject() {
    Value doc = json("{\"a\":1,\"b\":{\"c\":3},\"d\":4}");
    assertEquals(json("{\"b\":{\"c\":3},\"d\":4}"), calls.call("object.remove", doc, set(str("a"))));
    assertEquals(json("{\"a\":1}"), calls.call("object.remove", doc, set(str("b"), str("d"))));
    assertEquals(json("{\"a\":1}"), calls.call("object.remove", doc, json("[\"d\",\"b\"]")));
    assertEquals(json("{\"a\":1}"), calls.call("object.remove", doc, json("{\"b\":1,\"d\":\"\"}")));
    assertEquals(json("{\"x\":123}"), calls.call("object.remove", json("{\"a\":{\"b\":{\"c\":2}},\"x\":123}"), json("{\"a\":{\"b\":{\"foo\":\"bar\"}}}")));
  }

  @Test
  void removeEdgeCases() {
    Value doc = json("{\"a\":1,\"b\":{\"c\":3}}");
    assertEquals(json("{}"), calls.call("object.remove", json("{}"), set(str("a"), str("b"))));
    assertEquals(doc, calls.call("object.remove", doc, SetValue.EMPTY));
    assertEquals(doc, calls.call("object.remove", doc, json("[]")));
    assertEquals(doc, calls.call("object.remove", doc, json("{}")));
    assertEquals(doc, calls.call("object.remove", doc, set(str("z"))));
    assertEquals(json("{\"a\":1}"), calls.call("object.remove", obj(str("a"), num(1), json("[[7]]"), num(2)), set(json("[[7]]"))));
  }

  @Test
  void removeLeavesItsInputUnchanged() {
    Value doc = json("{\"a\":1,\"b\":2,\"c\":3}");
    assertEquals(json("{\"b\":2,\"c\":3}"), calls.call("object.remove", doc, set(str("a"))));
    assertEquals(json("{\"a\":1,\"c\":3}"), calls.call("object.remove", doc, set(str("b"))));
    assertEquals(json("{\"a\":1,\"b\":2,\"c\":3}"), doc);
  }

  @Test
  void filterKeepsKeysGivenAsSetArrayOrObject() {
    Value doc = json("{\"a\":1,\"b\":2,\"c\":3,\"e\":9}");
    assertEquals(json("{\"a\":1,\"e\":9}"), calls.call("object.filter", doc, set(str("a"), str("e"))));
    assertEquals(json("{\"a\":1,\"e\":9}"), calls.call("object.filter", doc, json("[\"a\",\"e\"]")));
    assertEquals(json("{\"a\":1,\"e\":9}"), calls.call("object.filter", doc, json("{\"a\":\"foo\",\"e\":\"\"}")));
    assertEquals(json("{\"a\":{\"b\":{\"c\":7,\"d\":8}}}"), calls.call("object.filter", json("{\"a\":{\"b\":{\"c\":7,\"d\":8}},\"e\":9}"), set(str("a"))));
  }

  @Test
  void filterEdgeCases() {
    assertEquals(json("{}"), calls.call("object.filter", json("{\"a\":7}"), SetValue.EMPTY));
    assertEquals(json("{}"), calls.call("object.filter", json("{\"a\":7}"), json("[]")));
    assertEquals(json("{}"), calls.call("object.filter", json("{\"a\":7}"), json("{}")));
    assertEquals(json("{}"), calls.call("object.filter", json("{}"), set(str("a"))));
    assertEquals(obj(json("[[7]]"), num(2)), calls.call("object.filter", obj(str("a"), num(1), json("[[7]]"), num(2)), set(json("[[7]]"))));
  }

  @Test
  void removeAndFilterRejectBadOperands() {
    for (String name : List.of("object.remove", "object.filter")) {
      assertEquals("operand 1 must be object but got array", calls.failure(name, json("[\"a\"]"), set(str("a"))).getMessage());
      assertEquals("operand 1 must be object but got null", calls.failure(name, NullValue.NULL, set(str("a"))).getMessage());
      assertEquals("operand 2 must be one of {object, set, array} but got string", calls.failure(name, json("{\"a\":1}"), str("foo")).getMessage());
      assertEquals("operand 2 must be one of {object, set, array} but got null", calls.failure(name, json("{\"a\":1}"), NullValue.NULL).getMessage());
    }
  }

  // object.subset

  @Test
  void objectSubsetIsRecursive() {
    Value a = json("{\"a\":5,\"b\":7,\"c\":15,\"nested\":{\"x\":10,\"y\":15,\"z\":20}}");
    assertEquals(true, subset(a, json("{\"a\":5}")));
    assertEquals(false, subset(json("{\"a\":5}"), a));
    assertEquals(false, subset(a, json("{\"a\":5,\"b\":10}")));
    assertEquals(true, subset(a, json("{\"a\":5,\"nested\":{\"x\":10,\"y\":15}}")));
    assertEquals(false, subset(a, json("{\"nested\":{\"x\":11}}")));
    assertEquals(true, subset(a, json("{}")));
  }

  @Test
  void objectSubsetComparesNestedSetsAndArraysBySubset() {
    Value a = obj(str("set1"), set(num(1), num(2), num(3), num(4)), str("arr1"), json("[6,7,8,9]"), str("n"), num(1));
    assertEquals(true, subset(a, obj(str("set1"), set(num(4), num(1)), str("arr1"), json("[6,7]"))));
    assertEquals(false, subset(a, obj(str("arr1"), json("[6,8]"))));
    assertEquals(false, subset(a, obj(str("n"), json("[1]"))));
  }

  @Test
  void setSubsetDoesNotRecurse() {
    assertEquals(true, subset(set(num(1), num(2), num(3)), set(num(3), num(2))));
    assertEquals(false, subset(set(num(3), num(2)), set(num(1), num(2), num(3))));
    assertEquals(true, subset(set(num(1), set(str("a"), str("b"))), set(set(str("a"), str("b")))));
    assertEquals(false, subset(set(num(1), set(str("a"), str("b"))), set(set(str("a")))));
  }

  @Test
  void arraySubsetIsAContiguousRun() {
    Value a = json("[1,2,3,4,5,6]");
    assertEquals(true, subset(a, json("[3,4,5]")));
    assertEquals(true, subset(a, json("[1,2,3]")));
    assertEquals(true, subset(a, json("[4,5,6]")));
    assertEquals(true, subset(a, a));
    assertEquals(true, subset(a, json("[]")));
    assertEquals(false, subset(a, json("[4,5,6,8]")));
    assertEquals(false, subset(a, json("[8,9,10]")));
    assertEquals(false, subset(a, json("[1,3]")));
    assertEquals(false, subset(json("[3,4,5]"), a));
    assertEquals(true, subset(json("[1,1,2]"), json("[1,2]")));
  }

  @Test
  void arrayCoversSetIgnoringOrder() {
    assertEquals(true, subset(json("[1,2,3,4,5,6]"), set(num(4), num(3), num(2))));
    assertEquals(false, subset(json("[1,2,3,4,5,6]"), set(num(9), num(8), num(7))));
  }

  @Test
  void arrayCoversSetCountsDuplicatesAsOpaDoes() {
    assertEquals(true, subset(json("[1,1]"), set(num(1), num(2))));
    assertEquals(true, subset(json("[5]"), SetValue.EMPTY));
    assertEquals(false, subset(json("[]"), SetValue.EMPTY));
  }

  @Test
  void subsetRejectsMismatchedTypes() {
    BuiltinException e = calls.failure("object.subset", set(num(1)), json("[1]"));
    assertEquals(RegoError.EVAL_TYPE, e.code());
    assertEquals("both arguments object.subset must be of the same type or array and set", e.getMessage());
    calls.failure("object.subset", json("{}"), json("[]"));
    calls.failure("object.subset", num(1), num(1));
  }
}
