package io.kubepolicies.rego.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RegexFamilyTest {
  private final Builtins builtins = Builtins.of(List.of(new RegexFamily()));

  private Value call(String name, Value... args) {
    return new TestContext().call(builtins, name, args);
  }

  private static Value s(String v) {
    return StringValue.of(v);
  }

  private static Value n(long v) {
    return NumberValue.of(v);
  }

  private static Value strings(String... items) {
    return ArrayValue.of(Arrays.stream(items).map(StringValue::of).toArray(Value[]::new));
  }

  private BuiltinException failure(String name, Value... args) {
    return assertThrows(BuiltinException.class, () -> call(name, args));
  }

  @Nested
  class Match {
    @Test
    void matchesAnywhereUnlessAnchored() {
      assertEquals(BooleanValue.TRUE, call("regex.match", s("^[a-z]+\\[[0-9]+\\]$"), s("foo[1]")));
      assertEquals(BooleanValue.TRUE, call("regex.match", s("o\\["), s("foo[1]")));
      assertEquals(BooleanValue.FALSE, call("regex.match", s("^$"), s("something")));
    }

    @Test
    void emptyPatternMatchesEverything() {
      assertEquals(BooleanValue.TRUE, call("regex.match", s(""), s("")));
      assertEquals(BooleanValue.TRUE, call("regex.match", s(""), s("x")));
      assertEquals(BooleanValue.TRUE, call("regex.match", s("^$"), s("")));
    }

    @Test
    void malformedPatternFailsWithGoMessage() {
      BuiltinException e = failure("regex.match", s("$^[[["), s("something"));
      assertEquals(RegoError.EVAL_BUILTIN, e.code());
      assertEquals("error parsing regexp: missing closing ]: `[[[`", e.getMessage());
    }

    @Test
    void unmatchedCloseParenIsNamedAsGoDoes() {
      assertEquals("error parsing regexp: unexpected ): `a)`", failure("regex.match", s("a)"), s("a")).getMessage());
    }

    @Test
    void deeplyNestedPatternIsRejectedNotOverflowed() {
      String deep = "(".repeat(1001) + "a" + ")".repeat(1001);
      assertEquals("error parsing regexp: expression nests too deeply: `" + deep + "`",
          failure("regex.match", s(deep), s("a")).getMessage());
      assertEquals(BooleanValue.TRUE, call("regex.match", s("(".repeat(1000) + "a" + ")".repeat(1000)), s("a")));
    }

    @Test
    void nonStringOperandIsTypeError() {
      BuiltinException e = failure("regex.match", n(1), s("a"));
      assertEquals(RegoError.EVAL_TYPE, e.code());
      assertEquals("operand 1 must be string but got number", e.getMessage());
      assertEquals("operand 2 must be string but got number", failure("regex.match", s("a"), n(1)).getMessage());
    }

    @Test
    void unicodeIsMatchedByCodePoint() {
      assertEquals(BooleanValue.TRUE, call("regex.match", s("^.$"), s("😀")));
      assertEquals(BooleanValue.TRUE, call("regex.match", s("^\\p{Greek}+$"), s("αβγ")));
    }
  }

  @Nested
  class IsValid {
    @Test
    void reportsValidity() {
      assertEquals(BooleanValue.TRUE, call("regex.is_valid", s(".+")));
      assertEquals(BooleanValue.FALSE, call("regex.is_valid", s("++")));
      assertEquals(BooleanValue.FALSE, call("regex.is_valid", s("(?z)")));
    }

    @Test
    void nonStringIsInvalidNotAnError() {
      assertEquals(BooleanValue.FALSE, call("regex.is_valid", n(10)));
    }
  }

  @Nested
  class FindN {
    @Test
    void findsUpToNMatches() {
      assertEquals(strings("ar", "an", "al"), call("regex.find_n", s("a."), s("paranormal"), n(-1)));
      assertEquals(strings("ar", "an"), call("regex.find_n", s("a."), s("paranormal"), n(2)));
      assertEquals(strings(), call("regex.find_n", s("a."), s("paranormal"), n(0)));
      assertEquals(strings(), call("regex.find_n", s("bork"), s("paranormal"), n(-1)));
    }

    @Test
    void anchorsHoldAtTheEndsOnly() {
      assertEquals(strings("ab"), call("regex.find_n", s("^a."), s("abacadaeaf"), n(-1)));
      assertEquals(strings("f"), call("regex.find_n", s(".$"), s("abacadaeaf"), n(-1)));
      assertEquals(strings("ab", "ac", "ad", "ae", "af"), call("regex.find_n", s("[abcdef]{2}"), s("abacadaeaf"), n(-1)));
    }

    @Test
    void emptyMatchRightAfterAMatchIsSkippedAsInGo() {
      assertEquals(strings("", "aaa"), call("regex.find_n", s("a*"), s("baaa"), n(-1)));
      assertEquals(strings("", "", ""), call("regex.find_n", s(""), s("ab"), n(-1)));
    }

    @Test
    void emptyMatchesAdvanceByWholeCharacters() {
      assertEquals(strings("", "", ""), call("regex.find_n", s(""), s("😀a"), n(-1)));
      assertEquals(strings("😀"), call("regex.find_n", s("."), s("😀"), n(-1)));
    }

    @Test
    void hugeCountsMeanAll() {
      assertEquals(strings("a", "a"), call("regex.find_n", s("a"), s("aa"), n(Long.MAX_VALUE)));
      assertEquals(strings("a", "a"), call("regex.find_n", s("a"), s("aa"), n(-5)));
    }

    @Test
    void countMustBeAnInteger() {
      BuiltinException e = failure("regex.find_n", s("a"), s("a"), NumberValue.parse("1.5"));
      assertEquals(RegoError.EVAL_TYPE, e.code());
      assertEquals("operand 3 must be integer number but got floating-point number", e.getMessage());
      assertEquals("operand 3 must be number but got string", failure("regex.find_n", s("a"), s("a"), s("1")).getMessage());
    }
  }

  @Nested
  class FindAllStringSubmatch {
    @Test
    void returnsGroupsWithEmptyStringsForNonParticipatingOnes() {
      assertEquals(ArrayValue.of(strings("ab", ""), strings("axb", "x")),
          call("regex.find_all_string_submatch_n", s("a(x*)b"), s("-ab-axb-"), n(-1)));
      assertEquals(ArrayValue.of(strings("som", "o", "m"), strings("ri", "i", "")),
          call("regex.find_all_string_submatch_n", s("[^aouiye]([aouiye])([^aouiye])?"), s("somestri"), n(-1)));
      assertEquals(ArrayValue.of(strings("som", "o", "m")),
          call("regex.find_all_string_submatch_n", s("[^aouiye]([aouiye])([^aouiye])?"), s("somestri"), n(1)));
    }

    @Test
    void noMatchGivesEmptyArray() {
      assertEquals(strings(), call("regex.find_all_string_submatch_n", s("a(x*)b"), s("-"), n(-1)));
    }

    @Test
    void wholeLongInputMatches() {
      String longInput = "a".repeat(5000) + "bc";
      assertEquals(ArrayValue.of(strings(longInput)),
          call("regex.find_all_string_submatch_n", s("^.*$"), s(longInput), n(-1)));
    }
  }

  @Nested
  class Split {
    @Test
    void splitsLikeGo() {
      assertEquals(strings("a", "b", "c"), call("regex.split", s(","), s("a,b,c")));
      assertEquals(strings("a", ""), call("regex.split", s(","), s("a,")));
      assertEquals(strings("", "a"), call("regex.split", s(","), s(",a")));
      assertEquals(strings("a", "b", "c"), call("regex.split", s(""), s("abc")));
      assertEquals(strings("foo"), call("regex.split", s("x"), s("foo")));
    }

    @Test
    void emptyInputEdgeCases() {
      assertEquals(strings(""), call("regex.split", s(","), s("")));
      assertEquals(strings(), call("regex.split", s(""), s("")));
    }
  }

  @Nested
  class Replace {
    @Test
    void replacesEveryMatch() {
      assertEquals(s("fXX"), call("regex.replace", s("foo"), s("o"), s("X")));
      assertEquals(s("baa"), call("regex.replace", s("aaa"), s("^a"), s("b")));
      assertEquals(s("unchanged"), call("regex.replace", s("unchanged"), s("z"), s("X")));
    }

    @Test
    void expandsGroupsTheGoWay() {
      assertEquals(s("b-a"), call("regex.replace", s("a-b"), s("(\\w)-(\\w)"), s("$2-$1")));
      assertEquals(s("[b]"), call("regex.replace", s("b"), s("(?P<x>b)"), s("[${x}]")));
      // $1x names a group "1x", which does not exist, so it expands to nothing.
      assertEquals(s(""), call("regex.replace", s("b"), s("(b)"), s("$1x")));
      assertEquals(s("$b"), call("regex.replace", s("b"), s("(b)"), s("$$${1}")));
      assertEquals(s("$"), call("regex.replace", s("b"), s("b"), s("$")));
    }

    @Test
    void emptyMatchesReplaceBetweenCharacters() {
      assertEquals(s("-a-b-"), call("regex.replace", s("ab"), s(""), s("-")));
      assertEquals(s("-b-"), call("regex.replace", s("baaa"), s("a*"), s("-")));
    }

    @Test
    void emptyMatchesAroundSupplementaryCharacters() {
      assertEquals(s("-😀-a-"), call("regex.replace", s("😀a"), s(""), s("-")));
    }

    @Test
    void operandsAreBasePatternValue() {
      assertEquals("operand 2 must be string but got number", failure("regex.replace", s("a"), n(1), s("b")).getMessage());
      assertEquals("error parsing regexp: missing closing ): `(`", failure("regex.replace", s("a"), s("("), s("b")).getMessage());
    }
  }

  @Nested
  class TemplateMatch {
    @Test
    void matchesTemplatesWithEmbeddedExpressions() {
      assertEquals(BooleanValue.TRUE, call("regex.template_match", s("urn:foo:{.*}"), s("urn:foo:bar:baz"), s("{"), s("}")));
      assertEquals(BooleanValue.TRUE, call("regex.template_match", s("urn:foo:<.*>"), s("urn:foo:bar:baz"), s("<"), s(">")));
      assertEquals(BooleanValue.TRUE, call("regex.template_match", s("foo.bar:<[0-9]{2,10}>"), s("foo.bar:123"), s("<"), s(">")));
      assertEquals(BooleanValue.FALSE, call("regex.template_match", s("foo.bar:<[0-9]{2,10}>"), s("fooxbar:123"), s("<"), s(">")));
      assertEquals(BooleanValue.FALSE, call("regex.template_match", s("urn:foo:{.*}"), s("xurn:foo:bar"), s("{"), s("}")));
    }

    @Test
    void delimitersMustBeOneByte() {
      assertEquals("start delimiter has to be exactly one character long but is 2 long",
          failure("regex.template_match", s("a"), s("a"), s("{{"), s("}")).getMessage());
      assertEquals("start delimiter has to be exactly one character long but is 2 long",
          failure("regex.template_match", s("a"), s("a"), s("é"), s("}")).getMessage());
      assertEquals("end delimiter has to be exactly one character long but is 1 long",
          failure("regex.template_match", s("a"), s("a"), s("{"), s("")).getMessage());
    }

    @Test
    void unbalancedOrInvalidTemplatesFail() {
      assertEquals("unbalanced braces in \"urn:{.*\"",
          failure("regex.template_match", s("urn:{.*"), s("urn:x"), s("{"), s("}")).getMessage());
      assertEquals("unbalanced braces in \"a}\"",
          failure("regex.template_match", s("a}"), s("a"), s("{"), s("}")).getMessage());
      assertEquals("error parsing regexp: missing closing ]: `[a$`",
          failure("regex.template_match", s("x<[a>"), s("x"), s("<"), s(">")).getMessage());
    }
  }

  @Nested
  class GlobsMatch {
    @Test
    void intersectingGlobs() {
      assertEquals(BooleanValue.TRUE, call("regex.globs_match", s("a.a.[0-9]+z"), s(".b.b2359825792*594823z")));
      assertEquals(BooleanValue.TRUE, call("regex.globs_match", s("b.*"), s("bar")));
      assertEquals(BooleanValue.TRUE, call("regex.globs_match", s("[a-z]+\\[[0-9]+\\]"), s("foo\\[1\\]")));
      assertEquals(BooleanValue.TRUE, call("regex.globs_match", s("a*"), s("a+")));
    }

    @Test
    void disjointGlobs() {
      assertEquals(BooleanValue.FALSE, call("regex.globs_match", s("[a-z]+"), s("[0-9]*")));
      assertEquals(BooleanValue.FALSE, call("regex.globs_match", s("[a-z]+\\[[0-9]+\\]"), s("foo[\"bar\"]")));
      // Only the empty string is common, and that does not count.
      assertEquals(BooleanValue.FALSE, call("regex.globs_match", s("a*"), s("b*")));
      assertEquals(BooleanValue.FALSE, call("regex.globs_match", s("a"), s("")));
    }

    @Test
    void twoEmptyGlobsIntersectAsInTheLibrary() {
      assertEquals(BooleanValue.TRUE, call("regex.globs_match", s(""), s("")));
    }

    @Test
    void malformedGlobsFailWithTheLibraryMessages() {
      assertEquals("input:pqrs], pos:5, set-close ']' with no preceding '[': the input provided is invalid",
          failure("regex.globs_match", s("pqrs]"), s("[a-b]+")).getMessage());
      assertEquals("input:*a, pos:1, flag '*' must be preceded by a non-flag: the input provided is invalid",
          failure("regex.globs_match", s("*a"), s("a")).getMessage());
      assertEquals("input:a++, pos:3, flag '+' must be preceded by a non-flag: the input provided is invalid",
          failure("regex.globs_match", s("a"), s("a++")).getMessage());
      assertEquals("input:[ab, pos:0, found [ without matching ]: the input provided is invalid",
          failure("regex.globs_match", s("[ab"), s("a")).getMessage());
      assertEquals("input:[-a], pos:2, range character '-' must be preceded by a Unicode character: the input provided is invalid",
          failure("regex.globs_match", s("[-a]"), s("a")).getMessage());
      assertEquals("input:[a-], pos:3, range character '-' must be followed by a Unicode character: the input provided is invalid",
          failure("regex.globs_match", s("[a-]"), s("a")).getMessage());
      assertEquals("input:a\\, pos:1, input ends with a \\ (escape) character: the input provided is invalid",
          failure("regex.globs_match", s("a\\"), s("a")).getMessage());
    }
  }
}
