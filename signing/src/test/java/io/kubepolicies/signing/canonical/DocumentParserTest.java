package io.kubepolicies.signing.canonical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubepolicies.signing.BundleException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Golden tests: every expected string here is written by hand from Go's encoding/json rules. */
class DocumentParserTest {
  private final DocumentParser parser = new DocumentParser(1 << 20);

  private String json(String text) throws BundleException {
    return parser.parseJson(text.getBytes(StandardCharsets.UTF_8)).toJson();
  }

  private String yaml(String text) throws BundleException {
    return parser.parseJsonOrYaml(text.getBytes(StandardCharsets.UTF_8)).toJson();
  }

  @Test
  void removesWhitespaceAndSortsKeys() throws BundleException {
    assertEquals("{\"a\":[true,false,null],\"b\":{\"c\":\"d\"}}",
        json(" {\n  \"b\" : { \"c\" : \"d\" },\n\t\"a\": [ true , false , null ] }\n"));
  }

  @Test
  void sortsNestedObjectsAtEveryLevel() throws BundleException {
    assertEquals("{\"x\":[{\"a\":1,\"b\":2}],\"y\":{\"a\":{\"a\":0,\"z\":0},\"m\":{}}}",
        json("{\"y\":{\"m\":{},\"a\":{\"z\":0,\"a\":0}},\"x\":[{\"b\":2,\"a\":1}]}"));
  }

  @Test
  void sortsKeysByCodePointNotByUtf16Unit() throws BundleException {
    // U+FF21 sorts before U+1F600 in UTF-8 (Go) but after it in UTF-16 (String.compareTo).
    assertEquals("{\"Z\":1,\"é\":2,\"Ａ\":3,\"😀\":4}",
        json("{\"😀\":4,\"Ａ\":3,\"é\":2,\"Z\":1}"));
  }

  @Test
  void keepsJsonNumberLiteralsAsWritten() throws BundleException {
    assertEquals("[1.50,-0,1E+3,1e-7,0.1,123456789012345678901234567890,-12]",
        json("[1.50, -0, 1E+3, 1e-7, 0.1, 123456789012345678901234567890, -12]"));
  }

  @Test
  void writesUnicodeAsUtf8AndUnescapesNeedlessEscapes() throws BundleException {
    assertEquals("[\"é\",\"😀\",\"/\",\"A\"]", json("[\"\\u00e9\", \"\\ud83d\\ude00\", \"\\/\", \"\\u0041\"]"));
  }

  @Test
  void escapesLikeGoWithHtmlEscapingOff() throws BundleException {
    // OPA's hasher calls SetEscapeHTML(false): <, > and & stay as they are (no \u003c, \u003e, \u0026).
    assertEquals("\"<a href='x'>&amp;</a>\"", json("\"<a href='x'>\\u0026amp;</a>\""));
    assertEquals("\"q\\\"b\\\\\"", json("\"q\\\"b\\\\\""));
    assertEquals("\"\\b\\f\\n\\r\\t\"", json("\"\\b\\f\\n\\r\\t\""));
    assertEquals("\"\\u0000\\u0001\\u001f\"", json("\"\\u0000\\u0001\\u001F\""));
    assertEquals("\"\u007f\"", json("\"\\u007f\""));
    assertEquals("\"\\u2028\\u2029\"", json("\"\u2028\\u2029\""));
  }

  @Test
  void replacesUnpairedSurrogatesLikeGo() throws BundleException {
    assertEquals("\"a\uFFFDb\"", json("\"a\\ud800b\""));
  }

  @Test
  void acceptsAUtf8ByteOrderMark() throws BundleException {
    assertEquals("{}", json("\uFEFF{}"));
  }

  @Test
  void rejectsDuplicateKeys() {
    BundleException e = assertThrows(BundleException.class, () -> json("{\"a\":1,\"b\":{\"c\":1,\"c\":2}}"));
    assertEquals("duplicate key \"c\"", e.getMessage());
  }

  @Test
  void rejectsTrailingContentAndEmptyDocuments() {
    assertTrue(assertThrows(BundleException.class, () -> json("{} {}")).getMessage().contains("more than one document"));
    assertTrue(assertThrows(BundleException.class, () -> json("{}x")).getMessage().startsWith("invalid JSON"));
    assertEquals("invalid JSON: empty document", assertThrows(BundleException.class, () -> json(" ")).getMessage());
  }

  @Test
  void rejectsJsonThatGoRejects() {
    for (String bad : new String[] {"[01]", "[.5]", "[1.]", "[+1]", "[NaN]", "{'a':1}", "[1,]", "{a:1}", "\"a\u0001\"", "[1] // c"}) {
      BundleException e = assertThrows(BundleException.class, () -> json(bad), bad);
      assertTrue(e.getMessage().startsWith("invalid JSON"), e.getMessage());
    }
  }

  @Test
  void rejectsInvalidUtf8() {
    byte[] bad = {'"', (byte) 0xC3, '"'};
    assertThrows(BundleException.class, () -> parser.parseJson(bad));
  }

  @Test
  void rejectsNestingBeyondTheLimit() {
    String deep = "[".repeat(DocumentParser.MAX_NESTING_DEPTH + 1) + "]".repeat(DocumentParser.MAX_NESTING_DEPTH + 1);
    assertTrue(assertThrows(BundleException.class, () -> json(deep)).getMessage().startsWith("invalid JSON"));
  }

  @Test
  void readsYamlAsGoDoesForHashing() throws BundleException {
    assertEquals("{\"a\":1,\"b\":[\"x\",true],\"c\":{\"d\":null}}", yaml("b: [x, true]\na: 1\nc:\n  d: ~\n"));
  }

  @Test
  void writesYamlNumbersAsGoFloat64AndInt64() throws BundleException {
    assertEquals("[1,0.5,-0,100000,0.000001,1e-7,1.5e+21,100000000000000000000]",
        yaml("- 1.0\n- 0.50\n- -0.0\n- 1.0e+5\n- 0.000001\n- 0.0000001\n- 1.5e+21\n- 1.0e+20\n"));
    assertEquals("[9223372036854775807,18446744073709551615,18446744073709552000,-9223372036854775808,31,1.2345678901234569e+23]",
        yaml("- 9223372036854775807\n- 18446744073709551615\n- 18446744073709551616\n- -9223372036854775808\n- 0x1F\n- 123456789012345678901234\n"));
  }

  @Test
  void treatsValidJsonInAYamlFileAsJson() throws BundleException {
    assertEquals("{\"a\":1.0}", yaml("{\"a\": 1.0}"));
  }

  @Test
  void readsAnEmptyYamlDocumentAsNull() throws BundleException {
    assertEquals("null", yaml(""));
  }

  @Test
  void rejectsYamlThatJsonCannotHold() {
    assertTrue(assertThrows(BundleException.class, () -> yaml("a: .inf\n")).getMessage().startsWith("invalid YAML"));
    assertTrue(assertThrows(BundleException.class, () -> yaml("a: 1.0e+999\n")).getMessage().contains("unsupported number"));
    assertTrue(assertThrows(BundleException.class, () -> yaml("a: 1\n---\nb: 2\n")).getMessage().contains("more than one document"));
    assertEquals("duplicate key \"a\"", assertThrows(BundleException.class, () -> yaml("a: 1\na: 2\n")).getMessage());
    assertEquals("YAML aliases are not supported",
        assertThrows(BundleException.class, () -> yaml("a: &x [1]\nb: *x\n")).getMessage());
  }
}
