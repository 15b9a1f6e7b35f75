package io.kubepolicies.rego.builtins;

import static io.kubepolicies.rego.builtins.TestTerms.num;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import org.junit.jupiter.api.Test;

class UnitsTest {
  private final FamilyCalls calls = new FamilyCalls(new Units());

  private Value parse(String s) {
    return calls.call("units.parse", StringValue.of(s));
  }

  private Value bytes(String s) {
    return calls.call("units.parse_bytes", StringValue.of(s));
  }

  private void assertFails(String name, String input, String message) {
    calls.assertFails(RegoError.EVAL_BUILTIN, message, name, StringValue.of(input));
  }

  @Test
  void parseReadsDecimalAndBinarySuffixes() {
    assertEquals(num("10000"), parse("10K"));
    assertEquals(num("10000"), parse("10k"));
    assertEquals(num("10240"), parse("10KI"));
    assertEquals(num("10240"), parse("10Ki"));
    assertEquals(num("200000000"), parse("200M"));
    assertEquals(num("104857600"), parse("100mi"));
    assertEquals(num("322122547200"), parse("300Gi"));
    assertEquals(num("100000000000000"), parse("100T"));
    assertEquals(num("112589990684262400"), parse("100pi"));
    assertEquals(num("10000000000000000000"), parse("10e"));
    assertEquals(num("11529215046068469760"), parse("10Ei"));
    assertEquals(num("12345"), parse("12345"));
    assertEquals(num("109951162777600"), parse("\"100TI\""));
  }

  @Test
  void parseKeepsFractionsExactly() {
    assertEquals(num("1100"), parse("1.1K"));
    assertEquals(num("1126.4"), parse("1.1Ki"));
    assertEquals(num("500"), parse(".5K"));
    assertEquals(num("0"), parse(".0"));
    assertEquals(num("0.5"), parse("0.0000005M"));
    assertEquals(num("0.01"), parse("1e-2"));
    assertEquals(num("0.78"), parse("7.8E-1"));
    assertEquals(num("2500000"), parse("2.5e3K"));
    assertEquals(num("6291456000"), parse("6e3Mi"));
    assertEquals(num("5000000000000000000"), parse("5E"));
  }

  @Test
  void parseMilliUsesTheBinaryThousandthAndTenDecimals() {
    assertEquals(num("0.5"), parse("500m"));
    assertEquals(num("-0.35"), parse("-3.5E2m"));
    assertEquals(num("123456.789"), parse("123456789m"));
    assertEquals(num("100000000000000002.0816681712"), parse("1e20m"));
    assertEquals(num("0"), parse("1e-12m"));
  }

  @Test
  void parseRejectsMalformedAmounts() {
    assertFails("units.parse", "", "units.parse: no amount provided");
    assertFails("units.parse", "G", "units.parse: no amount provided");
    assertFails("units.parse", "0.0.0", "units.parse: could not parse amount to a number");
    assertFails("units.parse", ".5.2", "units.parse: could not parse amount to a number");
    assertFails("units.parse", "100 k", "units.parse: spaces not allowed in resource strings");
    assertFails("units.parse", "10e10000000Ei", "units.parse: exponent too large");
    assertFails("units.parse", "10mb", "units.parse: unit mb not recognized");
    assertFails("units.parse", "1e-", "units.parse: could not parse amount to a number");
  }

  @Test
  void parseBytesReadsUnitsCaseInsensitively() {
    assertEquals(num("10000"), bytes("10KB"));
    assertEquals(num("10240"), bytes("10KIB"));
    assertEquals(num("10240"), bytes("10Kib"));
    assertEquals(num("200000000"), bytes("200mb"));
    assertEquals(num("100000000"), bytes("100m"));
    assertEquals(num("322122547200"), bytes("300GiB"));
    assertEquals(num("109951162777600"), bytes("\"100TIB\""));
    assertEquals(num("11529215046068469760"), bytes("10eib"));
    assertEquals(num("10000000000000000000"), bytes("10e"));
    assertEquals(num("1000000"), bytes("1e3KB"));
    assertEquals(num("335544320"), bytes("3.2E2MiB"));
    assertEquals(num("0"), bytes(".0"));
    assertEquals(num("12345"), bytes("12345"));
  }

  @Test
  void parseBytesTruncatesA64BitBinaryResult() {
    assertEquals(num("1126"), bytes("1.1KiB"));
    assertEquals(num("1100"), bytes("1.1KB"));
    assertEquals(num("10"), bytes("1e-2KB"));
    assertEquals(num("2"), bytes("2.5e-3kb"));
    assertEquals(num("-1500"), bytes("-1.5kb"));
    assertEquals(num("82463372083200"), bytes("7.5e1TiB"));
    assertEquals(num("123456789123456789118976"), bytes("123456789123456789123kb"));
    assertEquals(num("1000000000000000000040638980554752"), bytes("1e30kb"));
  }

  @Test
  void parseBytesRejectsMalformedAmounts() {
    assertFails("units.parse_bytes", "", "units.parse_bytes: no byte amount provided");
    assertFails("units.parse_bytes", "foo", "units.parse_bytes: no byte amount provided");
    assertFails("units.parse_bytes", "0.0.0", "units.parse_bytes: could not parse byte amount to a number");
    assertFails("units.parse_bytes", " 327MiB ", "units.parse_bytes: spaces not allowed in resource strings");
    assertFails("units.parse_bytes", "10e10000000EiB", "units.parse_bytes: exponent too large");
    assertFails("units.parse_bytes", "10xb", "units.parse_bytes: byte unit xb not recognized");
  }

  @Test
  void rejectsNonStringOperand() {
    assertEquals("operand 1 must be string but got number", calls.failure("units.parse", num(1)).getMessage());
  }
}
