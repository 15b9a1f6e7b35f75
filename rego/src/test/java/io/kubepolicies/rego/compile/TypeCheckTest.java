package io.kubepolicies.rego.compile;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubepolicies.rego.Policy;
import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.RegoException;
import io.kubepolicies.rego.ast.RegoVersion;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.ObjectValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The compile-time type errors OPA reports, worded as OPA words them, and for each the same code
 * with a value whose type cannot be known (input, base documents, a variable that nothing types):
 * OPA accepts those, so the check must too.
 */
class TypeCheckTest {
  private static final String COUNT_WANT =
      "(collection: any<string, array[any], object[any: any], set[any]>, n: number)";

  private static Policy compile(String dataJson, String... modules) {
    Map<String, String> sources = new LinkedHashMap<>();
    for (int i = 0; i < modules.length; i++) {
      sources.put("test-" + i + ".rego", modules[i]);
    }
    return Policy.compile(sources, RegoVersion.V1, (ObjectValue) Json.parse(dataJson));
  }

  private static Policy compile(String module) {
    return compile("{}", module);
  }

  private static List<RegoError> errors(String module) {
    return assertThrows(RegoException.class, () -> compile(module)).errors();
  }

  /** The one error compiling {@code module} gives, as the CLI prints it: {@code file:line:col: code: message}. */
  private static String error(String module) {
    List<RegoError> errors = errors(module);
    assertEquals(1, errors.size(), errors.toString());
    return errors.get(0).describe();
  }

  private static void accepts(String module) {
    assertDoesNotThrow(() -> compile(module));
  }

  private static void acceptsWithData(String dataJson, String module) {
    assertDoesNotThrow(() -> compile(dataJson, module));
  }

  @Nested
  class BuiltinArguments {
    @Test
    void rejectsLiteralOfTheWrongType() {
      assertEquals("""
          test-0.rego:2:6: rego_type_error: upper: invalid argument(s)
          \thave: (number, ???)
          \twant: (x: string, y: string)""", error("package test\np := upper(1)\n"));
    }

    @Test
    void acceptsTheSameCallOnInputBaseDataOrAnUntypedVariable() {
      accepts("package test\np := upper(input.x)\n");
      acceptsWithData("{\"base\": {\"n\": 1}}", "package test\np := upper(data.base.n)\n");
      accepts("package test\np := upper(x) if x := json.unmarshal(\"1\")\n");
    }

    @Test
    void rejectsNumberWhereASetIsWanted() {
      assertEquals("""
          test-0.rego:2:6: rego_type_error: or: invalid argument(s)
          \thave: (set[number], number, ???)
          \twant: (x: set[any], y: set[any], z: set[any])""", error("package test\np := {1} | 2\n"));
      assertEquals("""
          test-0.rego:2:6: rego_type_error: intersection: invalid argument(s)
          \thave: (number, ???)
          \twant: (xs: set[set[any]], y: set[any])""", error("package test\np := intersection(1)\n"));
    }

    @Test
    void acceptsASetOperandWhoseTypeIsUnknown() {
      accepts("package test\np := {1} | input.s\n");
      accepts("package test\np := intersection(input.sets)\n");
    }

    @Test
    void rejectsCompositesWithElementsOfTheWrongType() {
      assertEquals("""
          test-0.rego:2:6: rego_type_error: concat: invalid argument(s)
          \thave: (string, array<number, number>, ???)
          \twant: (delimiter: string, collection: any<array[string], set[string]>, output: string)""",
          error("package test\np := concat(\",\", [1, 2])\n"));
      assertEquals("""
          test-0.rego:2:6: rego_type_error: sum: invalid argument(s)
          \thave: (array[string], ???)
          \twant: (collection: any<array[number], set[number]>, n: number)""",
          error("package test\np := sum([x | x := \"a\"])\n"));
    }

    @Test
    void acceptsCompositesWhoseElementsAreUnknown() {
      accepts("package test\np := concat(\",\", [input.a, input.b])\n");
      accepts("package test\np := sum([x | x := input.numbers[_]])\n");
      accepts("package test\np := concat(\",\", xs) if xs := [x | some x in input.list]\n");
    }

    @Test
    void rejectsAStatementCallWithoutOutput() {
      assertEquals("test-0.rego:2:6: rego_type_error: count: invalid argument(s)\n\thave: (number)\n\twant: " + COUNT_WANT,
          error("package test\np if count(1)\n"));
    }

    @Test
    void checksTheOutputArgumentAgainstTheResultType() {
      assertEquals("test-0.rego:2:6: rego_type_error: count: invalid argument(s)\n\thave: (array<number>, string)\n\twant: "
          + COUNT_WANT, error("package test\np if count([1], \"one\")\n"));
      accepts("package test\np if count([1], 1)\n");
    }

    @Test
    void typesTupleResultsOfBuiltins() {
      assertEquals("""
          test-0.rego:2:18: rego_type_error: upper: invalid argument(s)
          \thave: (number, ???)
          \twant: (x: string, y: string)""", error("package test\np := y if { y := upper(time.clock(0)[1]) }\n"));
      accepts("package test\np := [h, m, s] if [h, m, s] := time.clock(input.ns)\n");
    }

    @Test
    void checksInfixOperatorsAsTheirBuiltins() {
      assertEquals("""
          test-0.rego:2:6: rego_type_error: plus: invalid argument(s)
          \thave: (number, string, ???)
          \twant: (x: number, y: number, z: number)""", error("package test\np := 1 + \"a\"\n"));
      accepts("package test\np := 1 + input.a\n");
    }
  }

  @Nested
  class Unification {
    @Test
    void rejectsComparingValuesOfDifferentTypes() {
      assertEquals("""
          test-0.rego:2:6: rego_type_error: match error
          \tleft  : number
          \tright : string""", error("package test\np if 1 == \"a\"\n"));
      assertEquals("""
          test-0.rego:2:16: rego_type_error: match error
          \tleft  : number
          \tright : string""", error("package test\np if { x := 1; x == \"a\" }\n"));
    }

    @Test
    void acceptsComparingWithValuesOfUnknownType() {
      accepts("package test\np if input.x == \"a\"\n");
      accepts("package test\np if { x := input.x; x == 1; x == \"a\" }\n");
    }

    @Test
    void rejectsDestructuringAnArrayOfAnotherLength() {
      assertEquals("""
          test-0.rego:2:21: rego_type_error: match error
          \tleft  : array<???, ???, ???>
          \tright : array<number, number>""", error("package test\np if { x := [1, 2]; [a, b, c] = x }\n"));
      accepts("package test\np if { x := input.pair; [a, b, c] = x }\n");
    }

    @Test
    void variablesTakeTheirTypeFromWhatTheyAreAssigned() {
      assertEquals("""
          test-0.rego:2:34: rego_type_error: upper: invalid argument(s)
          \thave: (number, ???)
          \twant: (x: string, y: string)""", error("package test\np := y if { x := count([]); y := upper(x) }\n"));
      accepts("package test\np := y if { x := object.get(input, \"k\", 0); y := upper(x) }\n");
    }
  }

  @Nested
  class Rules {
    @Test
    void ruleValuesCarryTheirTypeToOtherRules() {
      assertEquals("""
          test-0.rego:3:6: rego_type_error: plus: invalid argument(s)
          \thave: (string, number, ???)
          \twant: (x: number, y: number, z: number)""", error("package test\np := \"s\"\nq := p + 1\n"));
      accepts("package test\np := input.s\nq := p + 1\n");
    }

    @Test
    void rulesAreTypedAcrossPackagesInDependencyOrder() {
      List<RegoError> errors = assertThrows(RegoException.class, () -> compile("{}",
          "package a\nq := upper(data.b.p)\n", "package b\np := count(input.xs)\n")).errors();
      assertEquals(1, errors.size());
      assertEquals("test-0.rego:2:6: rego_type_error: upper: invalid argument(s)\n\thave: (number, ???)\n\twant: (x: string, y: string)",
          errors.get(0).describe());
    }

    @Test
    void partialSetsAreSetsOfTheirElements() {
      assertEquals("""
          test-0.rego:3:10: rego_type_error: sum: invalid argument(s)
          \thave: (set[string], ???)
          \twant: (collection: any<array[number], set[number]>, n: number)""",
          error("package test\nnames contains \"a\"\ntotal := sum(names)\n"));
      accepts("package test\nnames contains n if some n in input.names\ntotal := sum(names)\n");
    }

    @Test
    void rulesAtOnePlaceUniteTheirTypes() {
      assertEquals("""
          test-0.rego:4:6: rego_type_error: upper: invalid argument(s)
          \thave: (any<boolean, number>, ???)
          \twant: (x: string, y: string)""", error("package test\ndefault p := 1\np := true if input.x\nq := upper(p)\n"));
      accepts("package test\ndefault p := 1\np := \"one\" if input.x\nq := upper(p)\n");
    }

    @Test
    void aRuleWithATypeErrorDoesNotCascadeIntoRulesUsingIt() {
      List<RegoError> errors = errors("package test\np := upper(1)\nq := upper(p)\n");
      assertEquals(1, errors.size(), errors.toString());
      assertEquals(2, errors.get(0).location().line());
    }

    @Test
    void recursiveRulesAreLeftToTheRecursionCheck() {
      assertEquals(RegoError.RECURSION, errors("package test\np := q + 1\nq := p + 1\n").get(0).code());
    }
  }

  @Nested
  class Functions {
    @Test
    void argumentTypesAreInferredFromTheBody() {
      assertEquals("""
          test-0.rego:3:6: rego_type_error: data.test.f: invalid argument(s)
          \thave: (string, ???)
          \twant: (number, number)""", error("package test\nf(x) := x + 1\np := f(\"a\")\n"));
      accepts("package test\nf(x) := x + 1\np := f(input.a)\n");
      accepts("package test\nf(x) := x\np := f(\"a\")\n");
    }

    @Test
    void rejectsAFunctionReadAsAValue() {
      assertEquals("""
          test-0.rego:3:6: rego_type_error: undefined ref: data.test.f
          \tdata.test.f
          \t^^^^^^^^^^^
          \thave: (any) => any""", error("package test\nf(x) := x\np := f\n"));
      accepts("package test\nf(x) := x\np := f(1)\n");
    }

    @Test
    void rejectsAValueCalledAsAFunction() {
      assertEquals("test-0.rego:3:6: rego_type_error: undefined function data.test.q", error("package test\nq := 1\np := q(1)\n"));
    }

    @Test
    void rejectsAMockOfAnotherArity() {
      assertEquals("""
          test-0.rego:3:18: rego_type_error: count: arity mismatch
          \thave: (any, any)
          \twant: (collection: any<string, array[any], object[any: any], set[any]>)""",
          error("package test\ntwo(a, b) := 1\np if { count([]) with count as two }\n"));
      accepts("package test\none(a) := 1\np if { count([]) with count as one }\n");
    }
  }

  @Nested
  class Arity {
    @Test
    void rejectsTooManyArgumentsToABuiltin() {
      assertEquals("""
          test-0.rego:2:6: rego_type_error: count: arity mismatch
          \thave: (array<number>, number, number)
          \twant: (collection: any<string, array[any], object[any: any], set[any]>)""",
          error("package test\np if count([1], 2, 3)\n"));
    }

    @Test
    void checksTheArityOfMembershipLikeAnyBuiltin() {
      assertEquals("""
          test-0.rego:2:6: rego_type_error: internal.member_2: arity mismatch
          \thave: (number)
          \twant: (any, any)""", error("package test\np if internal.member_2(1)\n"));
      accepts("package test\np if { internal.member_2(1, [1], found); found }\n");
    }

    @Test
    void countsTheValueOfANestedCallAsAnArgument() {
      assertEquals("""
          test-0.rego:2:6: rego_type_error: count: arity mismatch
          \thave: (array<number>, number, ???)
          \twant: (collection: any<string, array[any], object[any: any], set[any]>)""",
          error("package test\np := count([1], 2)\n"));
      accepts("package test\np if count([1], 1)\n");
    }

    @Test
    void rejectsWrongArityForAFunction() {
      assertEquals("test-0.rego:3:6: rego_type_error: function data.test.f has arity 1, got 3 arguments",
          error("package test\nf(x) := x\np := f(1, 2, 3)\n"));
      assertEquals("test-0.rego:3:6: rego_type_error: function data.test.f has arity 2, got 1 argument",
          error("package test\nf(x, y) := x\np := f(1)\n"));
    }

    @Test
    void rejectsPrintUsedAsAValue() {
      assertEquals("test-0.rego:2:6: rego_type_error: print(1) used as value", error("package test\np := print(1)\n"));
      accepts("package test\np if print(1)\n");
    }
  }

  @Nested
  class References {
    @Test
    void rejectsAKeyAnObjectDoesNotHave() {
      assertEquals("""
          test-0.rego:2:33: rego_type_error: undefined ref: x.b
          \tx.b
          \t  ^
          \t  have: "b"
          \t  want (one of): ["a"]""", error("package test\np := y if { x := {\"a\": 1}; y := x.b }\n"));
      accepts("package test\np := y if { x := input.obj; y := x.b }\n");
    }

    @Test
    void rejectsAReferenceIntoAScalarRule() {
      assertEquals("""
          test-0.rego:3:6: rego_type_error: undefined ref: data.test.p.foo
          \tdata.test.p.foo
          \t^^^^^^^^^^^
          \thave: number""", error("package test\np := 1\nq := p.foo\n"));
      acceptsWithData("{\"base\": 1}", "package test\nq := data.base.foo\n");
    }

    @Test
    void rejectsAnIndexOfTheWrongType() {
      assertEquals("""
          test-0.rego:2:28: rego_type_error: undefined ref: x[i]
          \tx[i]
          \t  ^
          \t  have (type): string
          \t  want (type): number""", error("package test\np if { x := [1]; i := \"a\"; x[i] }\n"));
      accepts("package test\np if { x := [1]; i := input.i; x[i] }\n");
    }

    @Test
    void acceptsUnknownReferences() {
      accepts("package test\np := data.nowhere.x.y[0]\nq := input.a.b[_].c\n");
      accepts("package test\np contains x if some x in data.unknown[_]\n");
    }
  }

  @Nested
  class Closures {
    @Test
    void checksComprehensionBodies() {
      assertEquals("""
          test-0.rego:2:16: rego_type_error: upper: invalid argument(s)
          \thave: (number, ???)
          \twant: (x: string, y: string)""", error("package test\np := [x | x := upper(1)]\n"));
      accepts("package test\np := [x | x := upper(input.names[_])]\n");
    }

    @Test
    void leavesEveryBodiesToEvaluationAsOpaDoes() {
      accepts("package test\np if every x in [1, 2] { upper(x) }\n");
    }
  }

  @Nested
  class Queries {
    @Test
    void checksQueriesAgainstTheRules() {
      Policy p = compile("package test\np := 1\n");
      RegoException e = assertThrows(RegoException.class, () -> p.prepare("x := upper(data.test.p)"));
      assertEquals("1:6: rego_type_error: upper: invalid argument(s)\n\thave: (number, ???)\n\twant: (x: string, y: string)",
          e.first().describe());
      assertDoesNotThrow(() -> p.prepare("x := upper(input.name)"));
    }
  }

  @Nested
  class MalformedInput {
    @Test
    void typesDeeplyNestedTerms() {
      String nested = "[".repeat(40) + "1" + "]".repeat(40);
      String expected = "array<".repeat(40) + "number" + ">".repeat(40);
      assertEquals("test-0.rego:2:6: rego_type_error: upper: invalid argument(s)\n\thave: (" + expected
          + ", ???)\n\twant: (x: string, y: string)", error("package test\np := upper(" + nested + ")\n"));
      accepts("package test\np := count(" + nested + ")\n");
    }

    @Test
    void reportsEveryErrorInSourceOrder() {
      List<RegoError> errors = errors("package test\nq := lower(2)\np := upper(1)\n");
      assertEquals(List.of(2, 3), errors.stream().map(e -> e.location().line()).toList());
      errors.forEach(e -> assertEquals(RegoError.TYPE, e.code()));
    }
  }
}
