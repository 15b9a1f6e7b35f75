package io.kubepolicies.rego.builtins;

import static io.kubepolicies.rego.builtins.TestTerms.arr;
import static io.kubepolicies.rego.builtins.TestTerms.json;
import static io.kubepolicies.rego.builtins.TestTerms.num;
import static io.kubepolicies.rego.builtins.TestTerms.obj;
import static io.kubepolicies.rego.builtins.TestTerms.set;
import static io.kubepolicies.rego.builtins.TestTerms.str;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/** json.filter and json.remove; json.patch has its own test class. */
class JsonPathFamilyTest {
  private final FamilyCalls calls = new FamilyCalls(new JsonPathFamily());

  private static final Value DOC = json("{\"a\":{\"b\":{\"c\":7,\"d\":8}},\"e\":9}");

  @Test
  void filterKeepsSelectedPaths() {
    assertEquals(json("{\"a\":{\"b\":{\"c\":7}}}"), calls.call("json.filter", DOC, set(str("a/b/c"))));
    assertEquals(json("{\"a\":{\"b\":{\"c\":7}},\"e\":9}"), calls.call("json.filter", DOC, set(str("a/b/c"), str("e"))));
    assertEquals(json("{\"a\":{\"b\":{\"c\":7}},\"e\":9}"), calls.call("json.filter", DOC, json("[\"a/b/c\",\"e\"]")));
    assertEquals(json("{\"a\":{\"b\":{\"c\":7},\"e\":9}}"),
        calls.call("json.filter", json("{\"a\":{\"b\":{\"c\":7,\"d\":8},\"e\":9}}"), set(str("a/b/c"), str("a/e"))));
  }

  @Test
  void filterAcceptsSegmentArraysAndLeadingSlashes() {
    assertEquals(json("{\"a\":{\"b\":{\"c\":7}},\"e\":9}"), calls.call("json.filter", DOC, set(json("[\"a\",\"b\",\"c\"]"), json("[\"e\"]"))));
    assertEquals(json("{\"a\":{\"b\":{\"c\":7,\"d\":8}}}"),
        calls.call("json.filter", json("{\"a\":{\"b\":{\"c\":7,\"d\":8,\"x\":0}},\"e\":9}"), set(str("a/b/d"), json("[\"a\",\"b\",\"c\"]"))));
    assertEquals(json("{\"e\":9}"), calls.call("json.filter", DOC, set(str("//e"))));
  }

  @Test
  void filterShorterPathWins() {
    assertEquals(json("{\"a\":{\"b\":7}}"), calls.call("json.filter", json("{\"a\":{\"b\":7}}"), set(str("a"), str("a/b"))));
    assertEquals(json("{\"a\":{\"b\":7,\"c\":1}}"), calls.call("json.filter", json("{\"a\":{\"b\":7,\"c\":1}}"), json("[\"a/b\",\"a\"]")));
  }

  @Test
  void filterEdgeCases() {
    assertEquals(json("{}"), calls.call("json.filter", json("{\"a\":7}"), SetValue.EMPTY));
    assertEquals(json("{}"), calls.call("json.filter", json("{}"), set(str("a/b"))));
    assertEquals(json("{}"), calls.call("json.filter", json("{\"a\":7}"), set(str(""))));
    assertEquals(json("{\"a\":7}"), calls.call("json.filter", json("{\"a\":7}"), set(str("a/b"))));
  }

  @Test
  void filterIndexesArraysByDecimalStrings() {
    assertEquals(json("{\"a\":[{\"b\":7},{\"d\":9}]}"),
        calls.call("json.filter", json("{\"a\":[{\"b\":7,\"c\":8},{\"d\":9}]}"), set(str("a/0/b"), str("a/1"))));
    assertEquals(json("{\"a\":[{\"1\":[\"d\"]}]}"),
        calls.call("json.filter", json("{\"a\":[{\"1\":[\"b\",\"c\",\"d\"]},{\"x\":\"y\"}]}"), set(str("a/0/1/2"))));
    assertEquals(json("{\"a\":[]}"), calls.call("json.filter", json("{\"a\":[1,2]}"), set(arr(str("a"), num(0)))));
  }

  @Test
  void filterSelectsSetMembersByValue() {
    Value doc = obj(str("s"), set(str("x"), str("y"), json("{\"k\":1,\"j\":2}")));
    assertEquals(obj(str("s"), set(str("x"))), calls.call("json.filter", doc, set(str("s/x"))));
  }

  @Test
  void filterUnescapesPointerTokens() {
    assertEquals(json("{\"a/b\":1,\"m~n\":2}"), calls.call("json.filter", json("{\"a/b\":1,\"m~n\":2,\"z\":3}"), set(str("a~1b"), str("m~0n"))));
  }

  @Test
  void removeDropsSelectedPaths() {
    assertEquals(json("{\"a\":{\"b\":{\"d\":8}},\"e\":9}"), calls.call("json.remove", DOC, set(str("a/b/c"))));
    assertEquals(json("{\"a\":{\"b\":{\"d\":8}}}"), calls.call("json.remove", DOC, set(str("a/b/c"), str("e"))));
    assertEquals(json("{\"a\":{\"b\":{\"d\":8}}}"), calls.call("json.remove", DOC, json("[\"a/b/c\",\"e\"]")));
    assertEquals(json("{\"a\":{\"b\":{\"d\":8}}}"),
        calls.call("json.remove", json("{\"a\":{\"b\":{\"c\":7,\"d\":8},\"e\":9}}"), set(str("a/b/c"), str("a/e"))));
    assertEquals(json("{\"a\":{\"b\":{\"d\":8}}}"), calls.call("json.remove", DOC, set(json("[\"a\",\"b\",\"c\"]"), json("[\"e\"]"))));
    assertEquals(json("{\"a\":{\"b\":{\"x\":0}},\"e\":9}"),
        calls.call("json.remove", json("{\"a\":{\"b\":{\"c\":7,\"d\":8,\"x\":0}},\"e\":9}"), set(str("a/b/d"), json("[\"a\",\"b\",\"c\"]"))));
  }

  @Test
  void removeEdgeCases() {
    assertEquals(json("{\"c\":1}"), calls.call("json.remove", json("{\"a\":{\"b\":7},\"c\":1}"), set(str("a"), str("a/b"))));
    assertEquals(json("{\"a\":7}"), calls.call("json.remove", json("{\"a\":7}"), SetValue.EMPTY));
    assertEquals(json("{}"), calls.call("json.remove", json("{}"), set(str("a/b"))));
    assertEquals(json("{}"), calls.call("json.remove", json("{\"a\":{\"b\":7},\"c\":1}"), set(str("a"), str("c"))));
    assertEquals(json("{\"a\":{}}"), calls.call("json.remove", json("{\"a\":{\"b\":7},\"c\":1}"), set(str("a/b"), str("c"))));
    assertEquals(json("{\"a\":7}"), calls.call("json.remove", json("{\"a\":7}"), set(str(""), str("a/b"))));
  }

  @Test
  void removeClosesGapsInArrays() {
    assertEquals(json("{\"a\":[{\"c\":8}]}"), calls.call("json.remove", json("{\"a\":[{\"b\":7,\"c\":8},{\"d\":9}]}"), set(str("a/0/b"), str("a/1"))));
    assertEquals(json("{\"a\":[{\"1\":[\"b\",\"c\"]},{\"x\":\"y\"}]}"),
        calls.call("json.remove", json("{\"a\":[{\"1\":[\"b\",\"c\",\"d\"]},{\"x\":\"y\"}]}"), set(str("a/0/1/2"))));
  }

  @Test
  void removeDropsSetMembersByValue() {
    Value doc = obj(str("s"), set(str("x"), str("y")));
    assertEquals(obj(str("s"), set(str("y"))), calls.call("json.remove", doc, set(str("s/x"))));
  }

  @Test
  void removeLeavesItsInputUnchanged() {
    Value doc = json("{\"a\":{\"b\":2,\"c\":3}}");
    assertEquals(json("{}"), calls.call("json.remove", doc, set(str("a"))));
    assertEquals(json("{\"a\":{\"c\":3}}"), calls.call("json.remove", doc, set(str("a/b"))));
    assertEquals(json("{\"a\":{\"b\":2}}"), calls.call("json.remove", doc, set(str("a/c"))));
    assertEquals(json("{\"a\":{\"b\":2,\"c\":3}}"), doc);
  }

  @Test
  void filterAndRemoveRejectBadOperands() {
    for (String name : List.of("json.filter", "json.remove")) {
      BuiltinException e = calls.failure(name, str("foo"), set(str("a/b/c")));
      assertEquals(RegoError.EVAL_TYPE, e.code());
      assertEquals("operand 1 must be object but got string", e.getMessage());
      assertEquals("operand 1 must be object but got array", calls.failure(name, json("[\"a\"]"), set(str("a"))).getMessage());
      assertEquals("operand 2 must be one of {set, array} but got string", calls.failure(name, json("{}"), str("foo")).getMessage());
      assertEquals("operand 2 must be one of {set, array} but got object", calls.failure(name, json("{}"), json("{\"y\":1}")).getMessage());
      assertEquals("operand 2 must be one of {set, array} containing string paths or array of path segments but got number",
          calls.failure(name, json("{}"), set(num(1), num(2), str("a"))).getMessage());
      assertEquals("operand 2 must be one of {set, array} containing string paths or array of path segments but got object",
          calls.failure(name, json("{}"), set(str("a"), json("{\"x\":1}"))).getMessage());
      assertEquals("operand 2 must be one of {set, array} containing string paths or array of path segments but got number",
          calls.failure(name, json("{}"), json("[\"a\",1,2]")).getMessage());
    }
  }
}
