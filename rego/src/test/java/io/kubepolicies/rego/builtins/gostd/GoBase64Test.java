package io.kubepolicies.rego.builtins.gostd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoBase64Test {
  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void decodesPaddedInput() {
    assertArrayEquals(bytes("hello"), GoBase64.decodeStd(bytes("aGVsbG8=")));
    assertArrayEquals(bytes("hi"), GoBase64.decodeStd(bytes("aGk=")));
    assertArrayEquals(bytes("h"), GoBase64.decodeStd(bytes("aA==")));
    assertArrayEquals(new byte[0], GoBase64.decodeStd(new byte[0]));
  }

  @Test
  void ignoresUnusedTrailingBits() {
    assertArrayEquals(bytes("hello"), GoBase64.decodeStd(bytes("aGVsbG9=")));
  }

  @Test
  void skipsLineBreaksAnywhere() {
    assertArrayEquals(bytes("hello"), GoBase64.decodeStd(bytes("aGVs\r\nbG8\n=")));
    assertArrayEquals(bytes("h"), GoBase64.decodeStd(bytes("aA=\n=\n")));
  }

  @Test
  void urlAlphabet() {
    assertArrayEquals(new byte[] {(byte) 0xfb, (byte) 0xff}, GoBase64.decodeUrl(bytes("-_8=")));
    assertThrows(GoBase64.CorruptInputException.class, () -> GoBase64.decodeUrl(bytes("+/8=")));
  }

  @ParameterizedTest
  @CsvSource({
      "foobar, 4",
      "YmFkc3RyaW5n!, 12",
      "a, 0",
      "aGk=x, 4",
      "aA=, 3",
      "aA=x, 2",
      "=AAA, 0",
      "aGVsbG8=aGk=, 8",
      "a===, 1",
      "aGVsbA=, 7",
      "aGV-, 3"
  })
  void reportsTheOffsetGoReports(String input, int offset) {
    GoBase64.CorruptInputException e =
        assertThrows(GoBase64.CorruptInputException.class, () -> GoBase64.decodeStd(bytes(input)));
    assertEquals("illegal base64 data at input byte " + offset, e.getMessage());
  }

  @Test
  void restoresMissingUrlPadding() {
    assertArrayEquals(bytes("hello"), GoBase64.decodeUrlPaddingOptional("aGVsbG8"));
    assertArrayEquals(bytes("hello"), GoBase64.decodeUrlPaddingOptional("aGVsbG8="));
    assertArrayEquals(bytes("h"), GoBase64.decodeUrlPaddingOptional("aA"));
    assertArrayEquals(bytes("???"), GoBase64.decodeUrlPaddingOptional("Pz8_"));
    assertArrayEquals(new byte[0], GoBase64.decodeUrlPaddingOptional(""));
  }

  @Test
  void rejectsUrlInputNoPaddingCanMend() {
    assertEquals("illegal base64url string: aGVsb",
        assertThrows(GoBase64.CorruptInputException.class, () -> GoBase64.decodeUrlPaddingOptional("aGVsb")).getMessage());
    assertEquals("illegal base64 data at input byte 3",
        assertThrows(GoBase64.CorruptInputException.class, () -> GoBase64.decodeUrlPaddingOptional("Pz8/")).getMessage());
  }

  @Test
  void encodes() {
    assertEquals("aGk=", GoBase64.encodeStd(bytes("hi")));
    assertEquals("-_8", GoBase64.encodeRawUrl(new byte[] {(byte) 0xfb, (byte) 0xff}));
  }
}
