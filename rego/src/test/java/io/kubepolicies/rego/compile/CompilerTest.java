package io.kubepolicies.rego.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubepolicies.rego.Policy;
import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.RegoException;
import io.kubepolicies.rego.ast.RegoVersion;
import io.kubepolicies.rego.eval.EvalOptions;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.Value;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompilerTest {
  private static Policy compile(String... modules) {
    Map<String, String> sources = new LinkedHashMap<>();
    for (int i = 0; i < modules.length; i++) {
      sources.put("m" + i + ".rego", modules[i]);
    }
    return Policy.compile(sources, RegoVersion.V1, ObjectValue.EMPTY);
  }

  private static RegoError error(String... modules) {
    return assertThrows(RegoException.class, () -> compile(modules)).first();
  }

  private static Value eval(Policy p, String query) {
    var rows = p.prepare(query).eval(EvalOptions.of(null)).rows();
    return rows.isEmpty() ? null : rows.get(0).bindings().get("x");
  }

  @Test
  void mergesPackagesAcrossModulesIntoOneTree() {
    Policy p = compile("package a.b\np := 1\n", "package a.b\nq := data.a.b.p + 1\n", "package a\nr := data.a.b.q\n");
    assertEquals(Json.parse("{\"b\": {\"p\": 1, \"q\": 2}, \"r\": 2}"), eval(p, "x := data.a"));
  }

  @Test
  void resolvesImportsAndAliases() {
    Policy p = compile("package lib.util\ndouble(n) := n * 2\n", """
        package app
        import data.lib.util
        import data.lib.util as u
        import input.request as req
        p := util.double(2) + u.double(3)
        who := req.user
        """);
    assertEquals(Json.parse("10"), eval(p, "x := data.app.p"));
    assertEquals(Json.parse("\"bob\""), eval(p, "x := data.app.who with input as {\"request\": {\"user\": \"bob\"}}"));
  }

  @Test
  void reportsEveryUnsafeVariableWithItsLocation() {
    RegoError e = error("package p\nq if {\n  x > y\n}\n");
    assertEquals(RegoError.UNSAFE_VAR, e.code());
    assertEquals("m0.rego", e.location().file());
    assertEquals(3, e.location().line());
    RegoException all = assertThrows(RegoException.class, () -> compile("package p\nq if {\n  x > y\n}\n"));
    assertEquals(2, all.errors().size());
  }

  @Test
  void headVariablesMustBeBoundByTheBody() {
    RegoError e = error("package p\nq[x] := 1 if { true }\n");
    assertEquals("var x is unsafe", e.message());
  }

  @Test
  void detectsRecursionThroughSeveralRules() {
    RegoError e = error("package p\na if b\nb if c\nc if a\n");
    assertEquals(RegoError.RECURSION, e.code());
    assertTrue(e.message().contains("data.p.a") && e.message().contains("->"), e.message());
  }

  @Test
  void functionsMayNotRecurseEither() {
    assertEquals(RegoError.RECURSION, error("package p\nf(x) := f(x)\n").code());
  }

  @Test
  void rejectsConflictingRuleKinds() {
    assertTrue(error("package p\nf(x) := 1\nf := 2\n").message().contains("conflicting rules data.p.f found"));
    assertTrue(error("package p\nf(x) := 1\nf(x, y) := 2\n").message().contains("conflicting rules"));
    assertTrue(error("package p\ndefault q := 1\ndefault q := 2\n").message().contains("multiple default rules"));
  }

  @Test
  void rejectsUnknownFunctionsAndWrongArity() {
    assertEquals("undefined function nope", error("package p\nq if nope(1)\n").message());
    RegoError arity = error("package p\nq if count(1, 2, 3)\n");
    assertEquals(RegoError.TYPE, arity.code());
    assertTrue(arity.message().startsWith("count: arity mismatch"), arity.message());
    assertTrue(error("package p\nf(x) := x\nq if f(1, 2, 3)\n").message().contains("arity mismatch"));
  }

  @Test
  void assignmentRules() {
    assertEquals("var x assigned above", error("package p\nq if { x := 1; x := 2 }\n").message());
    assertEquals("var x referenced above", error("package p\nq if { x == 1; x := 1 }\n").message());
    assertEquals("cannot assign to ref", error("package p\nq if { input.x := 1 }\n").message());
    // a comprehension may shadow an outer declaration
    Policy p = compile("package p\nq := [x, ys] if { x := 1; ys := [x | some x in [2, 3]] }\n");
    assertEquals(Json.parse("[1, [2, 3]]"), eval(p, "x := data.p.q"));
  }

  @Test
  void compilesQueriesAgainstThePolicy() {
    Policy p = compile("package p\nxs := [1, 2, 3]\n");
    assertEquals(Json.parse("6"), eval(p, "x := sum(data.p.xs)"));
    RegoException e = assertThrows(RegoException.class, () -> p.prepare("x := data.p.xs[y] + z"));
    assertEquals(RegoError.UNSAFE_VAR, e.first().code());
  }

  @Test
  void malformedModulesGetParseErrorsWithTheFileName() {
    RegoError e = error("package p\n", "package q\np := {\n");
    assertEquals(RegoError.PARSE, e.code());
    assertEquals("m1.rego", e.location().file());
  }

  @Test
  void deeplyNestedInputIsAnErrorNotACrash() {
    String deep = "package p\nq := " + "[".repeat(2000) + "]".repeat(2000) + "\n";
    assertEquals(RegoError.PARSE, error(deep).code());
  }
}
