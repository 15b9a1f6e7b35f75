package io.kubepolicies.rego.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.RegoException;
import io.kubepolicies.rego.ast.Call;
import io.kubepolicies.rego.ast.Every;
import io.kubepolicies.rego.ast.Expr;
import io.kubepolicies.rego.ast.Import;
import io.kubepolicies.rego.ast.Location;
import io.kubepolicies.rego.ast.Module;
import io.kubepolicies.rego.ast.Ref;
import io.kubepolicies.rego.ast.RegoVersion;
import io.kubepolicies.rego.ast.Rule;
import io.kubepolicies.rego.ast.RuleKind;
import io.kubepolicies.rego.ast.Scalar;
import io.kubepolicies.rego.ast.SomeDecl;
import io.kubepolicies.rego.ast.TermStatement;
import io.kubepolicies.rego.ast.Var;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.StringValue;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ParserTest {

  static String term(String src) {
    return AstText.of(Parser.parseTerm(src));
  }

  static String query(String src) {
    return AstText.exprs(Parser.parseQuery(src));
  }

  static List<String> rules(String module) {
    return rules(module, RegoVersion.V1);
  }

  static List<String> rules(String module, RegoVersion version) {
    return Parser.parseModule("m.rego", module, version).rules().stream().map(AstText::of).toList();
  }

  static String rule(String ruleText) {
    List<String> rules = rules("package p\n" + ruleText);
    assertEquals(1, rules.size(), () -> "one rule expected: " + rules);
    return rules.get(0);
  }

  static String ruleV0(String ruleText) {
    List<String> rules = rules("package p\n" + ruleText, RegoVersion.V0);
    assertEquals(1, rules.size(), () -> "one rule expected: " + rules);
    return rules.get(0);
  }

  /** The parse error as {@code file:line:col message}, asserting it is a parse error. */
  static String error(Executable parse) {
    RegoException e = assertThrows(RegoException.class, parse);
    RegoError error = e.first();
    assertEquals(RegoError.PARSE, error.code());
    return error.location() + " " + error.message();
  }

  static String moduleError(String module) {
    return error(() -> Parser.parseModule("m.rego", module, RegoVersion.V1));
  }

  static String moduleErrorV0(String module) {
    return error(() -> Parser.parseModule("m.rego", module, RegoVersion.V0));
  }

  @Nested
  class Scalars {
    @Test
    void parsesNumbersExactly() {
      assertEquals(NumberValue.parse("1.10"), ((Scalar) Parser.parseTerm("1.10")).value());
      assertEquals(NumberValue.parse("18446744073709551616"), ((Scalar) Parser.parseTerm("18446744073709551616")).value());
      assertEquals(NumberValue.parse("0.1"), ((Scalar) Parser.parseTerm(".1")).value());
      assertEquals(NumberValue.parse("-0.5"), ((Scalar) Parser.parseTerm("-.5")).value());
      assertEquals(NumberValue.parse("-2500"), ((Scalar) Parser.parseTerm("-2.5e3")).value());
      assertEquals(NumberValue.parse("0.001"), ((Scalar) Parser.parseTerm("1E-3")).value());
      assertEquals(NumberValue.parse("0"), ((Scalar) Parser.parseTerm("0e5")).value());
      assertEquals("-1", term("- 1"));
    }

    @Test
    void rejectsLeadingZerosAndHugeExponents() {
      assertEquals("1:1 unexpected number token: expected number without leading zero", error(() -> Parser.parseTerm("01")));
      assertEquals("1:2 unexpected number token: expected number without leading zero", error(() -> Parser.parseTerm("-007")));
      assertEquals("1:1 number too big", error(() -> Parser.parseTerm("1e999999")));
      assertEquals("1:1 number too big", error(() -> Parser.parseTerm("1e-999999")));
      assertEquals("1:1 number too big", error(() -> Parser.parseTerm("1e99999999999999999999")));
      assertEquals("1:2 unexpected identifier token: expected number", error(() -> Parser.parseTerm("-x")));
    }

    @Test
    void parsesStringsBooleansAndNull() {
      assertEquals("[\"a\\nb\", \"raw\\\\n\", true, false, null]", term("[\"a\\nb\", `raw\\n`, true, false, null]"));
    }
  }

  @Nested
  class VariablesAndReferences {
    @Test
    void givesEachWildcardItsOwnName() {
      assertEquals("[$0, $1, x[$2]]", term("[_, _, x[_]]"));
    }

    @Test
    void parsesDotsAndBrackets() {
      assertEquals("a.b[c][\"d e\"][1][plus(x, 1)]", term("a.b[c][\"d e\"][1][x + 1]"));
      assertEquals("input.spec.containers[$0].image", term("input.spec.containers[_].image"));
    }

    @Test
    void makesRootDocumentsReferences() {
      assertInstanceOf(Ref.class, Parser.parseTerm("input"));
      assertInstanceOf(Ref.class, Parser.parseTerm("data"));
      assertInstanceOf(Var.class, Parser.parseTerm("x"));
    }

    @Test
    void allowsCompositesAndCallsAsReferenceHeads() {
      assertEquals("[1, 2][0]", term("[1, 2][0]"));
      assertEquals("{\"a\": 1}.a", term("{\"a\": 1}.a"));
      assertEquals("f(x).y[1]", term("f(x).y[1]"));
      assertEquals("[x | eq(x, 1)][0]", term("[x | x = 1][0]"));
    }

    @Test
    void endsAReferenceAtWhitespace() {
      assertEquals("a; [1]", query("a\n[1]"));
      assertEquals("f; 1", query("f\n(1)"));
      assertEquals("1:3 unexpected [ token: expected \\n or ; or eof", error(() -> Parser.parseQuery("a [1]")));
    }

    @Test
    void acceptsKeywordsAsReferenceParts() {
      assertEquals("foo.in.contains.if.else.true.null", term("foo.in.contains.if.else.true.null"));
      assertEquals("in.foo", term("in.foo"));
      assertEquals("true.x", term("true.x"));
      assertEquals("not[1]", term("not[1]"));
    }

    @Test
    void rejectsIllegalReferenceHeads() {
      assertEquals("1:1 illegal ref (head cannot be string)", error(() -> Parser.parseTerm("\"a\".b")));
      assertEquals("1:1 illegal ref (head cannot be number)", error(() -> Parser.parseTerm("1[0]")));
      assertEquals("1:2 illegal ref (head cannot be ref)", error(() -> Parser.parseTerm("(a.b).c")));
      assertEquals("1:3 unexpected number token: expected ident", error(() -> Parser.parseTerm("a.1")));
      assertEquals("1:3 unexpected eof token: expected ident", error(() -> Parser.parseTerm("a.")));
      assertEquals("1:4 unexpected eof token: expected ]", error(() -> Parser.parseTerm("a[1")));
    }

    @Test
    void refusesMisplacedKeywords() {
      assertEquals("1:1 unexpected if keyword", error(() -> Parser.parseTerm("if")));
      assertEquals("1:6 unexpected with keyword", error(() -> Parser.parseQuery("x := with")));
    }

    @Test
    void treatsContainsAsTheBuiltInOutsideRuleHeads() {
      assertEquals("contains(\"abc\", \"b\")", query("contains(\"abc\", \"b\")"));
    }
  }

  @Nested
  class CallsAndOperators {
    @Test
    void parsesCallsOfBuiltInsAndFunctions() {
      assertEquals("[count(x)]", term("[count(x)]"));
      assertEquals("data.lib.f(1, [2])", query("data.lib.f(1, [2])"));
      assertEquals("x.y.f(z)", query("x.y.f(z)"));
      assertEquals("f()", query("f()"));
      assertEquals("f(1, 2)", query("f(1, 2,)"));
    }

    @Test
    void readsSetWithoutArgumentsAsTheEmptySet() {
      assertEquals("set()", term("set()"));
      assertEquals("[set(), set(1)]", term("[set(), set(1)]"));
    }

    @Test
    void desugarsInfixOperatorsWithOpaPrecedence() {
      assertEquals("minus(plus(1, mul(2, 3)), rem(div(4, 5), 6))", query("1 + 2 * 3 - 4 / 5 % 6"));
      assertEquals("or(a, and(b, c))", query("a | b & c"));
      assertEquals("equal(a, plus(b, 1))", query("a == b + 1"));
      assertEquals("neq(a, b)", query("a != b"));
      assertEquals("lte(lt(a, b), c)", query("a < b <= c"));
      assertEquals("gte(gt(a, b), c)", query("a > b >= c"));
      assertEquals("equal(or(a, b), c)", query("a | b == c"));
    }

    @Test
    void associatesOperatorsToTheLeft() {
      assertEquals("minus(minus(1, 2), 3)", query("1 - 2 - 3"));
      assertEquals("div(div(8, 4), 2)", query("8 / 4 / 2"));
    }

    @Test
    void groupsWithParentheses() {
      assertEquals("mul(plus(1, 2), 3)", query("(1 + 2) * 3"));
      assertEquals("1:7 non-terminated expression", error(() -> Parser.parseQuery("(1 + 2")));
    }

    @Test
    void bindsMembershipLoosest() {
      assertEquals("internal.member_2(x, xs)", query("x in xs"));
      assertEquals("internal.member_2(x, equal(xs, ys))", query("x in xs == ys"));
      assertEquals("internal.member_3(k, v, xs)", query("k, v in xs"));
      assertEquals("internal.member_2(internal.member_2(x, xs), ys)", query("x in xs in ys"));
      assertEquals("[a, internal.member_2(b, c)]", term("[a, b in c]"));
    }

    @Test
    void assignsAndUnifiesAtTheTopOfAnExpression() {
      assertEquals("assign(x, plus(1, 2))", query("x := 1 + 2"));
      assertEquals("eq([x, y], [1, 2])", query("[x, y] = [1, 2]"));
      assertEquals("assign(x, internal.member_3(k, v, xs))", query("x := k, v in xs"));
      assertEquals("1:7 unexpected eq token: expected \\n or ; or eof", error(() -> Parser.parseQuery("x = y = z")));
    }

    @Test
    void continuesAnExpressionAfterAnOperatorOnTheNextLine() {
      assertEquals("assign(x, plus(1, 2)); y", query("x := 1 +\n  2\ny"));
      assertEquals("assign(x, [1, 2])", query("x := [\n  1,\n  2,\n]"));
    }
  }

  @Nested
  class Composites {
    @Test
    void tellsSetsFromObjects() {
      assertEquals("{}", term("{}"));
      assertEquals("{1, 2}", term("{1, 2}"));
      assertEquals("{\"a\": 1, 2: [3]}", term("{\"a\": 1, 2: [3],}"));
      assertEquals("{plus(1, 1)}", term("{1 + 1}"));
      assertEquals("{plus(k, 1): v}", term("{k + 1: v}"));
      assertEquals("{\"a\": {\"b\"}}", term("{\"a\": {\"b\"}}"));
    }

    @Test
    void acceptsALeadingCommaLikeOpa() {
      assertEquals("[1, 2]", term("[, 1, 2]"));
      assertEquals("{or(x, y)}", term("{, x | y}"));
    }

    @Test
    void parsesComprehensions() {
      assertEquals("[x | internal.member_2(x, xs); gt(x, 1)]", term("[x | x in xs; x > 1]"));
      assertEquals("{x | eq(x, 1)}", term("{x | x = 1}"));
      assertEquals("{k: v | eq(k, 1); eq(v, 2)}", term("{k: v |\n  k = 1\n  v = 2\n}"));
      assertEquals("[f(x) | some x]", term("[f(x) | some x]"));
    }

    @Test
    void readsABarThatCannotStartABodyAsTheUnionOperator() {
      assertEquals("[or(a, b), c]", term("[a | b, c]"));
      assertEquals("{or(a, b), c}", term("{a | b, c}"));
      assertEquals("[or(plus(x, 1), y)]", term("[x + 1 | y]"));
    }

    @Test
    void rejectsUnterminatedComposites() {
      assertEquals("1:6 unexpected eof token: expected \",\" or \"]\"", error(() -> Parser.parseTerm("[1, 2")));
      assertEquals("1:7 unexpected number token: expected \",\" or \"}\"", error(() -> Parser.parseTerm("{1, 2 3}")));
      assertEquals("1:14 unexpected number token: expected \":\"", error(() -> Parser.parseTerm("{\"a\": 1, \"b\" 2}")));
      assertEquals("1:4 unexpected number token: non-terminated set", error(() -> Parser.parseTerm("{1 2}")));
      assertEquals("1:9 unexpected number token: non-terminated object", error(() -> Parser.parseTerm("{\"a\": 1 2}")));
      assertEquals("1:6 found empty body", error(() -> Parser.parseTerm("[x | ]")));
    }
  }

  @Nested
  class TemplateStrings {
    @Test
    void splitsTextAndExpressions() {
      assertEquals("$\"{\"sum: \"}{plus(1, a)}\"", term("$\"sum: {1 + a}\""));
      assertEquals("$\"{\"<\"}{x}{\">\"}\"", term("$`<{x}>`"));
      assertEquals("$\"\"", term("$\"\""));
      assertEquals("$\"{{42}}\"", term("$\"{{42}}\""));
      assertEquals("$\"{\"{\"}{42}\"", term("$\"\\{{42}\""));
    }

    @Test
    void nestsTemplatesAndComprehensions() {
      assertEquals("$\"{$\"{a}\"}{\" \"}{[x | internal.member_2(x, a)]}\"", term("$\"{$\"{a}\"} {[x | x in a]}\""));
    }

    @Test
    void keepsWithModifiersOfAnExpression() {
      assertEquals("$\"{\"foo \"}{a with input as {\"a\": 42}}\"", term("$\"foo {a with input as {\"a\" : 42}}\""));
    }

    @Test
    void rejectsStatementsInsideTemplates() {
      assertEquals("1:4 unexpected assignment (':=') in template-string expression", error(() -> Parser.parseTerm("$\"{x := 1}\"")));
      assertEquals("1:4 unexpected unification ('=') in template-string expression", error(() -> Parser.parseTerm("$\"{x = 1}\"")));
      assertEquals("1:4 unexpected negation ('not') in template-string expression", error(() -> Parser.parseTerm("$\"{not x}\"")));
      assertEquals("1:4 unexpected 'some' in template-string expression", error(() -> Parser.parseTerm("$\"{some x}\"")));
      assertEquals("1:4 empty expression in template string", error(() -> Parser.parseTerm("$\"{}\"")));
      assertEquals("1:6 expected } to end template string expression", error(() -> Parser.parseTerm("$\"{a b}\"")));
    }
  }

  @Nested
  class Expressions {
    @Test
    void separatesExpressionsBySemicolonsAndLineBreaks() {
      assertEquals("assign(x, 1); eq(y, 2); z", query("x := 1; y = 2\n  z"));
      assertEquals("1:3 unexpected identifier token: expected \\n or ; or eof", error(() -> Parser.parseQuery("x y")));
    }

    @Test
    void negates() {
      Expr e = Parser.parseQuery("not x == 1").get(0);
      assertTrue(e.negated());
      assertEquals("equal(x, 1)", AstText.of(e.statement()));
      assertEquals("not.x", query("not.x"));
    }

    @Test
    void parsesWithModifiers() {
      assertEquals("f(x) with input as {\"a\": 1} with data.y as 2 with count as mock",
          query("f(x) with input as {\"a\": 1}\n    with data.y as 2 with count as mock"));
      assertEquals("1:8 unexpected number token: expected ident", error(() -> Parser.parseQuery("x with 1 as 2")));
      assertEquals("1:15 unexpected eof token: expected as keyword", error(() -> Parser.parseQuery("x with input.a")));
    }

    @Test
    void declaresVariablesWithSome() {
      Expr e = Parser.parseQuery("some x, _, y").get(0);
      SomeDecl decl = (SomeDecl) e.statement();
      assertEquals(List.of("x", "$0", "y"), decl.symbols().stream().map(AstText::of).toList());
      assertEquals("some internal.member_2(x, xs)", query("some x in xs"));
      assertEquals("some internal.member_3(k, v, xs) with input as 1", query("some k, v in xs with input as 1"));
      assertEquals("1:6 unexpected number token: expected var", error(() -> Parser.parseQuery("some 1")));
      assertEquals("1:12 unexpected eof token: expected `x in xs` or `x, y in xs` expression",
          error(() -> Parser.parseQuery("some x == y")));
      assertEquals("1:5 unexpected some keyword: illegal negation of 'some'", error(() -> Parser.parseQuery("not some x")));
    }

    @Test
    void quantifiesWithEvery() {
      Every every = (Every) Parser.parseQuery("every k, v in xs { v > k }").get(0).statement();
      assertEquals("k", AstText.of(every.key()));
      assertEquals("v", AstText.of(every.value()));
      assertEquals("xs", AstText.of(every.domain()));
      assertEquals("{gt(v, k)}", AstText.of(every.body()));
      assertEquals("every x in [1] {true}", query("every x in [1] { true }"));
      assertNull(((Every) Parser.parseQuery("every x in xs { x }").get(0).statement()).key());
      assertEquals("1:14 unexpected eof token: missing body", error(() -> Parser.parseQuery("every x in xs")));
      assertEquals("1:8 unexpected eof token: expected `x[, y] in xs { ... }` expression", error(() -> Parser.parseQuery("every x")));
      assertEquals("1:17 unexpected { token: expected value to be a variable", error(() -> Parser.parseQuery("every x, 1 in y { true }")));
      assertEquals("1:17 unexpected { token: expected key to be a variable", error(() -> Parser.parseQuery("every 1, x in y { true }")));
      assertEquals("1:16 found empty body", error(() -> Parser.parseQuery("every x in xs {}")));
      assertEquals("1:5 unexpected every keyword: illegal negation of 'every'", error(() -> Parser.parseQuery("not every x in y { x }")));
    }

    @Test
    void rejectsEmptyAndTruncatedQueries() {
      assertEquals("1:1 empty query", error(() -> Parser.parseQuery("")));
      assertEquals("2:1 empty query", error(() -> Parser.parseQuery("  # only a comment\n")));
      assertEquals("1:8 unexpected eof token", error(() -> Parser.parseQuery("x := 1;")));
      assertEquals("1:6 unexpected eof token", error(() -> Parser.parseQuery("x := ")));
    }

    @Test
    void parsesSingleTermsOnly() {
      assertEquals("1:1 expected a term but got a call", error(() -> Parser.parseTerm("1 + 2")));
      assertEquals("1:3 unexpected eq token: expected end of term", error(() -> Parser.parseTerm("x = 1")));
      assertEquals("1:2 empty term", error(() -> Parser.parseTerm(" ")));
    }
  }

  @Nested
  class Modules {
    @Test
    void parsesPackagesUnderData() {
      Module m = Parser.parseModule("m.rego", "package a.b[\"c\"].contains", RegoVersion.V1);
      assertEquals("data.a.b.c.contains", AstText.of(m.pkg().path()));
      assertEquals(new Location("m.rego", 1, 1), m.pkg().location());
      assertEquals(new Location("m.rego", 1, 9), m.pkg().path().location());
      assertEquals("data.in", AstText.of(Parser.parseModule("m.rego", "package in", RegoVersion.V1).pkg().path()));
      assertEquals(List.of(), m.rules());
    }

    @Test
    void requiresOnePackageFirst() {
      assertEquals("m.rego:1:1 empty module", moduleError(""));
      assertEquals("m.rego:1:1 empty module", moduleError("# nothing\n"));
      assertEquals("m.rego:1:1 package expected", moduleError("p := 1"));
      assertEquals("m.rego:2:1 unexpected package", moduleError("package a\npackage b"));
      assertEquals("m.rego:1:11 unexpected var token: expecting string", moduleError("package a[x]"));
      assertEquals("m.rego:1:8 unexpected eof token", moduleError("package"));
    }

    @Test
    void parsesImports() {
      Module m = Parser.parseModule("m.rego",
          "package p\nimport data.lib.util as u\nimport input.request\nimport data.x[\"y\"]\nimport future.keywords.in\nimport rego.v1",
          RegoVersion.V1);
      List<Import> imports = m.imports();
      assertEquals(5, imports.size());
      assertEquals("data.lib.util", AstText.of(imports.get(0).path()));
      assertEquals("u", imports.get(0).alias());
      assertNull(imports.get(1).alias());
      assertEquals("data.x.y", AstText.of(imports.get(2).path()));
      assertEquals(new Location("m.rego", 2, 1), imports.get(0).location());
    }

    @Test
    void rejectsBadImports() {
      assertEquals("m.rego:2:8 unexpected import path, must begin with one of: {data, future, input, rego}, got: foo",
          moduleError("package p\nimport foo.bar"));
      assertEquals("m.rego:2:17 unexpected import path, must not end with a keyword, got: in"
          + " (hint: import a different path or use an alias)", moduleError("package p\nimport data.foo.in"));
      assertEquals("m.rego:2:8 invalid import, must be `future.keywords`", moduleError("package p\nimport future.stuff"));
      assertEquals("m.rego:2:8 unexpected keyword, must be one of [and contains every if in not or]",
          moduleError("package p\nimport future.keywords.foo"));
      assertEquals("m.rego:2:8 `future` imports cannot be aliased", moduleError("package p\nimport future.keywords as k"));
      assertEquals("m.rego:2:8 invalid import `rego.v2`, must be `rego.v1`", moduleError("package p\nimport rego.v2"));
      assertEquals("m.rego:2:8 `rego` imports cannot be aliased", moduleErrorV0("package p\nimport rego.v1 as v"));
      assertEquals("m.rego:2:18 unexpected if keyword: expected var", moduleError("package p\nimport data.x as if"));
      assertEquals("m.rego:2:15 unexpected var token: expecting string", moduleError("package p\nimport data.x[y]"));
    }

    @Test
    void allowsAnImportPathEndingInAKeywordWhenAliasedOrInV0() {
      assertEquals("data.foo.in", AstText.of(Parser.parseModule("m.rego", "package p\nimport data.foo.in as x",
          RegoVersion.V1).imports().get(0).path()));
      assertEquals("data.foo.in", AstText.of(Parser.parseModule("m.rego", "package p\nimport data.foo.in",
          RegoVersion.V0).imports().get(0).path()));
    }

    @Test
    void acceptsStatementsWithoutSeparatorsLikeOpa() {
      assertEquals(List.of("single_value p := 1 :- {true}", "single_value q := 2 :- {true}"), rules("package a\np := 1 q := 2"));
    }

    @Test
    void marksV0ModulesImportingRegoV1AsV1() {
      assertEquals(RegoVersion.V1, Parser.parseModule("m.rego", "package p\nimport rego.v1\np if true", RegoVersion.V0).version());
      assertEquals(RegoVersion.V0, Parser.parseModule("m.rego", "package p\np { true }", RegoVersion.V0).version());
    }
  }

  @Nested
  class RulesV1 {
    @Test
    void parsesCompleteRules() {
      assertEquals("single_value p := 1 :- {true}", rule("p := 1"));
      assertEquals("single_value p = 1 :- {true}", rule("p = 1"));
      assertEquals("single_value p = true :- {gt(x, 1)}", rule("p if x > 1"));
      assertEquals("single_value p = true :- {gt(x, 1); lt(x, 5)}", rule("p if {\n  x > 1\n  x < 5\n}"));
      assertEquals("single_value p := [1] :- {x}", rule("p := [1] if { x }"));
      assertEquals("single_value p = 1 :- {x}", rule("p = 1 if x"));
    }

    @Test
    void readsBracesAfterIfAsAnExpressionUnlessTheyHoldASet() {
      assertEquals("single_value p = true :- {{}}", rule("p if {}"));
      assertEquals("single_value p = true :- {{\"a\": 1}}", rule("p if {\"a\": 1}"));
      assertEquals("single_value p = true :- {true}", rule("p if { true }"));
      assertEquals("single_value p = true :- {{x | eq(x, 1)}}", rule("p if {x | x = 1}"));
    }

    @Test
    void parsesMultiValueRules() {
      assertEquals("multi_value p key=x :- {internal.member_2(x, input)}", rule("p contains x if { x in input }"));
      assertEquals("multi_value p key=\"a\" :- {true}", rule("p contains \"a\""));
      assertEquals("multi_value a.b[c] key=plus(x, 1) :- {eq(c, x)}", rule("a.b[c] contains x + 1 if c = x"));
    }

    @Test
    void parsesRefHeadRules() {
      assertEquals("single_value p.q.r := 1 :- {true}", rule("p.q.r := 1"));
      assertEquals("single_value p[x] := y :- {eq(x, 1); eq(y, 2)}", rule("p[x] := y if { x = 1; y = 2 }"));
      assertEquals("single_value p[x] = true :- {eq(x, 1)}", rule("p[x] if x = 1"));
      assertEquals("single_value a.b[c].d := 1 :- {eq(c, 1)}", rule("a.b[c].d := 1 if c = 1"));
    }

    @Test
    void parsesFunctions() {
      assertEquals("function f(x, $0) := plus(x, 1) :- {true}", rule("f(x, _) := x + 1"));
      assertEquals("function f(x) = true :- {gt(x, 1)}", rule("f(x) if x > 1"));
      assertEquals("function a.b.f([x, y]) := x :- {y}", rule("a.b.f([x, y]) := x if { y }"));
      assertEquals("function f(\"a\", 1) := 2 :- {true}", rule("f(\"a\", 1) := 2"));
      Rule f = Parser.parseModule("m.rego", "package p\nf(x) := x", RegoVersion.V1).rules().get(0);
      assertEquals(RuleKind.FUNCTION, f.head().kind());
      assertTrue(f.head().assign());
    }

    @Test
    void parsesDefaults() {
      assertEquals("default single_value p := false :- {true}", rule("default p := false"));
      assertEquals("default function f($0, x) := {\"a\": [1]} :- {true}", rule("default f(_, x) := {\"a\": [1]}"));
      assertEquals("default single_value p = [x | eq(x, 1)] :- {true}", rule("default p = [x | x = 1]"));
      assertEquals("m.rego:2:1 illegal default rule (must have a value)", moduleError("package p\ndefault p"));
      assertEquals("m.rego:2:1 illegal default rule (value cannot contain var)", moduleError("package p\ndefault p := x"));
      assertEquals("m.rego:2:1 illegal default rule (value cannot contain ref)", moduleError("package p\ndefault p := [input.x]"));
      assertEquals("m.rego:2:1 illegal default rule (value cannot contain call)", moduleError("package p\ndefault p := count([])"));
      assertEquals("m.rego:2:1 illegal default rule (arguments cannot contain number)", moduleError("package p\ndefault f(1) := 1"));
      assertEquals("m.rego:2:1 illegal default rule (arguments cannot be repeated x)", moduleError("package p\ndefault f(x, x) := 1"));
    }

    @Test
    void parsesElseChains() {
      assertEquals("single_value p := 1 :- {a} else := 2 :- {b} else = true :- {c} else := 3 :- {true}",
          rule("p := 1 if { a } else := 2 if { b } else if c else := 3"));
      assertEquals("function f(x) := 1 :- {x} else := 2 :- {true}", rule("f(x) := 1 if x\nelse := 2"));
      Rule r = Parser.parseModule("m.rego", "package p\nf(_) := 1 if { true } else := 2 if { true }", RegoVersion.V1).rules().get(0);
      assertEquals("$0", AstText.of(r.head().args().get(0)));
      assertEquals("$1", AstText.of(r.elseRule().head().args().get(0)));
      assertEquals(RuleKind.FUNCTION, r.elseRule().head().kind());
      assertEquals(new Location("m.rego", 2, 23), r.elseRule().location());
    }

    @Test
    void rejectsElseWhereOpaDoes() {
      assertEquals("m.rego:2:24 else keyword cannot be used on rules with variables in head",
          moduleError("package p\np[x] := 1 if { x = 1 } else := 2"));
      assertEquals("m.rego:2:26 else keyword cannot be used on multi-value rules",
          moduleError("package p\np contains 1 if { true } else := 2"));
      assertEquals("m.rego:2:22 unexpected number token: expected else value term or rule body",
          moduleError("package p\np := 1 if { x } else 2"));
      assertEquals("m.rego:2:24 unexpected eof token: rule body expected", moduleError("package p\np := 1 if { x } else if"));
    }

    @Test
    void requiresV1KeywordsInV1() {
      assertEquals("m.rego:2:1 `if` keyword is required before rule body", moduleError("package p\np { true }"));
      assertEquals("m.rego:2:1 `if` keyword is required before rule body", moduleError("package p\np[x] { x = 1 }"));
      assertEquals("m.rego:2:1 `if` keyword is required before function body", moduleError("package p\nf(x) = 1 { x }"));
      assertEquals("m.rego:2:1 `contains` keyword is required for partial set rules", moduleError("package p\np[x]"));
      assertEquals("m.rego:2:1 rule must have value assignment and/or body declaration", moduleError("package p\na.b.c"));
      assertEquals("m.rego:2:1 var cannot be used for rule name", moduleError("package p\np"));
      assertEquals("m.rego:2:6 unexpected contains keyword: the contains keyword can only be used with multi-value"
          + " rule definitions (e.g., f contains <VALUE> { ... })", moduleError("package p\nf(x) contains 1"));
    }

    @Test
    void acceptsKeywordsAsRuleReferenceParts() {
      assertEquals(List.of("single_value in.foo := 1 :- {true}", "single_value foo.contains := 2 :- {true}",
          "multi_value as.bar key=3 :- {true}", "function not.f(x) := x :- {true}", "single_value else.x := 1 :- {true}"),
          rules("package p\nin.foo := 1\nfoo.contains := 2\nas.bar contains 3\nnot.f(x) := x\nelse.x := 1"));
      assertEquals("default single_value default.x := 1 :- {true}", rule("default default.x := 1"));
      assertEquals("m.rego:2:1 unexpected in keyword", moduleError("package p\nin := 1"));
    }

    @Test
    void rejectsOperatorsGluedToTheHead() {
      assertEquals("m.rego:2:2 unexpected plus token", moduleError("package p\np+1"));
      assertEquals("m.rego:2:3 unexpected gt token", moduleError("package p\np > 1"));
    }
  }

  @Nested
  class RulesV0 {
    @Test
    void parsesPartialSetsAndObjects() {
      assertEquals("multi_value deny key=msg :- {eq(msg, \"no\")}", ruleV0("deny[msg] { msg = \"no\" }"));
      assertEquals("single_value p[k] = v :- {eq(k, 1); eq(v, 2)}", ruleV0("p[k] = v { k = 1; v = 2 }"));
      assertEquals("multi_value u key=1 :- {true}", ruleV0("u[1]"));
      assertEquals("multi_value a key=\"b\" :- {true}", ruleV0("a.b { true }"));
    }

    @Test
    void parsesRulesWithoutIf() {
      assertEquals("single_value p = true :- {gt(x, 1)}", ruleV0("p { x > 1 }"));
      assertEquals("single_value p = 1 :- {x} else = 2 :- {y} else = 3 :- {true}", ruleV0("p = 1 { x } else = 2 { y } else = 3"));
      assertEquals("single_value p = true :- {x} else = 2 :- {y}", ruleV0("p { x } else = 2 { y }"));
      assertEquals("single_value p = 1 :- {x} else = true :- {y}", ruleV0("p = 1 { x } else { y }"));
      assertEquals("function f(x) = plus(x, 1) :- {true}", ruleV0("f(x) = x + 1"));
      assertEquals("single_value a.b.c = true :- {true}", ruleV0("a.b.c"));
    }

    @Test
    void splitsChainedBodiesIntoRulesSharingTheHead() {
      List<Rule> rules = Parser.parseModule("m.rego", "package p\nf(_) { x }\n{ y }", RegoVersion.V0).rules();
      assertEquals(2, rules.size());
      assertEquals("function f($0) = true :- {x}", AstText.of(rules.get(0)));
      assertEquals("function f($1) = true :- {y}", AstText.of(rules.get(1)));
      assertEquals(new Location("m.rego", 3, 1), rules.get(1).location());
      assertEquals("m.rego:2:20 expected else keyword", moduleErrorV0("package p\np { x } else { y } { z }"));
    }

    @Test
    void treatsFutureKeywordsAsNamesUntilImported() {
      assertEquals(List.of("function contains(x) = true :- {x}", "single_value if = 1 :- {true}"),
          rules("package p\ncontains(x) { x }\nif = 1", RegoVersion.V0));
      assertEquals("multi_value p key=x :- {internal.member_2(x, [1])}",
          rules("package p\nimport future.keywords.in\np[x] { x in [1] }", RegoVersion.V0).get(0));
      assertEquals("single_value p = true :- {every x in [1] {x}}",
          rules("package p\nimport future.keywords.every\np { every x in [1] { x } }", RegoVersion.V0).get(0));
      assertEquals("multi_value p key=1 :- {true}",
          rules("package p\nimport future.keywords\np contains 1 if { true }", RegoVersion.V0).get(0));
    }

    @Test
    void appliesV1RulesAfterImportingRegoV1() {
      assertEquals("m.rego:3:1 `if` keyword is required before rule body", moduleErrorV0("package p\nimport rego.v1\np { true }"));
      assertEquals("multi_value p key=1 :- {true}", rules("package p\nimport rego.v1\np contains 1 if true", RegoVersion.V0).get(0));
    }

    @Test
    void hintsAtMissingFutureImports() {
      assertEquals("m.rego:2:3 unexpected identifier token: if is no keyword here (hint: `import future.keywords.if`"
          + " or `import rego.v1` for `if` in rule heads)", moduleErrorV0("package p\np if { true }"));
      assertEquals("m.rego:2:12 unexpected identifier token: in is no keyword here"
          + " (hint: `import future.keywords.in` for `some x in xs` expressions)", moduleErrorV0("package p\np { some x in [1] }"));
      assertEquals("m.rego:2:11 unexpected identifier token: expected \\n or ; or }"
          + " (hint: `import future.keywords.every` for `every x in xs { ... }` expressions)",
          moduleErrorV0("package p\np { every x in [1] { x } }"));
    }
  }

  @Nested
  class Locations {
    @Test
    void locatesEveryNode() {
      Module m = Parser.parseModule("loc.rego", "package p\n\n# c\ndefault q := 1\nr if {\n  x := count([1])\n}\n",
          RegoVersion.V1);
      Rule q = m.rules().get(0);
      assertEquals(new Location("loc.rego", 4, 1), q.location());
      assertEquals(new Location("loc.rego", 4, 9), q.head().location());
      assertEquals(new Location("loc.rego", 4, 14), q.head().value().location());
      Rule r = m.rules().get(1);
      Expr e = r.body().get(0);
      assertEquals(new Location("loc.rego", 6, 3), e.location());
      assertEquals(new Location("loc.rego", 6, 3), r.body().location());
      Call assign = (Call) ((TermStatement) e.statement()).term();
      assertEquals(new Location("loc.rego", 6, 5), assign.operator().location());
      Call count = (Call) assign.args().get(1);
      assertEquals(new Location("loc.rego", 6, 8), count.location());
      assertEquals(new Location("loc.rego", 6, 14), count.args().get(0).location());
    }

    @Test
    void locatesTheGeneratedBodyAtTheRule() {
      Rule p = Parser.parseModule("m.rego", "package p\n  p := 1", RegoVersion.V1).rules().get(0);
      Expr body = p.body().get(0);
      assertEquals(new Location("m.rego", 2, 3), body.location());
      assertEquals(new Scalar(io.kubepolicies.rego.value.BooleanValue.TRUE, new Location("m.rego", 2, 3)),
          ((TermStatement) body.statement()).term());
    }

    @Test
    void locatesReferencePartsAtTheirNames() {
      Ref ref = (Ref) Parser.parseTerm("input.spec[0]");
      assertEquals(new Location("", 1, 7), ref.get(1).location());
      assertEquals(StringValue.of("spec"), ((Scalar) ref.get(1)).value());
      assertEquals(new Location("", 1, 12), ref.get(2).location());
    }

    @Test
    void locatesErrorsAtTheOffendingToken() {
      assertEquals("m.rego:3:10 unexpected identifier token: expected \\n or ; or }", moduleError("package p\np if {\n  x := 1 y\n}"));
      assertEquals("m.rego:3:1 unexpected eof token", moduleError("package p\np if {\n"));
    }
  }
}
