package io.kubepolicies.rego.builtins;

import static io.kubepolicies.rego.builtins.TestTerms.num;
import static io.kubepolicies.rego.builtins.TestTerms.str;
import static io.kubepolicies.rego.builtins.TestTerms.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.NumberValue;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RegexFamilyTest {
  private final FamilyCalls calls = new FamilyCalls(new RegexFamily());

  @Nested
  class Match {
    @Test
    void matchesAnywhereUnlessAnchored() {
      assertEquals(BooleanValue.TRUE, calls.call("regex.match", str("^[a-z]+\\[[0-9]+\\]$"), str("foo[1]")));
      assertEquals(BooleanValue.TRUE, calls.call("regex.match", str("o\\["), str("foo[1]")));
      assertEquals(BooleanValue.FALSE, calls.call("regex.match", str("^$"), str("something")));
    }

    @Test
    void emptyPatternMatchesEverything() {
      assertEquals(BooleanValue.TRUE, calls.call("regex.match", str(""), str("")));
      assertEquals(BooleanValue.TRUE, calls.call("regex.match", str(""), str("x")));
      assertEquals(BooleanValue.TRUE, calls.call("regex.match", str("^$"), str("")));
    }

    @Test
    void malformedPatternFailsWithGoMessage() {
      BuiltinException e = calls.failure("regex.match", str("$^[[["), str("something"));
      assertEquals(RegoError.EVAL_BUILTIN, e.code());
      assertEquals("error parsing regexp: missing closing ]: `[[[`", e.getMessage());
    }

    @Test
    void unmatchedCloseParenIsNamedAsGoDoes() {
      assertEquals("error parsing regexp: unexpected ): `a)`", calls.failure("regex.match", str("a)"), str("a")).getMessage());
    }

    @Test
    void deeplyNestedPatternIsRejectedNotOverflowed() {
      String deep = "(".repeat(1001) + "a" + ")".repeat(1001);
      assertEquals("error parsing regexp: expression nests too deeply: `" + deep + "`",
          calls.failure("regex.match", str(deep), str("a")).getMessage());
      assertEquals(BooleanValue.TRUE, calls.call("regex.match", str("(".repeat(1000) + "a" + ")".repeat(1000)), str("a")));
    }

    @Test
    void nonStringOperandIsTypeError() {
      BuiltinException e = calls.failure("regex.match", num(1), str("a"));
      assertEquals(RegoError.EVAL_TYPE, e.code());
      assertEquals("operand 1 must be string but got number", e.getMessage());
      assertEquals("operand 2 must be string but got number", calls.failure("regex.match", str("a"), num(1)).getMessage());
    }

    @Test
    void unicodeIsMatchedByCodePoint() {
      assertEquals(BooleanValue.TRUE, calls.call("regex.match", str("^.$"), str("😀")));
      assertEquals(BooleanValue.TRUE, calls.call("regex.match", str("^\\p{Greek}+$"), str("αβγ")));
    }
  }

  @Nested
  class IsValid {
    @Test
    void reportsValidity() {
      assertEquals(BooleanValue.TRUE, calls.call("regex.is_valid", str(".+")));
      assertEquals(BooleanValue.FALSE, calls.call("regex.is_valid", str("++")));
      assertEquals(BooleanValue.FALSE, calls.call("regex.is_valid", str("(?z)")));
    }

    @Test
    void nonStringIsInvalidNotAnError() {
      assertEquals(BooleanValue.FALSE, calls.call("regex.is_valid", num(10)));
    }
  }

  @Nested
  class FindN {
    @Test
    void findsUpToNMatches() {
      assertEquals(strings("ar", "an", "al"), calls.call("regex.find_n", str("a."), str("paranormal"), num(-1)));
      assertEquals(strings("ar", "an"), calls.call("regex.find_n", str("a."), str("paranormal"), num(2)));
      assertEquals(strings(), calls.call("regex.find_n", str("a."), str("paranormal"), num(0)));
      assertEquals(strings(), calls.call("regex.find_n", str("bork"), str("paranormal"), num(-1)));
    }

    @Test
    void anchorsHoldAtTheEndsOnly() {
      assertEquals(strings("ab"), calls.call("regex.find_n", str("^a."), str("abacadaeaf"), num(-1)));
      assertEquals(strings("f"), calls.call("regex.find_n", str(".$"), str("abacadaeaf"), num(-1)));
      assertEquals(strings("ab", "ac", "ad", "ae", "af"), calls.call("regex.find_n", str("[abcdef]{2}"), str("abacadaeaf"), num(-1)));
    }

    @Test
    void emptyMatchRightAfterAMatchIsSkippedAsInGo() {
      assertEquals(strings("", "aaa"), calls.call("regex.find_n", str("a*"), str("baaa"), num(-1)));
      assertEquals(strings("", "", ""), calls.call("regex.find_n", str(""), str("ab"), num(-1)));
    }

    @Test
    void emptyMatchesAdvanceByWholeCharacters() {
      assertEquals(strings("", "", ""), calls.call("regex.find_n", str(""), str("😀a"), num(-1)));
      assertEquals(strings("😀"), calls.call("regex.find_n", str("."), str("😀"), num(-1)));
    }

    @Test
    void hugeCountsMeanAll() {
      assertEquals(strings("a", "a"), calls.call("regex.find_n", str("a"), str("aa"), num(Long.MAX_VALUE)));
      assertEquals(strings("a", "a"), calls.call("regex.find_n", str("a"), str("aa"), num(-5)));
    }

    @Test
    void countMustBeAnInteger() {
      BuiltinException e = calls.failure("regex.find_n", str("a"), str("a"), NumberValue.parse("1.5"));
      assertEquals(RegoError.EVAL_TYPE, e.code());
      assertEquals("operand 3 must be integer number but got floating-point number", e.getMessage());
      assertEquals("operand 3 must be number but got string", calls.failure("regex.find_n", str("a"), str("a"), str("1")).getMessage());
    }
  }

  @Nested
  class FindAllStringSubmatch {
    @Test
    void returnsGroupsWithEmptyStringsForNonParticipatingOnes() {
      assertEquals(ArrayValue.of(strings("ab", ""), strings("axb", "x")),
          calls.call("regex.find_all_string_submatch_n", str("a(x*)b"), str("-ab-axb-"), num(-1)));
      assertEquals(ArrayValue.of(strings("som", "o", "m"), strings("ri", "i", "")),
          calls.call("regex.find_all_string_submatch_n", str("[^aouiye]([aouiye])([^aouiye])?"), str("somestri"), num(-1)));
      assertEquals(ArrayValue.of(strings("som", "o", "m")),
          calls.call("regex.find_all_string_submatch_n", str("[^aouiye]([aouiye])([^aouiye])?"), str("somestri"), num(1)));
    }

    @Test
    void noMatchGivesEmptyArray() {
      assertEquals(strings(), calls.call("regex.find_all_string_submatch_n", str("a(x*)b"), str("-"), num(-1)));
    }

    @Test
    void wholeLongInputMatches() {
      String longInput = "a".repeat(5000) + "bc";
      assertEquals(ArrayValue.of(strings(longInput)),
          calls.call("regex.find_all_string_submatch_n", str("^.*$"), str(longInput), num(-1)));
    }
  }

  @Nested
  class Split {
    @Test
    void splitsLikeGo() {
      assertEquals(strings("a", "b", "c"), calls.call("regex.split", str(","), str("a,b,c")));
      assertEquals(strings("a", ""), calls.call("regex.split", str(","), str("a,")));
      assertEquals(strings("", "a"), calls.call("regex.split", str(","), str(",a")));
      assertEquals(strings("a", "b", "c"), calls.call("regex.split", str(""), str("abc")));
      assertEquals(strings("foo"), calls.call("regex.split", str("x"), str("foo")));
    }

    @Test
    void emptyInputEdgeCases() {
      assertEquals(strings(""), calls.call("regex.split", str(","), str("")));
      assertEquals(strings(), calls.call("regex.split", str(""), str("")));
    }
  }

  @Nested
  class Replace {
    @Test
    void replacesEveryMatch() {
      assertEquals(str("fXX"), calls.call("regex.replace", str("foo"), str("o"), str("X")));
      assertEquals(str("baa"), calls.call("regex.replace", str("aaa"), str("^a"), str("b")));
      assertEquals(str("unchanged"), calls.call("regex.replace", str("unchanged"), str("z"), str("X")));
    }

    @Test
    void expandsGroupsTheGoWay() {
      assertEquals(str("b-a"), calls.call("regex.replace", str("a-b"), str("(\\w)-(\\w)"), str("$2-$1")));
      assertEquals(str("[b]"), calls.call("regex.replace", str("b"), str("(?P<x>b)"), str("[${x}]")));
      // $1x names a group "1x", which does not exist, so it expands to nothing.
      assertEquals(str(""), calls.call("regex.replace", str("b"), str("(b)"), str("$1x")));
      assertEquals(str("$b"), calls.call("regex.replace", str("b"), str("(b)"), str("$$${1}")));
      assertEquals(str("$"), calls.call("regex.replace", str("b"), str("b"), str("$")));
    }

    @Test
    void emptyMatchesReplaceBetweenCharacters() {
      assertEquals(str("-a-b-"), calls.call("regex.replace", str("ab"), str(""), str("-")));
      assertEquals(str("-b-"), calls.call("regex.replace", str("baaa"), str("a*"), str("-")));
    }

    @Test
    void emptyMatchesAroundSupplementaryCharacters() {
      assertEquals(str("-😀-a-"), calls.call("regex.replace", str("😀a"), str(""), str("-")));
    }

    @Test
    void operandsAreBasePatternValue() {
      assertEquals("operand 2 must be string but got number", calls.failure("regex.replace", str("a"), num(1), str("b")).getMessage());
      assertEquals("error parsing regexp: missing closing ): `(`", calls.failure("regex.replace", str("a"), str("("), str("b")).getMessage());
    }
  }

  @Nested
  class TemplateMatch {
    @Test
    void matchesTemplatesWithEmbeddedExpressions() {
      assertEquals(BooleanValue.TRUE, calls.call("regex.template_match", str("urn:foo:{.*}"), str("urn:foo:bar:baz"), str("{"), str("}")));
      assertEquals(BooleanValue.TRUE, calls.call("regex.template_match", str("urn:foo:<.*>"), str("urn:foo:bar:baz"), str("<"), str(">")));
      assertEquals(BooleanValue.TRUE, calls.call("regex.template_match", str("foo.bar:<[0-9]{2,10}>"), str("foo.bar:123"), str("<"), str(">")));
      assertEquals(BooleanValue.FALSE, calls.call("regex.template_match", str("foo.bar:<[0-9]{2,10}>"), str("fooxbar:123"), str("<"), str(">")));
      assertEquals(BooleanValue.FALSE, calls.call("regex.template_match", str("urn:foo:{.*}"), str("xurn:foo:bar"), str("{"), str("}")));
    }

    @Test
    void delimitersMustBeOneByte() {
      assertEquals("start delimiter has to be exactly one character long but is 2 long",
          calls.failure("regex.template_match", str("a"), str("a"), str("{{"), str("}")).getMessage());
      assertEquals("start delimiter has to be exactly one character long but is 2 long",
          calls.failure("regex.template_match", str("a"), str("a"), str("é"), str("}")).getMessage());
      assertEquals("end delimiter has to be exactly one character long but is 1 long",
          calls.failure("regex.template_match", str("a"), str("a"), str("{"), str("")).getMessage());
    }

    @Test
    void unbalancedOrInvalidTemplatesFail() {
      assertEquals("unbalanced braces in \"urn:{.*\"",
          calls.failure("regex.template_match", str("urn:{.*"), str("urn:x"), str("{"), str("}")).getMessage());
      assertEquals("unbalanced braces in \"a}\"",
          calls.failure("regex.template_match", str("a}"), str("a"), str("{"), str("}")).getMessage());
      assertEquals("error parsing regexp: missing closing ]: `[a$`",
          calls.failure("regex.template_match", str("x<[a>"), str("x"), str("<"), str(">")).getMessage());
    }
  }

  @Nested
  class GlobsMatch {
    @Test
    void intersectingGlobs() {
      assertEquals(BooleanValue.TRUE, calls.call("regex.globs_match", str("a.a.[0-9]+z"), str(".b.b2359825792*594823z")));
      assertEquals(BooleanValue.TRUE, calls.call("regex.globs_match", str("b.*"), str("bar")));
      assertEquals(BooleanValue.TRUE, calls.call("regex.globs_match", str("[a-z]+\\[[0-9]+\\]"), str("foo\\[1\\]")));
      assertEquals(BooleanValue.TRUE, calls.call("regex.globs_match", str("a*"), str("a+")));
    }

    @Test
    void disjointGlobs() {
      assertEquals(BooleanValue.FALSE, calls.call("regex.globs_match", str("[a-z]+"), str("[0-9]*")));
      assertEquals(BooleanValue.FALSE, calls.call("regex.globs_match", str("[a-z]+\\[[0-9]+\\]"), str("foo[\"bar\"]")));
      // Only the empty string is common, and that does not count.
      assertEquals(BooleanValue.FALSE, calls.call("regex.globs_match", str("a*"), str("b*")));
      assertEquals(BooleanValue.FALSE, calls.call("regex.globs_match", str("a"), str("")));
    }

    @Test
    void twoEmptyGlobsIntersectAsInTheLibrary() {
      assertEquals(BooleanValue.TRUE, calls.call("regex.globs_match", str(""), str("")));
    }

    @Test
    void malformedGlobsFailWithTheLibraryMessages() {
      assertEquals("input:pqrs], pos:5, set-close ']' with no preceding '[': the input provided is invalid",
          calls.failure("regex.globs_match", str("pqrs]"), str("[a-b]+")).getMessage());
      assertEquals("input:*a, pos:1, flag '*' must be preceded by a non-flag: the input provided is invalid",
          calls.failure("regex.globs_match", str("*a"), str("a")).getMessage());
      assertEquals("input:a++, pos:3, flag '+' must be preceded by a non-flag: the input provided is invalid",
          calls.failure("regex.globs_match", str("a"), str("a++")).getMessage());
      assertEquals("input:[ab, pos:0, found [ without matching ]: the input provided is invalid",
          calls.failure("regex.globs_match", str("[ab"), str("a")).getMessage());
      assertEquals("input:[-a], pos:2, range character '-' must be preceded by a Unicode character: the input provided is invalid",
          calls.failure("regex.globs_match", str("[-a]"), str("a")).getMessage());
      assertEquals("input:[a-], pos:3, range character '-' must be followed by a Unicode character: the input provided is invalid",
          calls.failure("regex.globs_match", str("[a-]"), str("a")).getMessage());
      assertEquals("input:a\\, pos:1, input ends with a \\ (escape) character: the input provided is invalid",
          calls.failure("regex.globs_match", str("a\\"), str("a")).getMessage());
    }
  }
}
