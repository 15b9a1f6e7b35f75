package io.kubepolicies.rego.eval;

import static io.kubepolicies.rego.eval.RegoFixture.json;
import static io.kubepolicies.rego.eval.RegoFixture.policy;
import static io.kubepolicies.rego.eval.RegoFixture.policyWithData;
import static io.kubepolicies.rego.eval.RegoFixture.value;
import static io.kubepolicies.rego.eval.RegoFixture.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubepolicies.rego.Policy;
import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.RegoException;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.Value;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
  private static String text(Value v) {
    return v == null ? null : Json.write(v);
  }

  @Test
  void completeRuleIsTrueOrUndefined() {
    Policy p = policy("package t\nallow if input.user == \"alice\"\n");
    assertEquals(json("true"), value(p, "x := data.t.allow", json("{\"user\": \"alice\"}")));
    assertNull(value(p, "x := data.t.allow", json("{\"user\": \"bob\"}")));
    assertNull(value(p, "x := data.t.allow", null));
  }

  @Test
  void defaultAppliesWhenNoRuleMatches() {
    Policy p = policy("package t\ndefault allow := false\nallow if input.ok\n");
    assertEquals(json("false"), value(p, "x := data.t.allow", json("{}")));
    assertEquals(json("true"), value(p, "x := data.t.allow", json("{\"ok\": true}")));
  }

  @Test
  void partialSetCollectsEveryMatchOnce() {
    Policy p = policy("""
        package t
        privileged contains c.name if {
          some c in input.containers
          c.privileged
        }
        """);
    Value v = value(p, "x := data.t.privileged", json("""
        {"containers": [{"name": "a", "privileged": true}, {"name": "b"}, {"name": "a", "privileged": true}]}"""));
    assertEquals("[\"a\"]", text(v));
  }

  @Test
  void iteratesWithUnboundKeysAndBindsThem() {
    Policy p = policyWithData("{\"a\": {\"x\": 1, \"y\": 2}}", "package t\n");
    List<Value> keys = new ArrayList<>();
    p.prepare("data.a[k] = v").eval(EvalOptions.of(null)).rows().forEach(r -> keys.add(r.bindings().get("k")));
    assertEquals(List.of(json("\"x\""), json("\"y\"")), keys);
  }

  @Test
  void unifiesArrayPatternsBothWays() {
    Policy p = policy("package t\n");
    QueryResult r = p.prepare("[x, 1] = [2, y]").eval(EvalOptions.of(null));
    assertEquals(1, r.rows().size());
    assertEquals(json("2"), r.rows().get(0).bindings().get("x"));
    assertEquals(json("1"), r.rows().get(0).bindings().get("y"));
    assertTrue(p.prepare("[x, 1] = [2, 3]").eval(EvalOptions.of(null)).isUndefined());
  }

  @Test
  void negationSucceedsOnlyWithoutSolutions() {
    Policy p = policy("package t\nok if not input.bad\nnone_negative if not input.xs[_] < 0\n");
    assertEquals(json("true"), value(p, "x := data.t.ok", json("{}")));
    assertNull(value(p, "x := data.t.ok", json("{\"bad\": true}")));
    assertEquals(json("true"), value(p, "x := data.t.none_negative", json("{\"xs\": [1, 2]}")));
    assertNull(value(p, "x := data.t.none_negative", json("{\"xs\": [1, -2]}")));
  }

  @Test
  void everyRequiresAllElements() {
    Policy p = policy("package t\nall_positive if every x in input.xs { x > 0 }\n");
    assertEquals(json("true"), value(p, "x := data.t.all_positive", json("{\"xs\": [1, 2]}")));
    assertNull(value(p, "x := data.t.all_positive", json("{\"xs\": [1, -2]}")));
    assertEquals(json("true"), value(p, "x := data.t.all_positive", json("{\"xs\": []}")));
  }

  @Test
  void functionsWithElseAndDefault() {
    Policy p = policy("""
        package t
        sign(n) := "neg" if n < 0
        else := "zero" if n == 0
        else := "pos"
        """);
    assertEquals(json("\"neg\""), value(p, "x := data.t.sign(-3)", null));
    assertEquals(json("\"zero\""), value(p, "x := data.t.sign(0)", null));
    assertEquals(json("\"pos\""), value(p, "x := data.t.sign(5)", null));
  }

  @Test
  void conflictingCompleteRulesAreAnError() {
    Policy p = policy("package t\np := 1\np := 2 if true\n");
    RegoException e = assertThrows(RegoException.class, () -> p.prepare("x := data.t.p").eval(EvalOptions.of(null)));
    assertEquals(RegoError.EVAL_CONFLICT, e.first().code());
    assertTrue(e.first().message().contains("complete rules must not produce multiple outputs"));
  }

  @Test
  void comprehensionsBuildCollections() {
    Policy p = policy("package t\n");
    assertEquals("[2,4]", text(value(p, "x := [y | some z in [1, 2]; y := z + z]", null)));
    assertEquals("[1,2]", text(value(p, "x := {y | some y in [2, 1, 2]}", null)));
    assertEquals("{\"a\":1}", text(value(p, "x := {k: v | some k, v in {\"a\": 1}}", null)));
  }

  @Test
  void withReplacesInputDataAndFunctions() {
    Policy p = policyWithData("{\"limit\": 3}", """
        package t
        over if input.n > data.limit
        double(x) := x * 2
        d := double(input.n)
        """);
    assertEquals(json("true"), value(p, "x := data.t.over with input as {\"n\": 5}", null));
    assertNull(value(p, "x := data.t.over with input as {\"n\": 5} with data.limit as 10", null));
    assertEquals(json("10"), value(p, "x := data.t.d with input.n as 5", null));
    assertEquals(json("7"), value(p, "x := data.t.d with input.n as 5 with data.t.double as 7", null));
  }

  @Test
  void withDataHidesTheDocumentsBelowTheReplacedPath() {
    Policy p = policyWithData("{\"a\": {\"base\": 1}}", "package a\nc := 5\nd[k] := 1 if some k in [\"x\"]\n");
    assertNull(value(p, "x := data.a.c with data.a as {\"b\": 1}", null));
    assertNull(value(p, "x := data.a.d.x with data.a as {\"b\": 1}", null));
    assertNull(value(p, "x := data.a.base with data.a as {\"b\": 1}", null));
    assertEquals(json("1"), value(p, "x := data.a.b with data.a as {\"b\": 1}", null));
    assertEquals(json("5"), value(p, "x := data.a.c with data.a.b as 1", null));
  }

  @Test
  void withDataAppliesNestedReplacementsInOrder() {
    Policy p = policy("package a\nc := 5\n", "package t\nq := x if { x := data.a.c with data.a.c.e as 2 }\n");
    assertEquals("{\"d\":1,\"e\":2}", text(value(p, "x := data.a.c with data.a as {\"c\": {\"d\": 1}} with data.a.c.e as 2", null)));
    assertEquals("{\"d\":1}", text(value(p, "x := data.a.c with data.a.c.e as 2 with data.a as {\"c\": {\"d\": 1}}", null)));
    assertEquals("{\"d\":1,\"e\":2}", text(value(p, "x := data.t.q with data.a as {\"c\": {\"d\": 1}}", null)));
  }

  @Test
  void refHeadRulesBuildNestedObjects() {
    Policy p = policy("""
        package t
        users[name].roles contains role if {
          some u in input.users
          name := u.name
          some role in u.roles
        }
        """);
    Value v = value(p, "x := data.t.users", json("""
        {"users": [{"name": "a", "roles": ["r1", "r2"]}, {"name": "b", "roles": ["r1"]}]}"""));
    assertEquals("{\"a\":{\"roles\":[\"r1\",\"r2\"]},\"b\":{\"roles\":[\"r1\"]}}", text(v));
  }

  @Test
  void packagePrefixShowsDefinedRulesAndBaseData() {
    Policy p = policyWithData("{\"t\": {\"base\": 1}}", "package t\np := 2\nq if false\nf(x) := x\n");
    assertEquals("{\"base\":1,\"p\":2}", text(value(p, "x := data.t", null)));
  }

  @Test
  void unsafeVariablesAreACompileError() {
    RegoException e = assertThrows(RegoException.class, () -> policy("package t\np if { x > 1 }\n"));
    assertEquals(RegoError.UNSAFE_VAR, e.first().code());
    assertTrue(e.first().message().contains("var x is unsafe"), e.first().message());
  }

  @Test
  void recursionIsACompileError() {
    RegoException e = assertThrows(RegoException.class, () -> policy("package t\np if q\nq if p\n"));
    assertEquals(RegoError.RECURSION, e.first().code());
  }

  @Test
  void undefinedFunctionIsACompileError() {
    RegoException e = assertThrows(RegoException.class, () -> policy("package t\np if nope(1)\n"));
    assertEquals(RegoError.TYPE, e.first().code());
    assertTrue(e.first().message().contains("undefined function nope"));
  }

  @Test
  void bodiesAreReorderedForSafety() {
    Policy p = policy("package t\np := y if { y == 2; y = input.n }\n");
    assertEquals(json("2"), value(p, "x := data.t.p", json("{\"n\": 2}")));
  }

  @Test
  void assignmentAfterUseIsACompileError() {
    RegoException e = assertThrows(RegoException.class, () -> policy("package t\np := y if { y == 2; y := input.n }\n"));
    assertEquals(1, e.errors().size());
    assertEquals("var y referenced above", e.first().message());
  }

  @Test
  void deadlineStopsEvaluation() {
    Policy p = policy("package t\nn := count([1 | some a in numbers.range(1, 300); some b in numbers.range(1, 300); some c in numbers.range(1, 300)])\n");
    RegoException e = assertThrows(RegoException.class, () -> p.prepare("x := data.t.n")
        .eval(EvalOptions.of(null).withDeadline(System.nanoTime() + 1_000_000)));
    assertEquals(RegoError.EVAL_CANCEL, e.first().code());
  }

  @Test
  void valuesForIterationAreAllReported() {
    Policy p = policy("package t\n");
    assertEquals(3, values(p, "x := [1, 2, 3][_]", null).size());
  }
}
