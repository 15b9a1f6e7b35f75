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
