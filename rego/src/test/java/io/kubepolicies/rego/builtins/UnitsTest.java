package io.kubepolicies.rego.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.value.NumberValue;
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

  private static NumberValue n(String text) {
    return NumberValue.parse(text);
  }

  private void assertFails(String name, String input, String message) {
    BuiltinException e = assertThrows(BuiltinException.class,
        () -> calls.call(name, StringValue.of(input)));
    assertEquals(RegoError.EVAL_BUILTIN, e.code());
    assertEquals(message, e.getMessage());
  }

  @Test
  void parseReadsDecimalAndBinarySuffixes() {
    assertEquals(n("10000"), parse("10K"));
    assertEquals(n("10000"), parse("10k"));
    assertEquals(n("10240"), parse("10KI"));
    assertEquals(n("10240"), parse("10Ki"));
    assertEquals(n("200000000"), parse("200M"));
    assertEquals(n("104857600"), parse("100mi"));
    assertEquals(n("322122547200"), parse("300Gi"));
    assertEquals(n("100000000000000"), parse("100T"));
    assertEquals(n("112589990684262400"), parse("100pi"));
    assertEquals(n("10000000000000000000"), parse("10e"));
    assertEquals(n("11529215046068469760"), parse("10Ei"));
    assertEquals(n("12345"), parse("12345"));
    assertEquals(n("109951162777600"), parse("\"100TI\""));
  }

  @Test
  void parseKeepsFractionsExactly() {
    assertEquals(n("1100"), parse("1.1K"));
    assertEquals(n("1126.4"), parse("1.1Ki"));
    assertEquals(n("500"), parse(".5K"));
    assertEquals(n("0"), parse(".0"));
    assertEquals(n("0.5"), parse("0.0000005M"));
    assertEquals(n("0.01"), parse("1e-2"));
    assertEquals(n("0.78"), parse("7.8E-1"));
    assertEquals(n("2500000"), parse("2.5e3K"));
    assertEquals(n("6291456000"), parse("6e3Mi"));
    assertEquals(n("5000000000000000000"), parse("5E"));
  }

  @Test
  void parseMilliUsesTheBinaryThousandthAndTenDecimals() {
    assertEquals(n("0.5"), parse("500m"));
    assertEquals(n("-0.35"), parse("-3.5E2m"));
    assertEquals(n("123456.789"), parse("123456789m"));
    assertEquals(n("100000000000000002.0816681712"), parse("1e20m"));
    assertEquals(n("0"), parse("1e-12m"));
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
    assertEquals(n("10000"), bytes("10KB"));
    assertEquals(n("10240"), bytes("10KIB"));
    assertEquals(n("10240"), bytes("10Kib"));
    assertEquals(n("200000000"), bytes("200mb"));
    assertEquals(n("100000000"), bytes("100m"));
    assertEquals(n("322122547200"), bytes("300GiB"));
    assertEquals(n("109951162777600"), bytes("\"100TIB\""));
    assertEquals(n("11529215046068469760"), bytes("10eib"));
    assertEquals(n("10000000000000000000"), bytes("10e"));
    assertEquals(n("1000000"), bytes("1e3KB"));
    assertEquals(n("335544320"), bytes("3.2E2MiB"));
    assertEquals(n("0"), bytes(".0"));
    assertEquals(n("12345"), bytes("12345"));
  }

  @Test
  void parseBytesTruncatesA64BitBinaryResult() {
    assertEquals(n("1126"), bytes("1.1KiB"));
    assertEquals(n("1100"), bytes("1.1KB"));
    assertEquals(n("10"), bytes("1e-2KB"));
    assertEquals(n("2"), bytes("2.5e-3kb"));
    assertEquals(n("-1500"), bytes("-1.5kb"));
    assertEquals(n("82463372083200"), bytes("7.5e1TiB"));
    assertEquals(n("123456789123456789118976"), bytes("123456789123456789123kb"));
    assertEquals(n("1000000000000000000040638980554752"), bytes("1e30kb"));
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
    BuiltinException e = assertThrows(BuiltinException.class,
        () -> calls.call("units.parse", NumberValue.of(1)));
    assertEquals("operand 1 must be string but got number", e.getMessage());
  }
}
