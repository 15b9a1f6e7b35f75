package io.kubepolicies.rego.builtins.gostd;

import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.Map;
import java.util.TreeMap;

/**
 * A value serialised the way OPA hands it to Go's {@code json.Marshal}: compact, object keys sorted
 * by their string form, sets as sorted arrays, non-string keys as their JSON text, and strings escaped
 * like Go ({@code <}, {@code >}, {@code &}, U+2028 and U+2029 as {@code \}{@code u} escapes). Signed
 * tokens and AWS payload hashes are computed over these exact bytes.
 */
public final class GoJson {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private GoJson() {}

  public static String marshal(Value value) {
    StringBuilder out = new StringBuilder();
    write(out, value);
    return out.toString();
  }

  private static void write(StringBuilder out, Value value) {
    if (value instanceof StringValue s) {
      writeString(out, s.value());
    } else if (value instanceof NumberValue n) {
      out.append(n);
    } else if (value instanceof BooleanValue b) {
      out.append(b.value());
    } else if (value instanceof ArrayValue a) {
      writeElements(out, a.elements());
    } else if (value instanceof SetValue s) {
      writeElements(out, s.sorted());
    } else if (value instanceof ObjectValue o) {
      Map<String, Value> sorted = new TreeMap<>(GoStrings::compare);
      for (Map.Entry<Value, Value> e : o.entries()) {
        sorted.put(Json.keyText(e.getKey()), e.getValue());
      }
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, Value> e : sorted.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        writeString(out, e.getKey());
        out.append(':');
        write(out, e.getValue());
      }
      out.append('}');
    } else {
      out.append("null");
    }
  }

  private static void writeElements(StringBuilder out, Iterable<Value> elements) {
    out.append('[');
    boolean first = true;
    for (Value v : elements) {
      if (!first) {
        out.append(',');
      }
      first = false;
      write(out, v);
    }
    out.append(']');
  }

  /** A JSON string literal with Go's escaping. */
  public static void writeString(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '<', '>', '&', '\u2028', '\u2029' -> unicodeEscape(out, c);
        default -> {
          if (c < 0x20) {
            unicodeEscape(out, c);
          } else if (Character.isSurrogate(c) && !validPair(s, i)) {
            // Go replaces invalid UTF-8 (here: a lone surrogate) with U+FFFD
            out.append("\\ufffd");
          } else if (Character.isHighSurrogate(c)) {
            out.append(c).append(s.charAt(++i));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static boolean validPair(String s, int i) {
    return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
  }

  private static void unicodeEscape(StringBuilder out, char c) {
    out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
  }
}
