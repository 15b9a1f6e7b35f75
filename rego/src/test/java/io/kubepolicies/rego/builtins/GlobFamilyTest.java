package io.kubepolicies.rego.builtins;

import static io.kubepolicies.rego.builtins.TestTerms.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.NullValue;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GlobFamilyTest {
  private final Builtins builtins = Builtins.of(List.of(new GlobFamily()));

  private static Value delims(String... items) {
    return ArrayValue.of(Arrays.stream(items).map(StringValue::of).toArray(Value[]::new));
  }

  private boolean matches(String glob, Value delimiters, String value) {
    return new TestContext().call(builtins, "glob.match", str(glob), delimiters, str(value)) == BooleanValue.TRUE;
  }

  private BuiltinException failure(String glob, Value delimiters) {
    return assertThrows(BuiltinException.class,
        () -> new TestContext().call(builtins, "glob.match", str(glob), delimiters, str("x")));
  }

  @Nested
  class Wildcards {
    @Test
    void starStopsAtDelimiters() {
      assertEquals(true, matches("*.github.com", delims("."), "api.github.com"));
      assertEquals(false, matches("*.github.com", delims("."), "api.cdn.github.com"));
      assertEquals(false, matches("*.github.com", delims("."), "api.not-github.com"));
      assertEquals(true, matches("*:github:com", delims(":"), "api:github:com"));
      assertEquals(true, matches("*", delims("."), "foo"));
      assertEquals(false, matches("*", delims("."), "foo.bar"));
      assertEquals(true, matches("*", delims("."), ""));
    }

    @Test
    void superStarCrossesDelimiters() {
      assertEquals(true, matches("api.**.com", delims("."), "api.github.com"));
      assertEquals(true, matches("api.**.com", delims("."), "api.cdn.github.com"));
      assertEquals(true, matches("**", delims("."), "a.b.c"));
    }

    @Test
    void questionMarkIsOneNonDelimiterCharacter() {
      assertEquals(true, matches("?at", delims(), "fat"));
      assertEquals(false, matches("?at", delims(), "at"));
      assertEquals(true, matches("?at", delims("f"), "bat"));
      assertEquals(false, matches("?at", delims("f"), "fat"));
      assertEquals(true, matches("?", delims(), "😀"));
    }

    @Test
    void emptyDelimitersDefaultToDotAndNullMeansNone() {
      assertEquals(false, matches("*", delims(), "foo.bar"));
      assertEquals(true, matches("*", NullValue.NULL, "foo.bar"));
      assertEquals(true, matches("foo*", NullValue.NULL, "foo.bar"));
    }
  }

  @Nested
  class CharacterClasses {
    @Test
    void listsAndRangesAndTheirNegations() {
      assertEquals(true, matches("[abc]at", delims(), "cat"));
      assertEquals(false, matches("[abc]at", delims(), "fat"));
      assertEquals(true, matches("[!abc]at", delims(), "fat"));
      assertEquals(false, matches("[!abc]at", delims(), "cat"));
      assertEquals(true, matches("[a-c]at", delims(), "bat"));
      assertEquals(false, matches("[a-c]at", delims(), "fat"));
      assertEquals(false, matches("[!a-c]at", delims(), "bat"));
      assertEquals(true, matches("[!a-c]at", delims(), "fat"));
    }

    @Test
    void classesIgnoreDelimiters() {
      assertEquals(true, matches("a[.]b", delims("."), "a.b"));
      assertEquals(true, matches("a[!x]b", delims("."), "a.b"));
    }

    @Test
    void malformedClassesFailWithGobwasMessages() {
      assertEquals("unexpected end of input", failure("[abc", delims()).getMessage());
      assertEquals("unexpected end of input", failure("[a-", delims()).getMessage());
      assertEquals("expected close range character", failure("[a-bc]", delims()).getMessage());
      assertEquals("could not parse range", failure("[!]", delims()).getMessage());
      assertEquals("could not parse range", failure("[]", delims()).getMessage());
      assertEquals("hi character 'a' should be greater than lo 'z'", failure("[z-a]", delims()).getMessage());
      assertEquals(RegoError.EVAL_BUILTIN, failure("[z-a]", delims()).code());
    }

    @Test
    void anEarlierBadRangeIsReportedBeforeALaterUnterminatedOne() {
      assertEquals("hi character 'a' should be greater than lo 'z'", failure("[z-a]x[", delims()).getMessage());
    }
  }

  @Nested
  class Alternatives {
    @Test
    void matchesAnyAlternative() {
      for (String v : List.of("cat", "bat", "fat", "rat")) {
        assertEquals(true, matches("{cat,bat,[fr]at}", delims(), v), v);
      }
      assertEquals(false, matches("{cat,bat,[fr]at}", delims(), "at"));
      assertEquals(true, matches("{a,b{c,d}}e", delims(), "bde"));
      assertEquals(true, matches("{,x}y", delims(), "y"));
    }

    @Test
    void unclosedBraceStillOpensAlternativesAndStrayCharactersAreText() {
      assertEquals(true, matches("{a,b", delims(), "b"));
      assertEquals(true, matches("a,b}", delims(), "a,b}"));
    }
  }

  @Nested
  class Escapes {
    @Test
    void backslashMakesTheNextCharacterLiteral() {
      assertEquals(true, matches("\\*.com", delims("."), "*.com"));
      assertEquals(false, matches("\\*.com", delims("."), "x.com"));
      assertEquals(true, matches("a\\{b", delims(), "a{b"));
      assertEquals(true, matches("[\\]]", delims(), "]"));
    }

    @Test
    void regexMetacharactersAreLiteral() {
      assertEquals(true, matches("a+b(c)|$^", delims(), "a+b(c)|$^"));
      assertEquals(false, matches("a+b", delims(), "aab"));
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
          failure("*", delims("ab")).getMessage());
      assertEquals(RegoError.EVAL_TYPE, failure("*", str(".")).code());
    }

    @Test
    void aMalformedDelimiterOperandFailsOnEveryCall() {
      assertEquals("operand 2 must be array of runes but got array containing string",
          failure("*", delims("ab")).getMessage());
      assertEquals("operand 2 must be array of runes but got array containing string",
          failure("*", delims("ab")).getMessage());
      assertTrue(matches("*", delims("a"), "bc"));
    }

    @Test
    void theValueIsCheckedBeforeAMalformedGlobIsReported() {
      BuiltinException e = assertThrows(BuiltinException.class,
          () -> new TestContext().call(builtins, "glob.match", str("[z-a]"), delims(), NumberValue.of(1)));
      assertEquals("operand 3 must be string but got number", e.getMessage());
      assertEquals("hi character 'a' should be greater than lo 'z'", failure("[z-a]", delims()).getMessage());
    }

    @Test
    void patternAndValueMustBeStrings() {
      BuiltinException e = assertThrows(BuiltinException.class,
          () -> new TestContext().call(builtins, "glob.match", str("*"), delims(), NumberValue.of(1)));
      assertEquals("operand 3 must be string but got number", e.getMessage());
    }
  }

  @Nested
  class QuoteMeta {
    private Value quote(String v) {
      return new TestContext().call(builtins, "glob.quote_meta", str(v));
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
      assertEquals(true, matches(((StringValue) quote(text)).value(), delims("."), text));
    }
  }
}
