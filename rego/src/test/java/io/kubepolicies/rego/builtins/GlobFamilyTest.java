package io.kubepolicies.rego.builtins;

import static io.kubepolicies.rego.builtins.TestTerms.str;
import static io.kubepolicies.rego.builtins.TestTerms.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.NullValue;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GlobFamilyTest {
  private final FamilyCalls calls = new FamilyCalls(new GlobFamily());

  private boolean matches(String glob, Value delimiters, String value) {
    return calls.call("glob.match", str(glob), delimiters, str(value)) == BooleanValue.TRUE;
  }

  private BuiltinException failure(String glob, Value delimiters) {
    return calls.failure("glob.match", str(glob), delimiters, str("x"));
  }

  @Nested
  class Wildcards {
    @Test
    void starStopsAtDelimiters() {
      assertEquals(true, matches("*.github.com", strings("."), "api.github.com"));
      assertEquals(false, matches("*.github.com", strings("."), "api.cdn.github.com"));
      assertEquals(false, matches("*.github.com", strings("."), "api.not-github.com"));
      assertEquals(true, matches("*:github:com", strings(":"), "api:github:com"));
      assertEquals(true, matches("*", strings("."), "foo"));
      assertEquals(false, matches("*", strings("."), "foo.bar"));
      assertEquals(true, matches("*", strings("."), ""));
    }

    @Test
    void superStarCrossesDelimiters() {
      assertEquals(true, matches("api.**.com", strings("."), "api.github.com"));
      assertEquals(true, matches("api.**.com", strings("."), "api.cdn.github.com"));
      assertEquals(true, matches("**", strings("."), "a.b.c"));
    }

    @Test
    void questionMarkIsOneNonDelimiterCharacter() {
      assertEquals(true, matches("?at", strings(), "fat"));
      assertEquals(false, matches("?at", strings(), "at"));
      assertEquals(true, matches("?at", strings("f"), "bat"));
      assertEquals(false, matches("?at", strings("f"), "fat"));
      assertEquals(true, matches("?", strings(), "😀"));
    }

    @Test
    void emptyDelimitersDefaultToDotAndNullMeansNone() {
      assertEquals(false, matches("*", strings(), "foo.bar"));
      assertEquals(true, matches("*", NullValue.NULL, "foo.bar"));
      assertEquals(true, matches("foo*", NullValue.NULL, "foo.bar"));
    }
  }

  @Nested
  class CharacterClasses {
    @Test
    void listsAndRangesAndTheirNegations() {
      assertEquals(true, matches("[abc]at", strings(), "cat"));
      assertEquals(false, matches("[abc]at", strings(), "fat"));
      assertEquals(true, matches("[!abc]at", strings(), "fat"));
      assertEquals(false, matches("[!abc]at", strings(), "cat"));
      assertEquals(true, matches("[a-c]at", strings(), "bat"));
      assertEquals(false, matches("[a-c]at", strings(), "fat"));
      assertEquals(false, matches("[!a-c]at", strings(), "bat"));
      assertEquals(true, matches("[!a-c]at", strings(), "fat"));
    }

    @Test
    void classesIgnoreDelimiters() {
      assertEquals(true, matches("a[.]b", strings("."), "a.b"));
      assertEquals(true, matches("a[!x]b", strings("."), "a.b"));
    }

    @Test
    void malformedClassesFailWithGobwasMessages() {
      assertEquals("unexpected end of input", failure("[abc", strings()).getMessage());
      assertEquals("unexpected end of input", failure("[a-", strings()).getMessage());
      assertEquals("expected close range character", failure("[a-bc]", strings()).getMessage());
      assertEquals("could not parse range", failure("[!]", strings()).getMessage());
      assertEquals("could not parse range", failure("[]", strings()).getMessage());
      assertEquals("hi character 'a' should be greater than lo 'z'", failure("[z-a]", strings()).getMessage());
      assertEquals(RegoError.EVAL_BUILTIN, failure("[z-a]", strings()).code());
    }

    @Test
    void anEarlierBadRangeIsReportedBeforeALaterUnterminatedOne() {
      assertEquals("hi character 'a' should be greater than lo 'z'", failure("[z-a]x[", strings()).getMessage());
    }
  }

  @Nested
  class Alternatives {
    @Test
    void matchesAnyAlternative() {
      for (String v : List.of("cat", "bat", "fat", "rat")) {
        assertEquals(true, matches("{cat,bat,[fr]at}", strings(), v), v);
      }
      assertEquals(false, matches("{cat,bat,[fr]at}", strings(), "at"));
      assertEquals(true, matches("{a,b{c,d}}e", strings(), "bde"));
      assertEquals(true, matches("{,x}y", strings(), "y"));
    }

    @Test
    void unclosedBraceStillOpensAlternativesAndStrayCharactersAreText() {
      assertEquals(true, matches("{a,b", strings(), "b"));
      assertEquals(true, matches("a,b}", strings(), "a,b}"));
    }
  }

  @Nested
  class Escapes {
    @Test
    void backslashMakesTheNextCharacterLiteral() {
      assertEquals(true, matches("\\*.com", strings("."), "*.com"));
      assertEquals(false, matches("\\*.com", strings("."), "x.com"));
      assertEquals(true, matches("a\\{b", strings(), "a{b"));
      assertEquals(true, matches("[\\]]", strings(), "]"));
    }

    @Test
    void regexMetacharactersAreLiteral() {
      assertEquals(true, matches("a+b(c)|$^", strings(), "a+b(c)|$^"));
      assertEquals(false, matches("a+b", strings(), "aab"));
    }
  }

  @Nested
  class OperandChecks {
    @Test
    void delimitersMustBeAnArrayOfSingleCharactersOrNull() {
      assertEquals("operand 2 must be one of {array, null} but got string", failure("*", str(".")).getMessage());
      assertEquals("operand 2 must be array of strings but got array containing number",
          failure("*", ArrayValue.of(NumberValue.of(1))).getMessage());
      assertEquals("operand 2 must be array of runes but got array containing string",
          failure("*", strings("ab")).getMessage());
      assertEquals(RegoError.EVAL_TYPE, failure("*", str(".")).code());
    }

    @Test
    void aMalformedDelimiterOperandFailsOnEveryCall() {
      assertEquals("operand 2 must be array of runes but got array containing string",
          failure("*", strings("ab")).getMessage());
      assertEquals("operand 2 must be array of runes but got array containing string",
          failure("*", strings("ab")).getMessage());
      assertTrue(matches("*", strings("a"), "bc"));
    }

    @Test
    void theValueIsCheckedBeforeAMalformedGlobIsReported() {
      assertEquals("operand 3 must be string but got number",
          calls.failure("glob.match", str("[z-a]"), strings(), NumberValue.of(1)).getMessage());
      assertEquals("hi character 'a' should be greater than lo 'z'", failure("[z-a]", strings()).getMessage());
    }

    @Test
    void patternAndValueMustBeStrings() {
      assertEquals("operand 3 must be string but got number",
          calls.failure("glob.match", str("*"), strings(), NumberValue.of(1)).getMessage());
    }
  }

  @Nested
  class QuoteMeta {
    private Value quote(String v) {
      return calls.call("glob.quote_meta", str(v));
    }

    @Test
    void escapesGlobMetacharacters() {
      assertEquals(str("\\*.github.com"), quote("*.github.com"));
      assertEquals(str("\\[a\\]\\{b,c\\}\\?\\\\"), quote("[a]{b,c}?\\"));
      assertEquals(str("plain"), quote("plain"));
    }

    @Test
    void quotedTextMatchesItselfLiterally() {
      String text = "*.{a,b}[c]?";
      assertEquals(true, matches(((StringValue) quote(text)).value(), strings("."), text));
    }
  }
}
