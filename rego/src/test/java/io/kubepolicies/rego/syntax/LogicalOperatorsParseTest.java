package io.kubepolicies.rego.syntax;

import static io.kubepolicies.rego.syntax.ParserTest.moduleError;
import static io.kubepolicies.rego.syntax.ParserTest.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubepolicies.rego.ast.Expr;
import io.kubepolicies.rego.ast.Location;
import io.kubepolicies.rego.ast.Or;
import io.kubepolicies.rego.ast.RegoVersion;
import io.kubepolicies.rego.ast.Rule;
import org.junit.jupiter.api.Test;

/** The experimental {@code and}/{@code or} keywords and {@code not} grouping (conformance topic logic_operators). */
class LogicalOperatorsParseTest {
  private static final String IMPORTS = "package p\nimport future.keywords.and\nimport future.keywords.or\n";

  /** The body of the only rule of a module with the and/or imports (plus {@code extra} imports). */
  private static String body(String extra, String rule) {
    Rule r = Parser.parseModule("m.rego", IMPORTS + extra + rule, RegoVersion.V1).rules().get(0);
    return AstText.of(r.body());
  }

  private static String body(String rule) {
    return body("", rule);
  }

  @Test
  void bindsAndTighterThanOr() {
    assertEquals("{or({input.a}, {input.b; input.c})}", body("p if { input.a or input.b and input.c }"));
    assertEquals("{or({input.a; input.b}, {input.c; input.d})}", body("p if { input.a and input.b or input.c and input.d }"));
    assertEquals("{or({input.a}, {input.b}, {input.c})}", body("p if { input.a or input.b or input.c }"));
  }

  @Test
  void bindsNotTighterThanAnd() {
    assertEquals("{or({not input.x}, {input.y})}", body("p if { not input.x or input.y }"));
    assertEquals("{or({not input.x; not input.y}, {input.z})}", body("p if { not input.x and not input.y or input.z }"));
  }

  @Test
  void splitsATopLevelConjunctionIntoExpressions() {
    assertEquals("{gt(input.x, 0); gt(input.y, 0)}", body("p if input.x > 0 and input.y > 0"));
    assertEquals("{input.a; input.b; input.c}", body("p if { input.a and input.b and input.c }"));
  }

  @Test
  void appliesATrailingWithToTheWholeExpression() {
    assertEquals("{gt(x, 0) with input as 1; gt(y, 0) with input as 1}", body("p if { x > 0 and y > 0 with input as 1 }"));
    assertEquals("{or({gt(x, 0)}, {gt(y, 0)}) with input as 1}", body("p if { x > 0 or y > 0 with input as 1 }"));
  }

  @Test
  void scopesWithInsideAGroupToThatGroup() {
    assertEquals("{lt(input.x, 2) with input.x as 1; equal(input.x, 5)}",
        body("p if { (input.x < 2 with input.x as 1) and input.x == 5 }"));
    assertEquals("{or({lt(input.x, 2) with input.x as 1}); equal(input.x, 5)}",
        body("p if { { input.x < 2 with input.x as 1 } and input.x == 5 }"));
  }

  @Test
  void rejectsWithOnASingleExpressionOperand() {
    assertEquals("m.rego:4:26 unexpected or keyword: expected \\n or ; or }",
        moduleError(IMPORTS + "p if { a with input as 1 or b }"));
  }

  @Test
  void groupsWithParentheses() {
    assertEquals("{or({input.a}, {input.b}); input.c}", body("p if { (input.a or input.b) and input.c }"));
    assertEquals("{input.a; or({input.b}, {input.c})}", body("p if { input.a and (input.b or input.c) }"));
    assertEquals("{or({input.a}, {input.b})}", body("p if { (((input.a or input.b))) }"));
    // An ordinary parenthesised term stays what it was.
    assertEquals("{equal(mul(plus(x, 1), 2), 4); y}", body("p if { (x + 1) * 2 == 4 and y }"));
  }

  @Test
  void makesExplicitBodiesScopesOfTheirOwn() {
    assertEquals("{or({assign(x, 1); gt(x, 0)}); equal(x, 1)}", body("p if { { x := 1; x > 0 } and x == 1 }"));
    assertEquals("{or({or({assign(a, 0); gt(a, 0)})}, {or({assign(a, 5); gt(a, 0)})})}",
        body("p if { { a := 0; a > 0 } or { a := 5; a > 0 } }"));
    assertEquals("{or({or({input.a}, {input.b})}); or({or({input.c}, {input.d})})}",
        body("p if { { input.a or input.b } and { input.c or input.d } }"));
  }

  @Test
  void tellsImplicitOperandsFromExplicitBodies() {
    Expr e = Parser.parseModule("m.rego", IMPORTS + "p if { x := 1 or { y := 2 } }", RegoVersion.V1).rules().get(0).body().get(0);
    Or or = (Or) e.statement();
    assertEquals(2, or.alternatives().size());
    assertEquals("{assign(x, 1)}", AstText.of(or.alternatives().get(0)));
    assertEquals("{or({assign(y, 2)})}", AstText.of(or.alternatives().get(1)));
    assertEquals(new Location("m.rego", 4, 8), or.location());
  }

  @Test
  void readsAnExplicitBodyRightAfterIf() {
    assertEquals("{or({input.a}, {input.b})}", body("p if { input.a or input.b }"));
    assertEquals("{or({input.a}); input.b}", body("p if { input.a } and input.b"));
  }

  @Test
  void worksInEveryBodyAndComprehensionAndRuleHead() {
    assertEquals("{every n in input.xs {or({lt(n, 0)}, {gt(n, 0)})}}", body("p if { every n in input.xs { n < 0 or n > 0 } }"));
    assertEquals("single_value p := [x | assign(x, input.xs[$0]); gt(x, 0); lt(x, 10)] :- {true}",
        rules(IMPORTS + "p := [x |\n  x := input.xs[_]\n  x > 0 and x < 10\n]").get(0));
    assertEquals("single_value p := \"ok\" :- {or({gt(x, 0)}, {gt(y, 0)})} else := \"no\" :- {true}",
        rules(IMPORTS + "p := \"ok\" if x > 0 or y > 0\n  else := \"no\"").get(0));
    assertEquals("function f(n) = true :- {gt(n, 0); lt(n, 10)}", rules(IMPORTS + "f(n) if n > 0 and n < 10").get(0));
  }

  @Test
  void continuesAfterAnOperatorAtTheEndOfALine() {
    assertEquals("{or({equal(input.user, \"admin\")}, {internal.member_2(input.user, groups)})}",
        body("allow if input.user == \"admin\" or\n    input.user in groups"));
  }

  @Test
  void groupsNegationWithTheNotImport() {
    String not = "import future.keywords.not\n";
    assertEquals("{not or({input.a}, {input.b})}", body(not, "p if { not (input.a or input.b) }"));
    assertEquals("{not or({input.x; not input.y})}", body(not, "p if { not {input.x and not input.y} }"));
    assertEquals("{not or({assign(l, input.l); equal(l, 1)})}", body(not, "p if { not { l := input.l; l == 1 } }"));
    assertEquals("{not equal(plus(a, b), c)}", body(not, "p if { not (a + b) == c }"));
  }

  @Test
  void refusesNegatedGroupsWithoutTheNotImport() {
    assertEquals("m.rego:4:15 non-terminated expression", moduleError(IMPORTS + "p if { not (a or b) }"));
  }

  @Test
  void parsesNotGroupsWithOnlyTheNotImport() {
    assertEquals(java.util.List.of("single_value p = true :- {not or({x; y})}"),
        rules("package p\nimport future.keywords.not\np if { not { x; y } }"));
  }

  @Test
  void leavesAndAndOrOrdinaryNamesWithoutTheirImports() {
    assertEquals(java.util.List.of("single_value and := 1 :- {true}", "single_value p = true :- {equal(or, and)}"),
        rules("package p\nand := 1\np if { or == and }"));
    assertEquals("m.rego:2:10 unexpected identifier token: expected \\n or ; or }", moduleError("package p\np if { a and b }"));
  }

  @Test
  void doesNotEnableAndOrThroughRegoV1() {
    assertEquals("m.rego:3:10 unexpected identifier token: expected \\n or ; or }",
        moduleError("package p\nimport rego.v1\np if { a or b }"));
  }

  @Test
  void enablesEverythingWithTheBareFutureImport() {
    assertEquals(java.util.List.of("single_value p = true :- {not or({a}, {b; c})}"),
        rules("package p\nimport future.keywords\np if { not (a or b and c) }"));
  }
}
