package io.kubepolicies.rego.builtins.gostd;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PEM decoding with the rules of Go's {@code encoding/pem.Decode}: a block starts at the beginning of
 * the input or of a line, malformed candidates are skipped, and what follows the block is returned
 * so callers can tell "extra data after the block" apart, exactly as OPA does.
 */
public final class GoPem {
  private static final byte[] BEGIN = ascii("\n-----BEGIN ");
  private static final byte[] END = ascii("\n-----END ");
  private static final byte[] DASHES = ascii("-----");

  private GoPem() {}

  /** One decoded block. */
  public record Block(String type, Map<String, String> headers, byte[] bytes) {
    public Block {
      headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }
  }

  /** The result of one decode step: the block (null when none was found) and the remaining input. */
  public record Decoded(Block block, byte[] rest) {}

  public static Decoded decode(String data) {
    return decode(data.getBytes(StandardCharsets.UTF_8));
  }

  public static Decoded decode(byte[] data) {
    int pos = 0;
    while (true) {
      int start;
      if (startsWith(data, pos, BEGIN, 1)) {
        start = pos + BEGIN.length - 1;
      } else {
        int found = indexOf(data, pos, BEGIN);
        if (found < 0) {
          return new Decoded(null, data);
        }
        start = found + BEGIN.length;
      }
      int[] line = line(data, start);
      pos = line[2];
      byte[] typeLine = Arrays.copyOfRange(data, start, line[1]);
      if (!endsWith(typeLine, DASHES)) {
        continue;
      }
      String type = new String(typeLine, 0, typeLine.length - DASHES.length, StandardCharsets.UTF_8);
      byte[] typeBytes = Arrays.copyOf(typeLine, typeLine.length - DASHES.length);

      Map<String, String> headers = new LinkedHashMap<>();
      boolean truncated = false;
      while (true) {
        if (pos >= data.length) {
          truncated = true;
          break;
        }
        int[] header = line(data, pos);
        int colon = indexOf(data, pos, header[1], (byte) ':');
        if (colon < 0) {
          break;
        }
        headers.put(
            new String(data, pos, colon - pos, StandardCharsets.UTF_8).trim(),
            new String(data, colon + 1, header[1] - colon - 1, StandardCharsets.UTF_8).trim());
        pos = header[2];
      }
      if (truncated) {
        return new Decoded(null, data);
      }

      int endIndex;
      int endTrailer;
      if (headers.isEmpty() && startsWith(data, pos, END, 1)) {
        endIndex = pos;
        endTrailer = pos + END.length - 1;
      } else {
        endIndex = indexOf(data, pos, END);
        endTrailer = endIndex + END.length;
      }
      if (endIndex < 0) {
        continue;
      }
      int trailerLength = typeBytes.length + DASHES.length;
      if (data.length - endTrailer < trailerLength) {
        continue;
      }
      if (!startsWith(data, endTrailer, typeBytes, 0)
          || !startsWith(data, endTrailer + typeBytes.length, DASHES, 0)) {
        continue;
      }
      int[] restOfEndLine = line(data, endTrailer + trailerLength);
      if (restOfEndLine[1] != endTrailer + trailerLength) {
        continue;
      }
      byte[] body;
      try {
        body = GoBase64.decodeStd(removeSpacesAndTabs(data, pos, endIndex));
      } catch (GoBase64.CorruptInputException e) {
        continue;
      }
      int[] endLine = line(data, endIndex + END.length - 1);
      return new Decoded(new Block(type, headers, body), Arrays.copyOfRange(data, endLine[2], data.length));
    }
  }

  /**
   * Go's getLine from {@code from}: {start, end of the line without trailing blanks, start of the
   * next line}.
   */
  private static int[] line(byte[] data, int from) {
    int nl = indexOf(data, from, data.length, (byte) '\n');
    int end = nl < 0 ? data.length : nl;
    int next = nl < 0 ? data.length : nl + 1;
    while (end > from && (data[end - 1] == ' ' || data[end - 1] == '\t' || data[end - 1] == '\r')) {
      end--;
    }
    return new int[] {from, end, next};
  }

  private static byte[] removeSpacesAndTabs(byte[] data, int from, int to) {
    byte[] out = new byte[Math.max(0, to - from)];
    int n = 0;
    for (int i = from; i < to; i++) {
      if (data[i] != ' ' && data[i] != '\t') {
        out[n++] = data[i];
      }
    }
    return Arrays.copyOf(out, n);
  }

  private static boolean startsWith(byte[] data, int at, byte[] prefix, int prefixFrom) {
    int n = prefix.length - prefixFrom;
    if (at < 0 || data.length - at < n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (data[at + i] != prefix[prefixFrom + i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean endsWith(byte[] data, byte[] suffix) {
    return data.length >= suffix.length && startsWith(data, data.length - suffix.length, suffix, 0);
  }

  private static int indexOf(byte[] data, int from, byte[] needle) {
    for (int i = Math.max(from, 0); i + needle.length <= data.length; i++) {
      if (startsWith(data, i, needle, 0)) {
        return i;
      }
    }
    return -1;
  }

  private static int indexOf(byte[] data, int from, int to, byte b) {
    for (int i = from; i < to; i++) {
      if (data[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
