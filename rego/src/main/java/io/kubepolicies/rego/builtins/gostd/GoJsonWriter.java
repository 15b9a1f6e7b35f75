package io.kubepolicies.rego.builtins.gostd;

import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.Ordering;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.AbstractMap;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
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

  /** Writes iteratively: values may nest as deep as Go's decoder allows (10000 levels). */
  private void value(Value root, int rootDepth) {
    Deque<Frame> stack = new ArrayDeque<>();
    Value next = root;
    while (true) {
      if (next != null) {
        Frame opened = write(next, rootDepth + stack.size());
        if (opened != null) {
          stack.push(opened);
        }
      }
      Frame top = stack.peek();
      if (top == null) {
        return;
      }
      int depth = rootDepth + stack.size();
      if (top.items.hasNext()) {
        out.append(top.first ? "" : ",");
        top.first = false;
        newline(depth);
        Map.Entry<String, Value> item = top.items.next();
        if (item.getKey() != null) {
          string(item.getKey(), out);
          out.append(pretty ? ": " : ":");
        }
        next = item.getValue();
      } else {
        stack.pop();
        if (!top.first) {
          newline(depth - 1);
        }
        out.append(top.close);
        next = null;
      }
    }
  }

  /** Writes a scalar, or opens a collection and returns the frame that will write its members. */
  private Frame write(Value v, int depth) {
    switch (v.kind()) {
      case NULL -> out.append("null");
      case BOOLEAN -> out.append(((BooleanValue) v).value());
      case NUMBER -> out.append(v);
      case STRING -> string(((StringValue) v).value(), out);
      case ARRAY -> {
        return open('[', ']', elements(((ArrayValue) v).elements()));
      }
      case SET -> {
        return open('[', ']', elements(((SetValue) v).sorted()));
      }
      case OBJECT -> {
        return open('{', '}', members((ObjectValue) v).entrySet().iterator());
      }
    }
    return null;
  }

  private Frame open(char open, char close, Iterator<Map.Entry<String, Value>> items) {
    out.append(open);
    return new Frame(items, close);
  }

  /** Array elements as entries without keys, so arrays and objects share one loop. */
  private static Iterator<Map.Entry<String, Value>> elements(List<Value> items) {
    return items.stream().<Map.Entry<String, Value>>map(v -> new AbstractMap.SimpleImmutableEntry<>(null, v)).iterator();
  }

  /** A collection being written: its remaining members and its closing bracket. */
  private static final class Frame {
    final Iterator<Map.Entry<String, Value>> items;
    final char close;
    boolean first = true;

    Frame(Iterator<Map.Entry<String, Value>> items, char close) {
      this.items = items;
      this.close = close;
    }
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
