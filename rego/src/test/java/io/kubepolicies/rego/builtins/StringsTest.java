package io.kubepolicies.rego.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.NullValue;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class StringsTest {
  private final Builtins builtins = Builtins.of(List.of(new Strings()));

  private Value call(String name, Value... args) {
    return new TestContext().call(builtins, name, args);
  }

  private static StringValue s(String v) {
    return StringValue.of(v);
  }

  private static NumberValue n(long v) {
    return NumberValue.of(v);
  }

  private static Value json(String text) {
    return Json.parse(text);
  }

  private void assertError(String code, String message, String name, Value... args) {
    BuiltinException e = assertThrows(BuiltinException.class, () -> call(name, args));
    assertEquals(code, e.code());
    assertEquals(message, e.getMessage());
  }

  private void assertTypeError(String message, String name, Value... args) {
    assertError(RegoError.EVAL_TYPE, message, name, args);
  }

  @Test
  void registersOpaSignatures() {
    assertEquals("search: any<string, array[string], set[string]>",
        builtins.get("strings.any_prefix_match").args().get(0).toString());
    assertEquals("patterns: object[string: string]", builtins.get("strings.replace_n").args().get(0).toString());
    assertEquals(3, builtins.get("strings.split_n").arity());
    assertEquals(24, builtins.names().size());
  }

  @Test
  void anyPrefixMatchAcceptsStringsArraysAndSets() {
    assertEquals(BooleanValue.TRUE, call("strings.any_prefix_match", json("[\"a/b/c\", \"e/f/g\"]"), json("[\"x/\", \"e/\"]")));
    assertEquals(BooleanValue.FALSE, call("strings.any_prefix_match", json("[\"aa/bb\"]"), json("[\"a/b\"]")));
    assertEquals(BooleanValue.TRUE, call("strings.any_prefix_match", s("a/b/c"), SetValue.of(s("a/"))));
    assertEquals(BooleanValue.FALSE, call("strings.any_prefix_match", ArrayValue.EMPTY, s("")));
    assertEquals(BooleanValue.TRUE, call("strings.any_prefix_match", s("abc"), s("")));
  }

  @Test
  void anySuffixMatchComparesEnds() {
    assertEquals(BooleanValue.TRUE, call("strings.any_suffix_match", json("[\"a/b/c\", \"e/f/g\"]"), json("[\"/x\", \"f/g\"]")));
    assertEquals(BooleanValue.FALSE, call("strings.any_suffix_match", json("[\"aa/bb/cc\"]"), s("aa/b")));
    assertEquals(BooleanValue.TRUE, call("strings.any_suffix_match", s("h\u00e9llo\uD83D\uDE00"), s("\uD83D\uDE00")));
  }

  @Test
  void anyMatchRejectsWrongTypes() {
    assertTypeError("operand 1 must be one of {string, set, array} but got number",
        "strings.any_prefix_match", n(1), s("a"));
    assertTypeError("operand 2 must be array of strings but got array containing number",
        "strings.any_suffix_match", s("a"), json("[1, 2]"));
    assertTypeError("operand 1 must be set of strings but got set containing boolean",
        "strings.any_prefix_match", SetValue.of(n(1), BooleanValue.TRUE), s("a"));
  }

  @Test
  void concatJoinsArraysInOrderAndSetsSorted() {
    assertEquals(s("/foo/bar/0/baz"), call("concat", s("/"), json("[\"\", \"foo\", \"bar\", \"0\", \"baz\"]")));
    assertEquals(s("a,b,c"), call("concat", s(","), SetValue.of(s("c"), s("a"), s("b"))));
    assertEquals(s(""), call("concat", s(","), ArrayValue.EMPTY));
    assertEquals(s("x"), call("concat", s(","), json("[\"x\"]")));
  }

  @Test
  void concatRejectsNonStrings() {
    assertTypeError("operand 2 must be array of strings but got array containing number", "concat", s(","), json("[1]"));
    assertTypeError("operand 2 must be one of {set, array} but got string", "concat", s(","), s("ab"));
    assertTypeError("operand 1 must be string but got null", "concat", NullValue.NULL, ArrayValue.EMPTY);
  }

  @Test
  void formatIntTruncatesTowardZeroInEveryBase() {
    assertEquals(s("f"), call("format_int", NumberValue.parse("15.5"), n(16)));
    assertEquals(s("-f"), call("format_int", NumberValue.parse("-15.9"), n(16)));
    assertEquals(s("3"), call("format_int", NumberValue.parse("3.1"), n(10)));
    assertEquals(s("1010"), call("format_int", n(10), n(2)));
    assertEquals(s("-17"), call("format_int", n(-15), n(8)));
    assertEquals(s("0"), call("format_int", NumberValue.parse("-0.5"), n(16)));
    NumberValue big = NumberValue.parse("18446744073709551617");
    assertEquals(s("10000000000000001"), call("format_int", big, n(16)));
    assertEquals(s("18446744073709551617"), call("format_int", big, n(10)));
    assertEquals(s("2000000000000000000001"), call("format_int", big, n(8)));
    assertEquals(s("-10000000000000001"), call("format_int", NumberValue.parse("-18446744073709551617"), n(16)));
  }

  @Test
  void formatIntRejectsOtherBases() {
    assertTypeError("operand 2 must be one of {2, 8, 10, 16}", "format_int", n(4), n(199));
    assertTypeError("operand 2 must be one of {2, 8, 10, 16}", "format_int", n(4), NumberValue.parse("2.5"));
    assertTypeError("operand 1 must be number but got string", "format_int", s("4"), n(10));
  }

  @Test
  void indexOfCountsCodePoints() {
    assertEquals(n(2), call("indexof", s("abcdefgh"), s("cde")));
    assertEquals(n(8), call("indexof", s("abcabcabcdefgh"), s("cde")));
    assertEquals(n(-1), call("indexof", s("abcdefgh"), s("xyz")));
    assertEquals(n(1), call("indexof", s("\u03bcx"), s("x")));
    assertEquals(n(-1), call("indexof", s("\u03bc"), s("\u03bc\u03bc")));
    assertEquals(n(9), call("indexof", s("sk\u00f6n var v\u00e5ren"), s("v\u00e5r")));
    assertEquals(n(2), call("indexof", s("\uD83D\uDE00\uD83D\uDE01x"), s("x")));
    String sweets = "\uD83C\uDF67\uD83C\uDF68\uD83E\uDDC1\uD83C\uDF70\uD83C\uDF6E";
    assertEquals(n(4), call("indexof", s(sweets), s("\uD83C\uDF6E")));
    assertEquals(n(0), call("indexof", s(sweets), s(sweets)));
  }

  @Test
  void indexOfNFindsOverlappingMatches() {
    assertEquals(json("[3, 9]"), call("indexof_n", s("dogcatdogcat"), s("cat")));
    assertEquals(json("[0, 1]"), call("indexof_n", s("aaa"), s("aa")));
    assertEquals(ArrayValue.EMPTY, call("indexof_n", s("dogcat"), s("rabbit")));
    assertEquals(json("[1, 3, 5]"), call("indexof_n", s("\u00e5a\u00e5a\u00e5a"), s("a")));
    String emojis = "\uD83D\uDE07\uD83D\uDE00\uD83D\uDE07\uD83D\uDE00\uD83D\uDE07\uD83D\uDE00";
    assertEquals(json("[1, 3, 5]"), call("indexof_n", s(emojis), s("\uD83D\uDE00")));
    assertEquals(ArrayValue.EMPTY, call("indexof_n", s(emojis), s("\uD83D\uDE02")));
  }

  @Test
  void indexOfRejectsEmptySearch() {
    assertError(RegoError.EVAL_BUILTIN, "empty search character", "indexof", s("abc"), s(""));
    assertError(RegoError.EVAL_BUILTIN, "empty search character", "indexof_n", s("abc"), s(""));
  }

  @Test
  void substringFollowsOpaOffsetRules() {
    assertEquals(s("cde"), call("substring", s("abcdefgh"), n(2), n(3)));
    assertEquals(s("\u00e5\u00e4"), call("substring", s("\u00e5\u00e4\u00f6"), n(0), n(2)));
    assertEquals(s("cdefgh"), call("substring", s("abcdefgh"), n(2), n(-1)));
    assertEquals(s("\u00e4\u00f6"), call("substring", s("a\u00e5\u00e4\u00f6"), n(2), n(-1)));
    assertEquals(s("cdefgh\u00e5\u00e4\u00f6"), call("substring", s("abcdefgh\u00e5\u00e4\u00f6"), n(2), n(10000)));
    assertEquals(s(""), call("substring", s("aaa"), n(3), n(-1)));
    assertEquals(s(""), call("substring", s("\u00e5\u00e4\u00f6"), n(4), n(-1)));
    assertEquals(s("bc"), call("substring", s("abc"), n(1), n(Long.MAX_VALUE)));
    assertEquals(s("\uD83D\uDE01"), call("substring", s("\uD83D\uDE00\uD83D\uDE01x"), n(1), n(1)));
  }

  @Test
  void substringRejectsNegativeOffsetAndFractions() {
    assertError(RegoError.EVAL_BUILTIN, "negative offset", "substring", s("aaa"), n(-1), n(-1));
    assertTypeError("operand 2 must be integer number but got floating-point number",
        "substring", s("aaa"), NumberValue.parse("1.5"), n(1));
    assertTypeError("operand 3 must be integer number but got floating-point number",
        "substring", s("aaa"), n(1), NumberValue.parse("1e30"));
  }

  @Test
  void containsStartsWithEndsWith() {
    assertEquals(BooleanValue.TRUE, call("contains", s("abcdefgh"), s("defg")));
    assertEquals(BooleanValue.FALSE, call("contains", s("abcdefgh"), s("ac")));
    assertEquals(BooleanValue.TRUE, call("startswith", s("abcdefgh"), s("abcd")));
    assertEquals(BooleanValue.FALSE, call("startswith", s("abcdefgh"), s("bcd")));
    assertEquals(BooleanValue.TRUE, call("endswith", s("abcdefgh"), s("fgh")));
    assertEquals(BooleanValue.FALSE, call("endswith", s("abcdefgh"), s("fg")));
    assertTypeError("operand 2 must be string but got number", "contains", s("a"), n(1));
  }

  @Test
  void countIsNonOverlappingAndCountsEmptyPerCodePoint() {
    assertEquals(n(3), call("strings.count", s("cheese"), s("e")));
    assertEquals(n(3), call("strings.count", s("hello hello hello world"), s("hello")));
    assertEquals(n(0), call("strings.count", s("dummy"), s("x")));
    assertEquals(n(6), call("strings.count", s("dummy"), s("")));
    assertEquals(n(1), call("strings.count", s(""), s("")));
    assertEquals(n(2), call("strings.count", s("11111"), s("11")));
    assertEquals(n(3), call("strings.count", s("\u00e5\u00e4"), s("")));
  }

  @Test
  void lowerAndUpperUseSimpleCaseMapping() {
    assertEquals(s("abcdef"), call("lower", s("AbCdEf")));
    assertEquals(s("ABCDEF"), call("upper", s("AbCdEf")));
    assertEquals(s("\u00df"), call("upper", s("\u00df")));
    assertEquals(s("i"), call("lower", s("\u0130")));
    assertEquals(s("\u00c5\u00c4\u00d6"), call("upper", s("\u00e5\u00e4\u00f6")));
    assertEquals(s("\u00df\u00c5\u01c4\ufb01"), call("upper", s("\u00df\u00e5\u01c6\ufb01")));
    assertEquals(s("i\u03c3\u01c6"), call("lower", s("\u0130\u03a3\u01c5")));
  }

  @Test
  void reverseReversesCodePoints() {
    assertEquals(s("rab"), call("strings.reverse", s("bar")));
    assertEquals(s("\u20e3\ufe0f2"), call("strings.reverse", s("2\ufe0f\u20e3")));
    assertEquals(s("\uD835\uDEFE\uD83D\uDE001"), call("strings.reverse", s("1\uD83D\uDE00\uD835\uDEFE")));
    assertEquals(s(""), call("strings.reverse", s("")));
    assertTypeError("operand 1 must be string but got object", "strings.reverse", ObjectValue.EMPTY);
  }

  @Test
  void splitFollowsGoRules() {
    assertEquals(json("[\"\"]"), call("split", s(""), s(".")));
    assertEquals(json("[\"t\", \"e\", \"s\", \"t\"]"), call("split", s("test"), s("")));
    assertEquals(ArrayValue.EMPTY, call("split", s(""), s("")));
    assertEquals(json("[\"foo\"]"), call("split", s("foo"), s(".")));
    assertEquals(json("[\"foo\", \"bar\", \"baz\"]"), call("split", s("foo.bar.baz"), s(".")));
    assertEquals(json("[\"\", \"a\", \"\"]"), call("split", s(".a."), s(".")));
    assertEquals(json("[\"\u00e5\", \"\uD83D\uDE00\"]"), call("split", s("\u00e5\uD83D\uDE00"), s("")));
  }

  @Test
  void splitNKeepsLeadingOrTrailingParts() {
    Value abcd = s("a.b.c.d");
    assertEquals(json("[\"a\", \"b\"]"), call("strings.split_n", abcd, s("."), n(2)));
    assertEquals(json("[\"a\"]"), call("strings.split_n", abcd, s("."), n(1)));
    assertEquals(json("[\"a\", \"b\", \"c\", \"d\"]"), call("strings.split_n", abcd, s("."), n(4)));
    assertEquals(json("[\"a\", \"b\", \"c\", \"d\"]"), call("strings.split_n", abcd, s("."), n(10)));
    assertEquals(ArrayValue.EMPTY, call("strings.split_n", abcd, s("."), n(0)));
    assertEquals(json("[\"c\", \"d\"]"), call("strings.split_n", abcd, s("."), n(-2)));
    assertEquals(json("[\"d\"]"), call("strings.split_n", abcd, s("."), n(-1)));
    assertEquals(json("[\"a\", \"b\", \"c\", \"d\"]"), call("strings.split_n", abcd, s("."), n(-10)));
    assertEquals(json("[\"abc\"]"), call("strings.split_n", s("abc"), s("."), n(-2)));
    assertEquals(json("[\"\"]"), call("strings.split_n", s(""), s("."), n(2)));
    assertEquals(json("[\"a\", \"b\"]"), call("strings.split_n", s("abc"), s(""), n(2)));
    assertEquals(json("[\"b\", \"c\"]"), call("strings.split_n", s("abc"), s(""), n(-2)));
    assertTypeError("operand 3 must be integer number but got floating-point number",
        "strings.split_n", s("a.b.c"), s("."), NumberValue.parse("1.5"));
  }

  @Test
  void replaceReplacesAllWithoutOverlap() {
    assertEquals(s(""), call("replace", s(""), s("hi"), s("bye")));
    assertEquals(s("foo,bar"), call("replace", s("foo.bar"), s("."), s(",")));
    assertEquals(s("foo,bar,baz"), call("replace", s("foo.bar.baz"), s("."), s(",")));
    assertEquals(s("foo,,.bar"), call("replace", s("foo...bar"), s(".."), s(",,")));
    assertEquals(s("XaX\u00e5X"), call("replace", s("a\u00e5"), s(""), s("X")));
  }

  @Test
  void replaceNAppliesPairsInKeyOrder() {
    ObjectValue patterns = ObjectValue.builder().put("<", s("&lt;")).put(">", s("&gt;")).build();
    assertEquals(s("&lt;b&gt;"), call("strings.replace_n", patterns, s("<b>")));
    ObjectValue overlapping = ObjectValue.builder().put("a", s("1")).put("ab", s("2")).build();
    assertEquals(s("1b"), call("strings.replace_n", overlapping, s("ab")));
    ObjectValue withEmpty = ObjectValue.builder().put("", s("-")).put("b", s("B")).build();
    assertEquals(s("-a-B-"), call("strings.replace_n", withEmpty, s("ab")));
    ObjectValue emptyKeySortsFirst = ObjectValue.builder().put("a", s("")).put("", s("x")).build();
    assertEquals(s("xxxbx"), call("strings.replace_n", emptyKeySortsFirst, s("aab")));
    assertEquals(s("bba"), call("strings.replace_n", ObjectValue.builder().put("aa", s("b")).build(), s("aaaaa")));
  }

  @Test
  void replaceNRejectsNonStringPatterns() {
    assertTypeError("operand 1 non-string key found in pattern object", "strings.replace_n",
        ObjectValue.builder().put(n(1), s("x")).build(), s("a"));
    assertTypeError("operand 1 non-string value found in pattern object", "strings.replace_n",
        ObjectValue.builder().put("a", n(1)).build(), s("a"));
    assertTypeError("operand 2 must be string but got number", "strings.replace_n",
        ObjectValue.builder().put(n(1), s("x")).build(), n(1));
  }

  @Test
  void trimFamilyUsesCutSetsOfCodePoints() {
    assertEquals(s(""), call("trim", s(""), s(".")));
    assertEquals(s("foo.bar"), call("trim", s("...foo.bar..."), s(".")));
    assertEquals(s("oo.ba"), call("trim", s("...foo.bar..."), s(".fr")));
    assertEquals(s("foo, bar"), call("trim", s("\u00a1\u00a1\u00a1foo, bar!!!"), s("!\u00a1")));
    assertEquals(s("abc"), call("trim", s("abc"), s("")));
    assertEquals(s("foo, bar!!!"), call("trim_left", s("\u00a1\u00a1\u00a1foo, bar!!!"), s("!\u00a1")));
    assertEquals(s("\u00a1\u00a1\u00a1foo, bar"), call("trim_right", s("\u00a1\u00a1\u00a1foo, bar!!!"), s("!\u00a1")));
    assertEquals(s("!!!foo, bar\u00a1\u00a1\u00a1"), call("trim_left", s("!!!foo, bar\u00a1\u00a1\u00a1"), s("\u00a1")));
  }

  @Test
  void trimPrefixAndSuffixRemoveOnce() {
    assertEquals(s(", bar!!!"), call("trim_prefix", s("\u00a1\u00a1\u00a1foo, bar!!!"), s("\u00a1\u00a1\u00a1foo")));
    assertEquals(s("abab"), call("trim_prefix", s("ababab"), s("ab")));
    assertEquals(s("\u00a1\u00a1\u00a1foo"), call("trim_suffix", s("\u00a1\u00a1\u00a1foo, bar!!!"), s(", bar!!!")));
    assertEquals(s("abc"), call("trim_suffix", s("abc"), s("x")));
  }

  @Test
  void trimSpaceUsesGoWhiteSpace() {
    assertEquals(s("foo, bar"), call("trim_space", s(" \t\n foo, bar \n\t\r\n")));
    assertEquals(s("x"), call("trim_space", s("\u00a0\u2003\u3000x\u0085\u000b")));
    assertEquals(s("\u001cx"), call("trim_space", s("\u001cx")));
    assertEquals(s("x\u200b"), call("trim_space", s("x\u200b")));
    assertTypeError("operand 1 must be string but got array", "trim_space", ArrayValue.EMPTY);
  }
}
