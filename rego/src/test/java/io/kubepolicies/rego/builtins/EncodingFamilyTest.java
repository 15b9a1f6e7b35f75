package io.kubepolicies.rego.builtins;

import static io.kubepolicies.rego.builtins.TestTerms.json;
import static io.kubepolicies.rego.builtins.TestTerms.str;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.NullValue;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EncodingFamilyTest {
  private final FamilyCalls calls = new FamilyCalls(new EncodingFamily());

  private Value call(String name, Value... args) {
    return calls.call(name, args);
  }

  private BuiltinException failure(String name, Value... args) {
    return calls.failure(name, args);
  }

  private Value call(String name, String arg) {
    return calls.call(name, StringValue.of(arg));
  }

  private BuiltinException failure(String name, String arg) {
    return calls.failure(name, StringValue.of(arg));
  }

  @Nested
  class Base64Encoding {
    @Test
    void encodesAndDecodes() {
      assertEquals(str("aGVsbG8="), call("base64.encode", "hello"));
      assertEquals(str("c3ViamVjdHM/X2Q="), call("base64.encode", "subjects?_d"));
      assertEquals(str("hello"), call("base64.decode", "aGVsbG8="));
      assertEquals(str("subjects?_d"), call("base64.decode", "c3ViamVjdHM/X2Q="));
      assertEquals(str(""), call("base64.decode", ""));
      assertEquals(str("w6k="), call("base64.encode", "é"));
    }

    @Test
    void decodingSkipsLineBreaksAndIgnoresUnusedBits() {
      assertEquals(str("hello"), call("base64.decode", "aGVs\r\nbG8="));
      assertEquals(str("hello"), call("base64.decode", "aGVsbG9="));
    }

    @Test
    void rejectsWhatGoRejectsAtTheSameOffset() {
      assertEquals("illegal base64 data at input byte 4", failure("base64.decode", "aGVsbG8").getMessage());
      assertEquals("illegal base64 data at input byte 0", failure("base64.decode", "{'not':'base64'}").getMessage());
      assertEquals("illegal base64 data at input byte 8", failure("base64.decode", "aGVsbG8=x").getMessage());
      assertEquals("illegal base64 data at input byte 1", failure("base64.decode", "a===").getMessage());
      assertEquals("illegal base64 data at input byte 7", failure("base64.decode", "aGVsbA=").getMessage());
      assertEquals("illegal base64 data at input byte 3", failure("base64.decode", "aGV-").getMessage());
      assertEquals(RegoError.EVAL_BUILTIN, failure("base64.decode", "aGVsbG8").code());
    }

    @Test
    void isValidReportsDecodability() {
      assertEquals(BooleanValue.TRUE, call("base64.is_valid", "aGVsbG8="));
      assertEquals(BooleanValue.FALSE, call("base64.is_valid", "{'not':'base64'}"));
      assertEquals(BooleanValue.FALSE, call("base64.is_valid", NumberValue.of(1)));
    }

    @Test
    void nonStringOperandIsTypeError() {
      BuiltinException e = failure("base64.encode", NumberValue.of(1));
      assertEquals(RegoError.EVAL_TYPE, e.code());
      assertEquals("operand 1 must be string but got number", e.getMessage());
    }
  }

  @Nested
  class Base64UrlEncoding {
    @Test
    void encodesWithAndWithoutPadding() {
      assertEquals(str("aGVsbG8="), call("base64url.encode", "hello"));
      assertEquals(str("aGVsbG8"), call("base64url.encode_no_pad", "hello"));
      assertEquals(str("Pz8_"), call("base64url.encode", "???"));
    }

    @Test
    void decodesPaddedAndUnpadded() {
      assertEquals(str("hello"), call("base64url.decode", "aGVsbG8="));
      assertEquals(str("hello"), call("base64url.decode", "aGVsbG8"));
      assertEquals(str("???"), call("base64url.decode", "Pz8_"));
      assertEquals(str("h"), call("base64url.decode", "aA"));
    }

    @Test
    void rejectsImpossibleLengthsAndStandardAlphabet() {
      assertEquals("illegal base64url string: aGVsb", failure("base64url.decode", "aGVsb").getMessage());
      assertEquals("illegal base64 data at input byte 3", failure("base64url.decode", "Pz8/").getMessage());
    }
  }

  @Nested
  class HexEncoding {
    @Test
    void encodesAndDecodes() {
      assertEquals(str("6c6f72656d20697073756d"), call("hex.encode", "lorem ipsum"));
      assertEquals(str("lorem ipsum"), call("hex.decode", "6c6f72656d20697073756d"));
      assertEquals(str("lorem"), call("hex.decode", "6C6F72656D"));
    }

    @Test
    void rejectsInvalidBytesBeforeOddLength() {
      assertEquals("encoding/hex: invalid byte: U+0067 'g'", failure("hex.decode", "fghijkl").getMessage());
      assertEquals("encoding/hex: odd length hex string", failure("hex.decode", "abc").getMessage());
      assertEquals("encoding/hex: invalid byte: U+0078 'x'", failure("hex.decode", "abx").getMessage());
      assertEquals("encoding/hex: invalid byte: U+00C3 'Ã'", failure("hex.decode", "é0").getMessage());
      assertEquals("encoding/hex: invalid byte: U+000A", failure("hex.decode", "\n0").getMessage());
    }
  }

  @Nested
  class JsonMarshal {
    @Test
    void writesGoCompactJson() {
      assertEquals(str("[{\"foo\":[1,2,3]}]"),
          call("json.marshal", ArrayValue.of(ObjectValue.builder().put("foo", SetValue.of(NumberValue.of(3), NumberValue.of(1), NumberValue.of(2))).build())));
      assertEquals(str("{\"a\":1,\"b\":null,\"c\":true}"), call("json.marshal", json("{\"c\":true,\"a\":1,\"b\":null}")));
      assertEquals(str("\"\\u003cb\\u003e \\u0026 \\u2028\""), call("json.marshal", str("<b> & \u2028")));
      assertEquals(str("\"tab\\tnl\\nbell\\u0007bs\\b\""), call("json.marshal", str("tab\tnl\nbell\u0007bs\b")));
      assertEquals(str("[1234567890,2000000,1000000000]"), call("json.marshal", json("[1234567890, 2e6, 1e9]")));
      assertEquals(str("0.5"), call("json.marshal", NumberValue.parse("0.50")));
    }

    @Test
    void nonStringKeysBecomeTheirJsonText() {
      ObjectValue obj = ObjectValue.builder()
          .put(NumberValue.of(1), str("one"))
          .put(ArrayValue.of(str("<")), str("arr"))
          .put("b", str("string")).build();
      assertEquals(str("{\"1\":\"one\",\"[\\\"\\\\u003c\\\"]\":\"arr\",\"b\":\"string\"}"), call("json.marshal", obj));
    }

    @Test
    void deeplyNestedValuesAreWritten() {
      Value v = ArrayValue.EMPTY;
      for (int i = 0; i < 10_000; i++) {
        v = ArrayValue.of(v);
      }
      assertEquals(str("[".repeat(10_001) + "]".repeat(10_001)), call("json.marshal", v));
    }

    @Test
    void keysSortByCodePoint() {
      ObjectValue obj = ObjectValue.builder().put("\uffff", NumberValue.of(1)).put("😀", NumberValue.of(2)).build();
      assertEquals(str("{\"\uffff\":1,\"😀\":2}"), call("json.marshal", obj));
    }
  }

  @Nested
  class JsonMarshalWithOptions {
    private final Value numbers = json("[1234567890, 2000000, 1000000000]");

    private Value marshal(Value x, String opts) {
      return call("json.marshal_with_options", x, json(opts));
    }

    @Test
    void prettyPrintsWithPrefixAndIndent() {
      assertEquals(str("[\n  1234567890,\n  2000000,\n  1000000000\n]"), marshal(numbers, "{\"indent\": \"  \"}"));
      assertEquals(str("[\n\t1234567890,\n\t2000000,\n\t1000000000\n]"), marshal(numbers, "{\"pretty\": true}"));
      assertEquals(str("JSON => [\nJSON => \t1234567890,\nJSON => \t2000000,\nJSON => \t1000000000\nJSON => ]"),
          marshal(numbers, "{\"prefix\": \"JSON => \"}"));
      assertEquals(str("JSON => {\nJSON => \t\"bar\": \"baz\",\nJSON => \t\"foo\": \"bar\"\nJSON => }"),
          marshal(json("{\"foo\": \"bar\", \"bar\": \"baz\"}"), "{\"prefix\": \"JSON => \"}"));
    }

    @Test
    void compactUnlessAskedOrExplicitlyDisabled() {
      assertEquals(str("[1234567890,2000000,1000000000]"), marshal(numbers, "{}"));
      assertEquals(str("[1234567890,2000000,1000000000]"),
          marshal(numbers, "{\"pretty\": false, \"prefix\": \"NO!\", \"indent\": \"BAD!\"}"));
    }

    @Test
    void emptyCollectionsStayOnOneLine() {
      assertEquals(str("---[]"), marshal(json("[]"), "{\"indent\": \"    \", \"prefix\": \"---\"}"));
      assertEquals(str("[\n    [\n        [\n            []\n        ]\n    ]\n]"), marshal(json("[[[[]]]]"), "{\"indent\": \"    \"}"));
      assertEquals(str("{\n\t\"a\": {}\n}"), marshal(json("{\"a\": {}}"), "{\"pretty\": true}"));
    }

    @Test
    void rejectsBadOptionsWithOpaMessages() {
      BuiltinException unknown = failure("json.marshal_with_options", json("[]"),
          json("{\"indent\": \"    \", \"include_winning_lottery_numbers\": true}"));
      assertEquals(RegoError.EVAL_TYPE, unknown.code());
      assertEquals("operand 2 object contained unknown key \"include_winning_lottery_numbers\"", unknown.getMessage());
      assertEquals("operand 2 key \"pretty\" failed cast to bool",
          failure("json.marshal_with_options", json("[]"), json("{\"pretty\": 1}")).getMessage());
      assertEquals("operand 2 key \"prefix\" failed cast to string: operand 1 must be string but got number",
          failure("json.marshal_with_options", json("[]"), json("{\"indent\": \"x\", \"prefix\": 1}")).getMessage());
      assertEquals("operand 2 failed to stringify key 1 at index 0: operand 0 must be string but got number",
          failure("json.marshal_with_options", json("[]"), ObjectValue.builder().put(NumberValue.of(1), str("x")).build()).getMessage());
      assertEquals("operand 2 must be object but got string",
          failure("json.marshal_with_options", json("[]"), str("x")).getMessage());
    }
  }

  @Nested
  class JsonUnmarshal {
    @Test
    void parsesDocuments() {
      assertEquals(json("[{\"foo\":[1,2,3]}]"), call("json.unmarshal", "[{\"foo\":[1,2,3]}]"));
      assertEquals(str("a\u00e9\ud83d\ude00/"), call("json.unmarshal", "\"a\\u00e9\\ud83d\\ude00\\/\""));
      assertEquals(str("\ufffdx"), call("json.unmarshal", "\"\\ud83dx\""));
      assertEquals(NumberValue.parse("-1.5e3"), call("json.unmarshal", " -1.5e3 "));
      assertEquals(json("{\"a\":2}"), call("json.unmarshal", "{\"a\":1,\"a\":2}"));
    }

    @Test
    void reportsGoSyntaxErrors() {
      assertEquals("invalid character 'p' looking for beginning of value", failure("json.unmarshal", "plainstring").getMessage());
      assertEquals("unexpected EOF", failure("json.unmarshal", "{").getMessage());
      assertEquals("unexpected EOF", failure("json.unmarshal", "[1, tru").getMessage());
      assertEquals("EOF", failure("json.unmarshal", "  ").getMessage());
      assertEquals("invalid character ']' looking for beginning of value", failure("json.unmarshal", "[1,]").getMessage());
      assertEquals("invalid character '}' looking for beginning of object key string", failure("json.unmarshal", "{\"a\":1,}").getMessage());
      assertEquals("invalid character '1' after object key", failure("json.unmarshal", "{\"a\" 1}").getMessage());
      assertEquals("invalid character '\"' after object key:value pair", failure("json.unmarshal", "{\"a\":1 \"b\":2}").getMessage());
      assertEquals("invalid character '2' after array element", failure("json.unmarshal", "[1 2]").getMessage());
      assertEquals("invalid character 'x' in literal true (expecting 'r')", failure("json.unmarshal", "txue").getMessage());
      assertEquals("invalid character 'x' after decimal point in numeric literal", failure("json.unmarshal", "1.x").getMessage());
      assertEquals("invalid character '\\n' in string literal", failure("json.unmarshal", "\"a\nb\"").getMessage());
      assertEquals("invalid character 'q' in string escape code", failure("json.unmarshal", "\"\\q\"").getMessage());
      assertEquals("invalid character 'g' in \\u hexadecimal character escape", failure("json.unmarshal", "\"\\u12g4\"").getMessage());
      assertEquals("invalid character 'Ã' looking for beginning of value", failure("json.unmarshal", "é").getMessage());
      assertEquals("invalid character '\\'' looking for beginning of value", failure("json.unmarshal", "'a'").getMessage());
    }

    @Test
    void trailingDataIsReportedTheWayOpaDoes() {
      assertEquals("error: invalid character '2' after top-level value", failure("json.unmarshal", "1 2").getMessage());
      assertEquals("error: invalid character '[' after top-level value", failure("json.unmarshal", "[1] [2]").getMessage());
      assertEquals("error: invalid character 'x' after top-level value", failure("json.unmarshal", "{} \"x\"").getMessage());
      assertEquals("error: invalid character '%!s(bool=true)' after top-level value", failure("json.unmarshal", "1 true").getMessage());
      assertEquals("invalid character 'x' looking for beginning of value", failure("json.unmarshal", "[1]x").getMessage());
      assertEquals("invalid character '}' looking for beginning of value", failure("json.unmarshal", "[1]}").getMessage());
      // Go's decoder hands back null for a trailing null, which OPA mistakes for the end of input.
      assertEquals(json("[1]"), call("json.unmarshal", "[1] null garbage"));
    }

    @Test
    void nestingIsLimitedLikeGo() {
      String deep = "[".repeat(10_001) + "]".repeat(10_001);
      assertEquals("invalid character '[' exceeded max depth", failure("json.unmarshal", deep).getMessage());
      assertEquals(BooleanValue.TRUE, call("json.is_valid", "[".repeat(10_000) + "]".repeat(10_000)));
    }

    @Test
    void exponentBeyondAnExactNumberIsAClearError() {
      assertEquals("json: number 1e-99999999999 is out of range", failure("json.unmarshal", "1e-99999999999").getMessage());
    }

    @Test
    void operandMustBeString() {
      BuiltinException e = failure("json.unmarshal", NumberValue.of(1));
      assertEquals(RegoError.EVAL_TYPE, e.code());
      assertEquals("operand 1 must be string but got number", e.getMessage());
    }
  }

  @Nested
  class JsonIsValid {
    @Test
    void acceptsExactlyOneValue() {
      assertEquals(BooleanValue.TRUE, call("json.is_valid", "{\"json\": \"ok\"}"));
      assertEquals(BooleanValue.TRUE, call("json.is_valid", " 1 "));
      assertEquals(BooleanValue.FALSE, call("json.is_valid", "plainstring"));
      assertEquals(BooleanValue.FALSE, call("json.is_valid", "{"));
      assertEquals(BooleanValue.FALSE, call("json.is_valid", "1 2"));
      assertEquals(BooleanValue.FALSE, call("json.is_valid", "[1] null"));
      assertEquals(BooleanValue.FALSE, call("json.is_valid", ""));
      assertEquals(BooleanValue.FALSE, call("json.is_valid", "01"));
      assertEquals(BooleanValue.FALSE, call("json.is_valid", NumberValue.of(1)));
    }
  }

  @Nested
  class YamlUnmarshal {
    @Test
    void readsBlockAndFlowStyle() {
      assertEquals(json("{\"foo\":[{\"qux\":\"bar\"},{\"baz\":2}]}"), call("yaml.unmarshal", "foo:\n - qux: bar\n - baz: 2\n"));
      assertEquals(json("[1,2,3]"), call("yaml.unmarshal", "[1, 2, 3]"));
      assertEquals(NullValue.NULL, call("yaml.unmarshal", ""));
      assertEquals(str("only the first"), call("yaml.unmarshal", "only the first\n---\nsecond: [\n"));
    }

    @Test
    void resolvesScalarsTheYaml11WayGoYamlDoes() {
      assertEquals(json("{\"a\":true,\"b\":false,\"c\":true,\"d\":null,\"e\":\"yes\",\"f\":8,\"g\":255,\"h\":1000,\"i\":1.1,\"j\":\"2001-12-14\",\"k\":5,\"l\":8}"),
          call("yaml.unmarshal", "a: yes\nb: Off\nc: y\nd: ~\ne: 'yes'\nf: 010\ng: 0xFF\nh: 1_000\ni: 1.10\nj: 2001-12-14\nk: 0b101\nl: 08\n"));
      assertEquals(ArrayValue.of(NumberValue.parse("18446744073709551615"), NumberValue.parse("1.2345678901234568e29"),
              NumberValue.parse("0.1"), str("1e400")),
          call("yaml.unmarshal", "[18446744073709551615, 123456789012345678901234567890, 0.1, 1e400]"));
    }

    @Test
    void keysBecomeStringsAsInSigsYaml() {
      assertEquals(json("{\"1\":\"a\",\"true\":\"b\",\"1.5\":\"c\",\"1e+06\":\"d\"}"),
          call("yaml.unmarshal", "1: a\nyes: b\n1.5: c\n1000000.0: d\n"));
      assertEquals("unsupported map key of type: %!s(<nil>), key: <nil>, value: 1", failure("yaml.unmarshal", "~: 1").getMessage());
    }

    @Test
    void explicitTagsAreHonoured() {
      assertEquals(json("[\"1\", 2, 3.0, \"x\"]"), call("yaml.unmarshal", "[!!str 1, !!int 2, !!float 3, !custom x]"));
      assertEquals("yaml: cannot decode !!str `abc` as a !!int", failure("yaml.unmarshal", "!!int abc").getMessage());
    }

    @Test
    void mergeKeysApplyInDocumentOrder() {
      assertEquals(json("{\"base\":{\"a\":1,\"b\":2},\"x\":{\"a\":1,\"b\":3,\"c\":4}}"),
          call("yaml.unmarshal", "base: &b {a: 1, b: 2}\nx:\n  <<: *b\n  b: 3\n  c: 4\n"));
      assertEquals(json("{\"a\":1}"), call("yaml.unmarshal", "{a: 0, <<: {a: 1}}"));
      assertEquals(json("{\"a\":1,\"b\":2}"), call("yaml.unmarshal", "<<: [{a: 1}, {a: 9, b: 2}]"));
      assertEquals("yaml: map merge requires map or sequence of maps as the value",
          failure("yaml.unmarshal", "<<: 1").getMessage());
    }

    @Test
    void specialFloatsCannotBecomeJson() {
      assertEquals("json: unsupported value: +Inf", failure("yaml.unmarshal", "a: .inf").getMessage());
      assertEquals("json: unsupported value: NaN", failure("yaml.unmarshal", ".nan").getMessage());
    }

    @Test
    void syntaxErrorsReadLikeGoYaml() {
      BuiltinException e = failure("yaml.unmarshal", "[1,2,3");
      assertEquals(RegoError.EVAL_BUILTIN, e.code());
      assertEquals("yaml: line 1: did not find expected ',' or ']'", e.getMessage());
      assertEquals("yaml: line 2: mapping values are not allowed in this context", failure("yaml.unmarshal", "a: b\nc: d: e\n").getMessage());
      assertEquals("yaml: unknown anchor 'nope' referenced", failure("yaml.unmarshal", "a: *nope").getMessage());
    }

    @Test
    void excessiveAliasingIsRefused() {
      StringBuilder doc = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
      char prev = 'a';
      for (char c = 'b'; c <= 'i'; c++) {
        doc.append(c).append(": &").append(c).append(" [").append(("*" + prev + ", ").repeat(9)).append('*').append(prev).append("]\n");
        prev = c;
      }
      assertEquals("yaml: document contains excessive aliasing", failure("yaml.unmarshal", doc.toString()).getMessage());
    }
  }

  @Nested
  class YamlIsValid {
    @Test
    void reportsWhetherUnmarshalWouldSucceed() {
      assertEquals(BooleanValue.TRUE, call("yaml.is_valid", "foo:\n - qux: bar\n - baz: 2"));
      assertEquals(BooleanValue.FALSE, call("yaml.is_valid", "foo:\n - qux: bar\n - baz: {"));
      assertEquals(BooleanValue.TRUE, call("yaml.is_valid", "{\"json\": \"ok\"}"));
      assertEquals(BooleanValue.FALSE, call("yaml.is_valid", "a: .nan"));
      assertEquals(BooleanValue.FALSE, call("yaml.is_valid", NumberValue.of(1)));
    }
  }

  @Nested
  class YamlMarshal {
    private String marshal(Value v) {
      return ((StringValue) call("yaml.marshal", v)).value();
    }

    @Test
    void writesBlockStyleWithUnindentedSequencesUnderKeys() {
      assertEquals("- foo:\n  - 1\n  - 2\n  - 3\n",
          marshal(ArrayValue.of(ObjectValue.builder().put("foo", SetValue.of(NumberValue.of(1), NumberValue.of(2), NumberValue.of(3))).build())));
      assertEquals("a:\n  b:\n  - x\n  - - w\n    - z\n  c: {}\nd: []\n", marshal(json("{\"d\": [], \"a\": {\"c\": {}, \"b\": [\"x\", [\"w\", \"z\"]]}}")));
      assertEquals("- a: 1\n  b: 2\n- []\n", marshal(json("[{\"b\": 2, \"a\": 1}, []]")));
    }

    @Test
    void scalarsAtTheTop() {
      assertEquals("null\n", marshal(NullValue.NULL));
      assertEquals("hello\n", marshal(str("hello")));
      assertEquals("{}\n", marshal(ObjectValue.EMPTY));
      assertEquals("1.5\n", marshal(NumberValue.parse("1.5")));
      assertEquals("1.2345675e+06\n", marshal(NumberValue.parse("1234567.5")));
      assertEquals("1e-05\n", marshal(NumberValue.parse("0.00001")));
    }

    @Test
    void quotesStringsThatWouldReadBackAsSomethingElse() {
      assertEquals("a: \"true\"\nb: \"1\"\nc: \"\"\nd: \"null\"\ne: \"1.5\"\nf: \"yes\"\n",
          marshal(json("{\"a\": \"true\", \"b\": \"1\", \"c\": \"\", \"d\": \"null\", \"e\": \"1.5\", \"f\": \"yes\"}")));
      assertEquals("'- a'\n", marshal(str("- a")));
      assertEquals("'a: b'\n", marshal(str("a: b")));
      assertEquals("' lead'\n", marshal(str(" lead")));
      assertEquals("\"tab\\there\"\n", marshal(str("tab\there")));
      assertEquals("\"\\U0001F600\"\n", marshal(str("😀")));
      assertEquals("it's\n", marshal(str("it's")));
      assertEquals("'''quoted'''\n", marshal(str("'quoted'")));
    }

    @Test
    void multiLineStringsBecomeLiteralBlocks() {
      assertEquals("a: |-\n  line one\n  line two\nb: |\n  x\n\n  y\n", marshal(json("{\"a\": \"line one\\nline two\", \"b\": \"x\\n\\ny\\n\"}")));
      assertEquals("|2-\n   indented\n  x\n", marshal(str(" indented\nx")));
    }

    @Test
    void keysInGoYamlNaturalOrder() {
      assertEquals("a1: 1\na2: 2\na10: 3\nb: 4\n", marshal(json("{\"a10\": 3, \"b\": 4, \"a2\": 2, \"a1\": 1}")));
      assertEquals("_: w\n\"1\": x\na: z\n", marshal(json("{\"a\": \"z\", \"_\": \"w\", \"1\": \"x\"}")));
      // "y" is a YAML 1.1 boolean, so go-yaml quotes it.
      assertEquals("a: \"y\"\n", marshal(json("{\"a\": \"y\"}")));
    }

    @Test
    void refusesValuesNestedBeyondTheReaderLimit() {
      Value v = ArrayValue.EMPTY;
      for (int i = 0; i < 1001; i++) {
        v = ArrayValue.of(v);
      }
      assertEquals("yaml: value nests deeper than 1000 levels", failure("yaml.marshal", v).getMessage());
    }

    @Test
    void roundTripsThroughUnmarshal() {
      Value v = json("{\"s\": \"multi\\nline\", \"n\": [1, 2.5, -3], \"b\": true, \"z\": null, \"q\": \"- x\", \"e\": {}, \"k\": \"yes\"}");
      assertEquals(v, call("yaml.unmarshal", call("yaml.marshal", v)));
    }
  }

  @Nested
  class UrlQuery {
    @Test
    void encodesAndDecodesComponents() {
      assertEquals(str("a%3Db%2B1"), call("urlquery.encode", "a=b+1"));
      assertEquals(str(""), call("urlquery.encode", ""));
      assertEquals(str("a+b%C3%A9~_.-"), call("urlquery.encode", "a bé~_.-"));
      assertEquals(str("a=b+1"), call("urlquery.decode", "a%3Db%2B1"));
      assertEquals(str("a b"), call("urlquery.decode", "a+b"));
    }

    @Test
    void decodeRejectsBadEscapes() {
      assertEquals("invalid URL escape \"%zz\"", failure("urlquery.decode", "%zz").getMessage());
      assertEquals("invalid URL escape \"%4\"", failure("urlquery.decode", "a%4").getMessage());
    }

    @Test
    void encodesObjectsSortedByKey() {
      assertEquals(str(""), call("urlquery.encode_object", ObjectValue.EMPTY));
      assertEquals(str("a=b&c=d"), call("urlquery.encode_object", json("{\"c\": \"d\", \"a\": \"b\"}")));
      assertEquals(str("a=c%3Db%2B1"), call("urlquery.encode_object", json("{\"a\": \"c=b+1\"}")));
      assertEquals(str("a=b%2B1&a=c%2B2"), call("urlquery.encode_object", json("{\"a\": [\"b+1\", \"c+2\"]}")));
      assertEquals(str("a=b%2B1"), call("urlquery.encode_object", ObjectValue.builder().put("a", SetValue.of(str("b+1"))).build()));
      assertEquals(str(""), call("urlquery.encode_object", json("{\"a\": []}")));
    }

    @Test
    void encodeObjectRejectsOtherValues() {
      BuiltinException e = failure("urlquery.encode_object", json("{\"a\": 1}"));
      assertEquals(RegoError.EVAL_TYPE, e.code());
      assertEquals("operand 1 values must be string, array[string], or set[string]", e.getMessage());
      assertEquals("operand 1 values must be string, array[string], or set[string]",
          failure("urlquery.encode_object", json("{\"a\": [\"x\", 1]}")).getMessage());
      assertEquals("operand 1 must be object but got array", failure("urlquery.encode_object", json("[]")).getMessage());
    }

    @Test
    void decodesObjectsIntoArraysOfValues() {
      assertEquals(json("{\"a\": [\"value_a1\", \"value_a2\"], \"b\": [\"value_b\"]}"),
          call("urlquery.decode_object", "a=value_a1&b=value_b&a=value_a2"));
      assertEquals(json("{\"a\": [\"value_a1\"], \"b\": [\"\"]}"), call("urlquery.decode_object", "a=value_a1&b"));
      assertEquals(ObjectValue.EMPTY, call("urlquery.decode_object", ""));
      assertEquals(json("{\"a b\": [\"c=d\"]}"), call("urlquery.decode_object", "&a+b=c%3Dd&"));
    }

    @Test
    void decodeObjectFailsLikeGoParseQuery() {
      assertEquals("invalid semicolon separator in query", failure("urlquery.decode_object", "a=1;b=2").getMessage());
      assertEquals("invalid URL escape \"%zz\"", failure("urlquery.decode_object", "a=%zz&b=%yy").getMessage());
      assertEquals("invalid semicolon separator in query", failure("urlquery.decode_object", "a=%zz&b;").getMessage());
      assertEquals("number of URL query parameters exceeded limit",
          failure("urlquery.decode_object", "a&".repeat(10_000)).getMessage());
    }
  }
}
