package io.kubepolicies.rego.builtins;

import static io.kubepolicies.rego.builtins.TestTerms.arr;
import static io.kubepolicies.rego.builtins.TestTerms.json;
import static io.kubepolicies.rego.builtins.TestTerms.num;
import static io.kubepolicies.rego.builtins.TestTerms.obj;
import static io.kubepolicies.rego.builtins.TestTerms.set;
import static io.kubepolicies.rego.builtins.TestTerms.str;
import static io.kubepolicies.rego.builtins.TestTerms.stringSet;
import static io.kubepolicies.rego.builtins.TestTerms.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphFamilyTest {
  private final FamilyCalls calls = new FamilyCalls(new GraphFamily());

  private static final Value CYCLE = obj(str("a"), stringSet("b"), str("b"), stringSet("c"), str("c"), stringSet("a"));
  private static final Value COMPONENTS = obj(str("a"), stringSet("b", "c"), str("b"), stringSet("d"), str("c"), stringSet("d"),
      str("d"), SetValue.EMPTY, str("e"), stringSet("f"), str("f"), stringSet("e"), str("x"), stringSet("x"));

  @Test
  void reachableFollowsEdgesThroughCycles() {
    assertEquals(stringSet("a", "b", "c"), calls.call("graph.reachable", CYCLE, stringSet("a")));
    assertEquals(stringSet("b", "d", "e", "f"), calls.call("graph.reachable", COMPONENTS, stringSet("b", "e")));
    assertEquals(stringSet("a", "b", "c"), calls.call("graph.reachable", json("{\"a\":[\"b\"],\"b\":[\"c\"],\"c\":[\"a\"]}"), json("[\"a\"]")));
  }

  @Test
  void reachableOnlyReportsVerticesOfTheGraph() {
    assertEquals(SetValue.EMPTY, calls.call("graph.reachable", json("{}"), stringSet("a")));
    assertEquals(stringSet("a"), calls.call("graph.reachable", json("{\"a\":[\"missing\"]}"), stringSet("a")));
    assertEquals(stringSet("a"), calls.call("graph.reachable", json("{\"a\":null}"), json("[\"a\"]")));
    assertEquals(set(num(1), num(2)), calls.call("graph.reachable", obj(num(1), set(num(2)), num(2), set()), set(num(1))));
  }

  @Test
  void reachableRejectsMalformedOperands() {
    BuiltinException e = calls.failure("graph.reachable", num(1), json("[1]"));
    assertEquals(RegoError.EVAL_TYPE, e.code());
    assertEquals("operand 1 must be object but got number", e.getMessage());
    assertEquals("operand 2 must be {array, set} but got string", calls.failure("graph.reachable", json("{\"a\":[]}"), str("a")).getMessage());
  }

  @Test
  void reachablePathsEndAtCyclesAndLeaves() {
    assertEquals(SetValue.EMPTY, calls.call("graph.reachable_paths", json("{}"), stringSet("a")));
    assertEquals(set(strings("a", "b", "c")), calls.call("graph.reachable_paths", CYCLE, stringSet("a")));
    assertEquals(set(strings("b", "d"), strings("e", "f")), calls.call("graph.reachable_paths", COMPONENTS, stringSet("b", "e")));
    assertEquals(set(strings("a")), calls.call("graph.reachable_paths", json("{\"a\":null}"), json("[\"a\"]")));
    assertEquals(set(strings("a", "b", "c"), strings("a", "c")),
        calls.call("graph.reachable_paths", json("{\"a\":[\"b\",\"c\"],\"b\":[\"c\"],\"c\":[]}"), stringSet("a")));
  }

  @Test
  void reachablePathsFromSharedAncestors() {
    Value graph = json("{\"1\":[],\"2\":[\"1\"],\"3\":[\"2\"],\"4\":[\"3\",\"2\"],\"5\":[\"4\"]}");
    assertEquals(set(strings("5", "4", "2", "1"), strings("5", "4", "3", "2", "1")), calls.call("graph.reachable_paths", graph, json("[\"5\"]")));
  }

  @Test
  void reachablePathsStopBeforeUnknownVertices() {
    Value graph = json("{\"a\":[\"b\"],\"b\":[\"nonexistent\"]}");
    assertEquals(set(strings("a", "b"), strings("b")), calls.call("graph.reachable_paths", graph, stringSet("a", "b")));
    Value withBlanks = json("{\"one\":[\"two\",\"five\"],\"two\":[\"four\"],\"three\":[\"\"],\"four\":[\"three\"],"
        + "\"five\":[\"seven\",\"six\"],\"six\":[\"nine\",\"seven\"],\"seven\":[\"eight\"],\"eight\":[\"three\"],\"nine\":[\"\"]}");
    assertEquals(set(strings("one", "five", "seven", "eight", "three"), strings("one", "five", "six", "nine"),
            strings("one", "five", "six", "seven", "eight", "three"), strings("one", "two", "four", "three")),
        calls.call("graph.reachable_paths", withBlanks, stringSet("one")));
  }

  @Test
  void reachablePathsRejectMalformedOperands() {
    assertEquals("operand 1 must be object but got number", calls.failure("graph.reachable_paths", num(1), json("[1]")).getMessage());
    assertEquals("operand 2 must be {array, set} but got string", calls.failure("graph.reachable_paths", json("{\"a\":[]}"), str("a")).getMessage());
  }

  // walk

  private List<Value> walk(Value x) {
    List<Value> out = new ArrayList<>();
    calls.table().get("walk").relation().call(new TestContext(), new Value[] {x}, out::add);
    return out;
  }

  @Test
  void walkIsARelation() {
    assertTrue(calls.table().get("walk").isRelation());
    assertEquals(1, calls.table().get("walk").arity());
  }

  @Test
  void walkOfAScalarYieldsItself() {
    assertEquals(List.of(json("[[],1]")), walk(num(1)));
  }

  @Test
  void walkVisitsNodesBeforeChildrenInOpaOrder() {
    assertEquals(List.of(json("[[],[1,2]]"), json("[[0],1]"), json("[[1],2]")), walk(json("[1,2]")));
    assertEquals(List.of(json("[[],{\"v2\":\"goodbye\",\"v1\":\"hello\"}]"), json("[[\"v1\"],\"hello\"]"), json("[[\"v2\"],\"goodbye\"]")),
        walk(json("{\"v2\":\"goodbye\",\"v1\":\"hello\"}")));
    assertEquals(List.of(json("[[],{\"a\":[{\"b\":1}]}]"), json("[[\"a\"],[{\"b\":1}]]"), json("[[\"a\",0],{\"b\":1}]"), json("[[\"a\",0,\"b\"],1]")),
        walk(json("{\"a\":[{\"b\":1}]}")));
  }

  @Test
  void walkUsesSetElementsAsPathSegments() {
    SetValue inner = set(num(3), num(1), num(2));
    assertEquals(List.of(arr(json("[]"), set(inner)), arr(arr(inner), inner), arr(arr(inner, num(1)), num(1)),
        arr(arr(inner, num(2)), num(2)), arr(arr(inner, num(3)), num(3))), walk(set(inner)));
  }

  @Test
  void walkKeepsEachPathIndependent() {
    Value doc = json("{\"a\":[{\"b\":[{\"c\":[{\"aa\":\"AA\"},{\"bb\":\"BB\"}]}]}]}");
    List<Value> leaves = new ArrayList<>();
    for (Value pair : walk(doc)) {
      if (((ArrayValue) pair).get(1) instanceof StringValue) {
        leaves.add(pair);
      }
    }
    assertEquals(List.of(json("[[\"a\",0,\"b\",0,\"c\",0,\"aa\"],\"AA\"]"), json("[[\"a\",0,\"b\",0,\"c\",1,\"bb\"],\"BB\"]")), leaves);
  }
}
