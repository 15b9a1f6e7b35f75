package io.kubepolicies.rego.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Expected texts were produced by Go's strconv. */
class GoQuoteTest {
  @Test
  void quotesLikeStrconvQuote() {
    assertEquals("\"a\\\"b\\\\c\"", GoQuote.quote("a\"b\\c", false));
    assertEquals("\"\\a\\b\\f\\n\\r\\t\\v\\x00\\x7f\"", GoQuote.quote("\u0007\b\f\n\r\t\u000b\u0000\u007f", false));
    assertEquals("\"\u00e9\\u00ad\\u2028 \\u00a0\"", GoQuote.quote("\u00e9\u00ad\u2028 \u00a0", false));
    assertEquals("\"\uD83D\uDE00\\U000e0001\\ufffe\"", GoQuote.quote("\uD83D\uDE00\uDB40\uDC01\uFFFE", false));
    assertEquals("\"'\"", GoQuote.quote("'", false));
  }

  @Test
  void quotesByteStringsWithInvalidUtf8AsHexEscapes() {
    byte[] b = {'%', 'z', (byte) 0xc3, (byte) 0xa9, (byte) 0xff, '\n'};
    assertEquals("\"%z\u00e9\\xff\\n\"", GoQuote.quote(b, 0, b.length));
    assertEquals("\"%z\\xc3\"", GoQuote.quote(b, 0, 3));
    // overlong, surrogate and out-of-range sequences are invalid UTF-8
    byte[] bad = {(byte) 0xc0, (byte) 0x80, (byte) 0xed, (byte) 0xa0, (byte) 0x80, (byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80};
    assertEquals("\"\\xc0\\x80\\xed\\xa0\\x80\\xf4\\x90\\x80\\x80\"", GoQuote.quote(bad, 0, bad.length));
    byte[] emoji = "\uD83D\uDE00".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertEquals("\"\uD83D\uDE00\"", GoQuote.quote(emoji, 0, emoji.length));
  }

  @Test
  void namesTheEscapeStrconvQuoteWrites() {
    assertEquals(0, GoQuote.escapeLetter('a'));
    assertEquals(0, GoQuote.escapeLetter(0x1F600));
    assertEquals('"', GoQuote.escapeLetter('"'));
    assertEquals('\\', GoQuote.escapeLetter('\\'));
    assertEquals('n', GoQuote.escapeLetter('\n'));
    assertEquals('a', GoQuote.escapeLetter(0x07));
    assertEquals('v', GoQuote.escapeLetter(0x0B));
    assertEquals('x', GoQuote.escapeLetter(0x01));
    assertEquals('x', GoQuote.escapeLetter(0x7F));
    assertEquals('u', GoQuote.escapeLetter(0x2028));
    assertEquals('u', GoQuote.escapeLetter(0xD800));
    assertEquals('U', GoQuote.escapeLetter(0xE0001));
  }

  @Test
  void quotesToAsciiWithEscapes() {
    assertEquals("\"\\u00e9\\u00ad\\u2028 \\u00a0\"", GoQuote.quote("\u00e9\u00ad\u2028 \u00a0", true));
    assertEquals("\"\\U0001f600\\U000e0001\\ufffe\"", GoQuote.quote("\uD83D\uDE00\uDB40\uDC01\uFFFE", true));
  }

  @Test
  void quotesRunes() {
    assertEquals("'\\''", GoQuote.quoteRune('\'', false));
    assertEquals("'\"'", GoQuote.quoteRune('"', false));
    assertEquals("'\\u00e9'", GoQuote.quoteRune(0xE9, true));
    assertEquals("'\ufffd'", GoQuote.quoteRune(0xD800, false));
  }

  @Test
  void backquotesOnlyPlainText() {
    assertTrue(GoQuote.canBackquote("a\tb"));
    assertFalse(GoQuote.canBackquote("a\nb"));
    assertFalse(GoQuote.canBackquote("\ufeff"));
    assertFalse(GoQuote.canBackquote("a`b"));
  }

  @Test
  void regoTextQuotesStringsTheGoWay() {
    assertEquals("[\"a\\x01\", {\"k\": set()}]",
        RegoText.write(ArrayValue.of(StringValue.of("a\u0001"),
            ObjectValue.builder().put("k", SetValue.EMPTY).build())));
  }
}
