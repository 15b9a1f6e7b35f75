package io.kubepolicies.rego.builtins.encoding;

import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.Ordering;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON text exactly as OPA writes it through Go's {@code encoding/json}: sets as sorted arrays, object
 * keys sorted by code point, a non-string key replaced by its own JSON text, and Go's string escaping
 * ({@code <}, {@code >}, {@code &}, U+2028 and U+2029 as unicode escapes, invalid UTF-16 as the
 * replacement character). Indented output follows {@code json.MarshalIndent}.
 */
public final class GoJsonWriter {
  private static final String HEX = "0123456789abcdef";

  private final StringBuilder out = new StringBuilder();
  private final String prefix;
  private final String indent;
  private final boolean pretty;

  private GoJsonWriter(String prefix, String indent, boolean pretty) {
    this.prefix = prefix;
    this.indent = indent;
    this.pretty = pretty;
  }

  /** Compact JSON, as {@code json.Marshal}. */
  public static String compact(Value value) {
    GoJsonWriter w = new GoJsonWriter("", "", false);
    w.value(value, 0);
    return w.out.toString();
  }

  /**
   * Indented JSON, as {@code json.MarshalIndent(value, prefix, indent)}: every line after the first
   * starts with {@code prefix}, followed by {@code indent} once per nesting level.
   */
  public static String indented(Value value, String prefix, String indent) {
    GoJsonWriter w = new GoJsonWriter(prefix, indent, true);
    w.value(value, 0);
    return w.out.toString();
  }

  /** The members of an object as {@code json.Marshal} sees them: string keys, later duplicates winning, sorted. */
  public static Map<String, Value> members(ObjectValue obj) {
    Map<String, Value> members = new TreeMap<>(Ordering::compareStrings);
    for (Value k : obj.sortedKeys()) {
      members.put(k instanceof StringValue s ? s.value() : compact(k), obj.get(k));
    }
    return members;
  }

  private void value(Value v, int depth) {
    switch (v.kind()) {
      case NULL -> out.append("null");
      case BOOLEAN -> out.append(((BooleanValue) v).value());
      case NUMBER -> out.append(v);
      case STRING -> string(((StringValue) v).value(), out);
      case ARRAY -> array(((ArrayValue) v).elements(), depth);
      case SET -> array(((SetValue) v).sorted(), depth);
      case OBJECT -> object(members((ObjectValue) v), depth);
    }
  }

  private void array(List<Value> items, int depth) {
    out.append('[');
    for (int i = 0; i < items.size(); i++) {
      out.append(i == 0 ? "" : ",");
      newline(depth + 1);
      value(items.get(i), depth + 1);
    }
    if (!items.isEmpty()) {
      newline(depth);
    }
    out.append(']');
  }

  private void object(Map<String, Value> members, int depth) {
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, Value> e : members.entrySet()) {
      out.append(first ? "" : ",");
      first = false;
      newline(depth + 1);
      string(e.getKey(), out);
      out.append(pretty ? ": " : ":");
      value(e.getValue(), depth + 1);
    }
    if (!members.isEmpty()) {
      newline(depth);
    }
    out.append('}');
  }

  private void newline(int depth) {
    if (pretty) {
      out.append('\n').append(prefix).append(indent.repeat(depth));
    }
  }

  /** A JSON string literal with Go's escaping. */
  static void string(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '<', '>', '&', '\u2028', '\u2029' -> unicodeEscape(c, out);
        default -> {
          if (c < 0x20) {
            unicodeEscape(c, out);
          } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            out.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            out.append("\\ufffd");
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static void unicodeEscape(char c, StringBuilder out) {
    out.append("\\u");
    for (int shift = 12; shift >= 0; shift -= 4) {
      out.append(HEX.charAt(c >> shift & 0xf));
    }
  }
}
