package io.kubepolicies.rego.builtins;

import static io.kubepolicies.rego.builtins.TestTerms.json;
import static io.kubepolicies.rego.builtins.TestTerms.num;
import static io.kubepolicies.rego.builtins.TestTerms.str;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.NullValue;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.Value;
import org.junit.jupiter.api.Test;

class StringsTest {
  private final FamilyCalls calls = new FamilyCalls(new Strings());

  private void assertTypeError(String message, String name, Value... args) {
    calls.assertFails(RegoError.EVAL_TYPE, message, name, args);
  }

  @Test
  void registersOpaSignatures() {
    assertEquals("any<string, set[string], array[string]>",
        calls.table().get("strings.any_prefix_match").args().get(0).toString());
    assertEquals("object[string: string]", calls.table().get("strings.replace_n").args().get(0).toString());
    assertEquals(3, calls.table().get("strings.split_n").arity());
    assertEquals(24, calls.table().names().size());
  }

  @Test
  void anyPrefixMatchAcceptsStringsArraysAndSets() {
    assertEquals(BooleanValue.TRUE, calls.call("strings.any_prefix_match", json("[\"a/b/c\", \"e/f/g\"]"), json("[\"x/\", \"e/\"]")));
    assertEquals(BooleanValue.FALSE, calls.call("strings.any_prefix_match", json("[\"aa/bb\"]"), json("[\"a/b\"]")));
    assertEquals(BooleanValue.TRUE, calls.call("strings.any_prefix_match", str("a/b/c"), SetValue.of(str("a/"))));
    assertEquals(BooleanValue.FALSE, calls.call("strings.any_prefix_match", ArrayValue.EMPTY, str("")));
    assertEquals(BooleanValue.TRUE, calls.call("strings.any_prefix_match", str("abc"), str("")));
  }

  @Test
  void anySuffixMatchComparesEnds() {
    assertEquals(BooleanValue.TRUE, calls.call("strings.any_suffix_match", json("[\"a/b/c\", \"e/f/g\"]"), json("[\"/x\", \"f/g\"]")));
    assertEquals(BooleanValue.FALSE, calls.call("strings.any_suffix_match", json("[\"aa/bb/cc\"]"), str("aa/b")));
    assertEquals(BooleanValue.TRUE, calls.call("strings.any_suffix_match", str("h\u00e9llo\uD83D\uDE00"), str("\uD83D\uDE00")));
  }

  @Test
  void anyMatchRejectsWrongTypes() {
    assertTypeError("operand 1 must be one of {string, set, array} but got number",
        "strings.any_prefix_match", num(1), str("a"));
    assertTypeError("operand 2 must be array of strings but got array containing number",
        "strings.any_suffix_match", str("a"), json("[1, 2]"));
    assertTypeError("operand 1 must be set of strings but got set containing boolean",
        "strings.any_prefix_match", SetValue.of(num(1), BooleanValue.TRUE), str("a"));
  }

  @Test
  void concatJoinsArraysInOrderAndSetsSorted() {
    assertEquals(str("/foo/bar/0/baz"), calls.call("concat", str("/"), json("[\"\", \"foo\", \"bar\", \"0\", \"baz\"]")));
    assertEquals(str("a,b,c"), calls.call("concat", str(","), SetValue.of(str("c"), str("a"), str("b"))));
    assertEquals(str(""), calls.call("concat", str(","), ArrayValue.EMPTY));
    assertEquals(str("x"), calls.call("concat", str(","), json("[\"x\"]")));
  }

  @Test
  void concatRejectsNonStrings() {
    assertTypeError("operand 2 must be array of strings but got array containing number", "concat", str(","), json("[1]"));
    assertTypeError("operand 2 must be one of {set, array} but got string", "concat", str(","), str("ab"));
    assertTypeError("operand 1 must be string but got null", "concat", NullValue.NULL, ArrayValue.EMPTY);
  }

  @Test
  void formatIntTruncatesTowardZeroInEveryBase() {
    assertEquals(str("f"), calls.call("format_int", NumberValue.parse("15.5"), num(16)));
    assertEquals(str("-f"), calls.call("format_int", NumberValue.parse("-15.9"), num(16)));
    assertEquals(str("3"), calls.call("format_int", NumberValue.parse("3.1"), num(10)));
    assertEquals(str("1010"), calls.call("format_int", num(10), num(2)));
    assertEquals(str("-17"), calls.call("format_int", num(-15), num(8)));
    assertEquals(str("0"), calls.call("format_int", NumberValue.parse("-0.5"), num(16)));
    NumberValue big = NumberValue.parse("18446744073709551617");
    assertEquals(str("10000000000000001"), calls.call("format_int", big, num(16)));
    assertEquals(str("18446744073709551617"), calls.call("format_int", big, num(10)));
    assertEquals(str("2000000000000000000001"), calls.call("format_int", big, num(8)));
    assertEquals(str("-10000000000000001"), calls.call("format_int", NumberValue.parse("-18446744073709551617"), num(16)));
  }

  @Test
  void formatIntRejectsOtherBases() {
    assertTypeError("operand 2 must be one of {2, 8, 10, 16}", "format_int", num(4), num(199));
    assertTypeError("operand 2 must be one of {2, 8, 10, 16}", "format_int", num(4), NumberValue.parse("2.5"));
    assertTypeError("operand 1 must be number but got string", "format_int", str("4"), num(10));
  }

  @Test
  void indexOfCountsCodePoints() {
    assertEquals(num(2), calls.call("indexof", str("abcdefgh"), str("cde")));
    assertEquals(num(8), calls.call("indexof", str("abcabcabcdefgh"), str("cde")));
    assertEquals(num(-1), calls.call("indexof", str("abcdefgh"), str("xyz")));
    assertEquals(num(1), calls.call("indexof", str("\u03bcx"), str("x")));
    assertEquals(num(-1), calls.call("indexof", str("\u03bc"), str("\u03bc\u03bc")));
    assertEquals(num(9), calls.call("indexof", str("sk\u00f6n var v\u00e5ren"), str("v\u00e5r")));
    assertEquals(num(2), calls.call("indexof", str("\uD83D\uDE00\uD83D\uDE01x"), str("x")));
    String sweets = "\uD83C\uDF67\uD83C\uDF68\uD83E\uDDC1\uD83C\uDF70\uD83C\uDF6E";
    assertEquals(num(4), calls.call("indexof", str(sweets), str("\uD83C\uDF6E")));
    assertEquals(num(0), calls.call("indexof", str(sweets), str(sweets)));
  }

  @Test
  void indexOfNFindsOverlappingMatches() {
    assertEquals(json("[3, 9]"), calls.call("indexof_n", str("dogcatdogcat"), str("cat")));
    assertEquals(json("[0, 1]"), calls.call("indexof_n", str("aaa"), str("aa")));
    assertEquals(ArrayValue.EMPTY, calls.call("indexof_n", str("dogcat"), str("rabbit")));
    assertEquals(json("[1, 3, 5]"), calls.call("indexof_n", str("\u00e5a\u00e5a\u00e5a"), str("a")));
    String emojis = "\uD83D\uDE07\uD83D\uDE00\uD83D\uDE07\uD83D\uDE00\uD83D\uDE07\uD83D\uDE00";
    assertEquals(json("[1, 3, 5]"), calls.call("indexof_n", str(emojis), str("\uD83D\uDE00")));
    assertEquals(ArrayValue.EMPTY, calls.call("indexof_n", str(emojis), str("\uD83D\uDE02")));
  }

  @Test
  void indexOfRejectsEmptySearch() {
    calls.assertFails(RegoError.EVAL_BUILTIN, "empty search character", "indexof", str("abc"), str(""));
    calls.assertFails(RegoError.EVAL_BUILTIN, "empty search character", "indexof_n", str("abc"), str(""));
  }

  @Test
  void substringFollowsOpaOffsetRules() {
    assertEquals(str("cde"), calls.call("substring", str("abcdefgh"), num(2), num(3)));
    assertEquals(str("\u00e5\u00e4"), calls.call("substring", str("\u00e5\u00e4\u00f6"), num(0), num(2)));
    assertEquals(str("cdefgh"), calls.call("substring", str("abcdefgh"), num(2), num(-1)));
    assertEquals(str("\u00e4\u00f6"), calls.call("substring", str("a\u00e5\u00e4\u00f6"), num(2), num(-1)));
    assertEquals(str("cdefgh\u00e5\u00e4\u00f6"), calls.call("substring", str("abcdefgh\u00e5\u00e4\u00f6"), num(2), num(10000)));
    assertEquals(str(""), calls.call("substring", str("aaa"), num(3), num(-1)));
    assertEquals(str(""), calls.call("substring", str("\u00e5\u00e4\u00f6"), num(4), num(-1)));
    assertEquals(str("bc"), calls.call("substring", str("abc"), num(1), num(Long.MAX_VALUE)));
    assertEquals(str("\uD83D\uDE01"), calls.call("substring", str("\uD83D\uDE00\uD83D\uDE01x"), num(1), num(1)));
  }

  @Test
  void substringRejectsNegativeOffsetAndFractions() {
    calls.assertFails(RegoError.EVAL_BUILTIN, "negative offset", "substring", str("aaa"), num(-1), num(-1));
    assertTypeError("operand 2 must be integer number but got floating-point number",
        "substring", str("aaa"), NumberValue.parse("1.5"), num(1));
    assertTypeError("operand 3 must be integer number but got floating-point number",
        "substring", str("aaa"), num(1), NumberValue.parse("1e30"));
  }

  @Test
  void containsStartsWithEndsWith() {
    assertEquals(BooleanValue.TRUE, calls.call("contains", str("abcdefgh"), str("defg")));
    assertEquals(BooleanValue.FALSE, calls.call("contains", str("abcdefgh"), str("ac")));
    assertEquals(BooleanValue.TRUE, calls.call("startswith", str("abcdefgh"), str("abcd")));
    assertEquals(BooleanValue.FALSE, calls.call("startswith", str("abcdefgh"), str("bcd")));
    assertEquals(BooleanValue.TRUE, calls.call("endswith", str("abcdefgh"), str("fgh")));
    assertEquals(BooleanValue.FALSE, calls.call("endswith", str("abcdefgh"), str("fg")));
    assertTypeError("operand 2 must be string but got number", "contains", str("a"), num(1));
  }

  @Test
  void countIsNonOverlappingAndCountsEmptyPerCodePoint() {
    assertEquals(num(3), calls.call("strings.count", str("cheese"), str("e")));
    assertEquals(num(3), calls.call("strings.count", str("hello hello hello world"), str("hello")));
    assertEquals(num(0), calls.call("strings.count", str("dummy"), str("x")));
    assertEquals(num(6), calls.call("strings.count", str("dummy"), str("")));
    assertEquals(num(1), calls.call("strings.count", str(""), str("")));
    assertEquals(num(2), calls.call("strings.count", str("11111"), str("11")));
    assertEquals(num(3), calls.call("strings.count", str("\u00e5\u00e4"), str("")));
  }

  @Test
  void lowerAndUpperUseSimpleCaseMapping() {
    assertEquals(str("abcdef"), calls.call("lower", str("AbCdEf")));
    assertEquals(str("ABCDEF"), calls.call("upper", str("AbCdEf")));
    assertEquals(str("\u00df"), calls.call("upper", str("\u00df")));
    assertEquals(str("i"), calls.call("lower", str("\u0130")));
    assertEquals(str("\u00c5\u00c4\u00d6"), calls.call("upper", str("\u00e5\u00e4\u00f6")));
    assertEquals(str("\u00df\u00c5\u01c4\ufb01"), calls.call("upper", str("\u00df\u00e5\u01c6\ufb01")));
    assertEquals(str("i\u03c3\u01c6"), calls.call("lower", str("\u0130\u03a3\u01c5")));
  }

  @Test
  void reverseReversesCodePoints() {
    assertEquals(str("rab"), calls.call("strings.reverse", str("bar")));
    assertEquals(str("\u20e3\ufe0f2"), calls.call("strings.reverse", str("2\ufe0f\u20e3")));
    assertEquals(str("\uD835\uDEFE\uD83D\uDE001"), calls.call("strings.reverse", str("1\uD83D\uDE00\uD835\uDEFE")));
    assertEquals(str(""), calls.call("strings.reverse", str("")));
    assertTypeError("operand 1 must be string but got object", "strings.reverse", ObjectValue.EMPTY);
  }

  @Test
  void splitFollowsGoRules() {
    assertEquals(json("[\"\"]"), calls.call("split", str(""), str(".")));
    assertEquals(json("[\"t\", \"e\", \"s\", \"t\"]"), calls.call("split", str("test"), str("")));
    assertEquals(ArrayValue.EMPTY, calls.call("split", str(""), str("")));
    assertEquals(json("[\"foo\"]"), calls.call("split", str("foo"), str(".")));
    assertEquals(json("[\"foo\", \"bar\", \"baz\"]"), calls.call("split", str("foo.bar.baz"), str(".")));
    assertEquals(json("[\"\", \"a\", \"\"]"), calls.call("split", str(".a."), str(".")));
    assertEquals(json("[\"\u00e5\", \"\uD83D\uDE00\"]"), calls.call("split", str("\u00e5\uD83D\uDE00"), str("")));
  }

  @Test
  void splitNKeepsLeadingOrTrailingParts() {
    Value abcd = str("a.b.c.d");
    assertEquals(json("[\"a\", \"b\"]"), calls.call("strings.split_n", abcd, str("."), num(2)));
    assertEquals(json("[\"a\"]"), calls.call("strings.split_n", abcd, str("."), num(1)));
    assertEquals(json("[\"a\", \"b\", \"c\", \"d\"]"), calls.call("strings.split_n", abcd, str("."), num(4)));
    assertEquals(json("[\"a\", \"b\", \"c\", \"d\"]"), calls.call("strings.split_n", abcd, str("."), num(10)));
    assertEquals(ArrayValue.EMPTY, calls.call("strings.split_n", abcd, str("."), num(0)));
    assertEquals(json("[\"c\", \"d\"]"), calls.call("strings.split_n", abcd, str("."), num(-2)));
    assertEquals(json("[\"d\"]"), calls.call("strings.split_n", abcd, str("."), num(-1)));
    assertEquals(json("[\"a\", \"b\", \"c\", \"d\"]"), calls.call("strings.split_n", abcd, str("."), num(-10)));
    assertEquals(json("[\"abc\"]"), calls.call("strings.split_n", str("abc"), str("."), num(-2)));
    assertEquals(json("[\"\"]"), calls.call("strings.split_n", str(""), str("."), num(2)));
    assertEquals(json("[\"a\", \"b\"]"), calls.call("strings.split_n", str("abc"), str(""), num(2)));
    assertEquals(json("[\"b\", \"c\"]"), calls.call("strings.split_n", str("abc"), str(""), num(-2)));
    assertTypeError("operand 3 must be integer number but got floating-point number",
        "strings.split_n", str("a.b.c"), str("."), NumberValue.parse("1.5"));
  }

  @Test
  void replaceReplacesAllWithoutOverlap() {
    assertEquals(str(""), calls.call("replace", str(""), str("hi"), str("bye")));
    assertEquals(str("foo,bar"), calls.call("replace", str("foo.bar"), str("."), str(",")));
    assertEquals(str("foo,bar,baz"), calls.call("replace", str("foo.bar.baz"), str("."), str(",")));
    assertEquals(str("foo,,.bar"), calls.call("replace", str("foo...bar"), str(".."), str(",,")));
    assertEquals(str("XaX\u00e5X"), calls.call("replace", str("a\u00e5"), str(""), str("X")));
  }

  @Test
  void replaceNAppliesPairsInKeyOrder() {
    ObjectValue patterns = ObjectValue.builder().put("<", str("&lt;")).put(">", str("&gt;")).build();
    assertEquals(str("&lt;b&gt;"), calls.call("strings.replace_n", patterns, str("<b>")));
    ObjectValue overlapping = ObjectValue.builder().put("a", str("1")).put("ab", str("2")).build();
    assertEquals(str("1b"), calls.call("strings.replace_n", overlapping, str("ab")));
    ObjectValue withEmpty = ObjectValue.builder().put("", str("-")).put("b", str("B")).build();
    assertEquals(str("-a-B-"), calls.call("strings.replace_n", withEmpty, str("ab")));
    ObjectValue emptyKeySortsFirst = ObjectValue.builder().put("a", str("")).put("", str("x")).build();
    assertEquals(str("xxxbx"), calls.call("strings.replace_n", emptyKeySortsFirst, str("aab")));
    assertEquals(str("bba"), calls.call("strings.replace_n", ObjectValue.builder().put("aa", str("b")).build(), str("aaaaa")));
  }

  @Test
  void replaceNRejectsNonStringPatterns() {
    assertTypeError("operand 1 non-string key found in pattern object", "strings.replace_n",
        ObjectValue.builder().put(num(1), str("x")).build(), str("a"));
    assertTypeError("operand 1 non-string value found in pattern object", "strings.replace_n",
        ObjectValue.builder().put("a", num(1)).build(), str("a"));
    assertTypeError("operand 2 must be string but got number", "strings.replace_n",
        ObjectValue.builder().put(num(1), str("x")).build(), num(1));
  }

  @Test
  void trimFamilyUsesCutSetsOfCodePoints() {
    assertEquals(str(""), calls.call("trim", str(""), str(".")));
    assertEquals(str("foo.bar"), calls.call("trim", str("...foo.bar..."), str(".")));
    assertEquals(str("oo.ba"), calls.call("trim", str("...foo.bar..."), str(".fr")));
    assertEquals(str("foo, bar"), calls.call("trim", str("\u00a1\u00a1\u00a1foo, bar!!!"), str("!\u00a1")));
    assertEquals(str("abc"), calls.call("trim", str("abc"), str("")));
    assertEquals(str("foo, bar!!!"), calls.call("trim_left", str("\u00a1\u00a1\u00a1foo, bar!!!"), str("!\u00a1")));
    assertEquals(str("\u00a1\u00a1\u00a1foo, bar"), calls.call("trim_right", str("\u00a1\u00a1\u00a1foo, bar!!!"), str("!\u00a1")));
    assertEquals(str("!!!foo, bar\u00a1\u00a1\u00a1"), calls.call("trim_left", str("!!!foo, bar\u00a1\u00a1\u00a1"), str("\u00a1")));
  }

  @Test
  void trimPrefixAndSuffixRemoveOnce() {
    assertEquals(str(", bar!!!"), calls.call("trim_prefix", str("\u00a1\u00a1\u00a1foo, bar!!!"), str("\u00a1\u00a1\u00a1foo")));
    assertEquals(str("abab"), calls.call("trim_prefix", str("ababab"), str("ab")));
    assertEquals(str("\u00a1\u00a1\u00a1foo"), calls.call("trim_suffix", str("\u00a1\u00a1\u00a1foo, bar!!!"), str(", bar!!!")));
    assertEquals(str("abc"), calls.call("trim_suffix", str("abc"), str("x")));
  }

  @Test
  void trimSpaceUsesGoWhiteSpace() {
    assertEquals(str("foo, bar"), calls.call("trim_space", str(" \t\n foo, bar \n\t\r\n")));
    assertEquals(str("x"), calls.call("trim_space", str("\u00a0\u2003\u3000x\u0085\u000b")));
    assertEquals(str("\u001cx"), calls.call("trim_space", str("\u001cx")));
    assertEquals(str("x\u200b"), calls.call("trim_space", str("x\u200b")));
    assertTypeError("operand 1 must be string but got array", "trim_space", ArrayValue.EMPTY);
  }
}
