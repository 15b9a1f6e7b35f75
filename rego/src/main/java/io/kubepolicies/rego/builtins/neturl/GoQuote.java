package io.kubepolicies.rego.builtins.neturl;

import io.kubepolicies.rego.value.RegoText;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Go's {@code strconv.Quote} over raw bytes: net/url messages quote byte slices of the input, which may
 * cut a UTF-8 sequence; such bytes come out as {@code \xNN}, as in Go.
 */
final class GoQuote {
  private GoQuote() {}

  static String quote(byte[] b, int from, int to) {
    StringBuilder out = new StringBuilder("\"");
    int i = from;
    while (i < to) {
      int len = sequenceLength(b[i]);
      String rune = len > 0 && i + len <= to ? decode(b, i, len) : null;
      if (rune == null) {
        out.append(String.format("\\x%02x", b[i] & 0xff));
        i++;
      } else {
        StringBuilder q = new StringBuilder();
        RegoText.quote(rune, q);
        out.append(q, 1, q.length() - 1);
        i += len;
      }
    }
    return out.append('"').toString();
  }

  static String quote(byte[] b) {
    return quote(b, 0, b.length);
  }

  private static int sequenceLength(byte lead) {
    int v = lead & 0xff;
    if (v < 0x80) {
      return 1;
    }
    if (v >= 0xc2 && v <= 0xdf) {
      return 2;
    }
    if (v >= 0xe0 && v <= 0xef) {
      return 3;
    }
    if (v >= 0xf0 && v <= 0xf4) {
      return 4;
    }
    return 0;
  }

  private static String decode(byte[] b, int from, int len) {
    CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      CharBuffer cb = d.decode(ByteBuffer.wrap(b, from, len));
      return cb.toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
