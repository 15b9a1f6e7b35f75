package io.kubepolicies.rego.builtins.gostd;

import io.kubepolicies.rego.builtins.BuiltinException;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.GoQuote;
import io.kubepolicies.rego.value.NullValue;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * JSON as OPA reads it with Go's {@code encoding/json}: what Go's scanner accepts, with its error
 * messages ({@code invalid character 'x' looking for beginning of value}, {@code unexpected EOF}), and
 * OPA's check for data after the value. That check has Go's decoder quirks: it complains about a
 * second value as {@code error: invalid character '2' after top-level value}, but a trailing
 * {@code null} (and whatever follows it) goes unnoticed.
 */
public final class GoJsonReader {
  /** Go's {@code maxNestingDepth}. */
  private static final int MAX_DEPTH = 10_000;

  private final String s;
  private int pos;

  private GoJsonReader(String s) {
    this.s = s;
  }

  /** {@code json.unmarshal}: one value and OPA's check of what follows; failures carry Go's messages. */
  public static Value unmarshal(String text) {
    GoJsonReader r = new GoJsonReader(text);
    r.skipSpace();
    if (r.pos == text.length()) {
      throw BuiltinException.error("EOF");
    }
    Value value = r.value();
    r.checkTrailing();
    return value;
  }

  /** {@code json.Valid}: exactly one value, surrounded by nothing but whitespace. */
  public static boolean isValid(String text) {
    GoJsonReader r = new GoJsonReader(text);
    try {
      r.skipSpace();
      r.value();
      r.skipSpace();
      return r.pos == text.length();
    } catch (BuiltinException e) {
      return false;
    }
  }

  /** What Go's {@code Decoder.Token} makes of the data after the first value, as OPA uses it. */
  private void checkTrailing() {
    skipSpace();
    if (pos == s.length()) {
      return;
    }
    char c = s.charAt(pos);
    switch (c) {
      case '[', '{' -> throw afterTopLevel(String.valueOf(c));
      case ']', '}', ':', ',' -> throw syntax(c, "looking for beginning of value");
      default -> {
        int start = pos;
        Value next = value();
        if (next instanceof NullValue) {
          return;
        }
        throw afterTopLevel(tokenText(next, s.substring(start, pos)));
      }
    }
  }

  /** Go's {@code %s} of the decoded token: strings and numbers as their text, booleans Go's way. */
  private static String tokenText(Value token, String raw) {
    if (token instanceof StringValue str) {
      return str.value();
    }
    if (token instanceof BooleanValue b) {
      return "%!s(bool=" + b.value() + ")";
    }
    return raw;
  }

  private static BuiltinException afterTopLevel(String token) {
    return BuiltinException.error("error: invalid character '" + token + "' after top-level value");
  }

  /** Parses one value, iteratively so that deep nesting cannot exhaust the stack. */
  private Value value() {
    Deque<Container> stack = new ArrayDeque<>();
    while (true) {
      Value done = null;
      skipSpace();
      char c = next();
      switch (c) {
        case '{' -> {
          push(stack, c, new Container(true));
          skipSpace();
          if (peek() == '}') {
            pos++;
            done = stack.pop().build();
          } else {
            stack.peek().key = key();
            continue;
          }
        }
        case '[' -> {
          push(stack, c, new Container(false));
          skipSpace();
          if (peek() == ']') {
            pos++;
            done = stack.pop().build();
          } else {
            continue;
          }
        }
        case '"' -> done = StringValue.of(stringBody());
        case 't' -> done = literal("true", BooleanValue.TRUE);
        case 'f' -> done = literal("false", BooleanValue.FALSE);
        case 'n' -> done = literal("null", NullValue.NULL);
        default -> {
          if (c == '-' || c >= '0' && c <= '9') {
            pos--;
            done = number();
          } else {
            throw syntax(c, "looking for beginning of value");
          }
        }
      }
      // Add the finished value to its container; close containers whose end follows.
      while (true) {
        Container top = stack.peek();
        if (top == null) {
          return done;
        }
        top.add(done);
        skipSpace();
        char sep = next();
        if (top.object) {
          if (sep == ',') {
            skipSpace();
            top.key = key();
            break;
          }
          if (sep != '}') {
            throw syntax(sep, "after object key:value pair");
          }
        } else {
          if (sep == ',') {
            break;
          }
          if (sep != ']') {
            throw syntax(sep, "after array element");
          }
        }
        done = stack.pop().build();
      }
    }
  }

  private static void push(Deque<Container> stack, char c, Container container) {
    if (stack.size() >= MAX_DEPTH) {
      throw syntax(c, "exceeded max depth");
    }
    stack.push(container);
  }

  /** An object key and the colon after it. */
  private String key() {
    char c = next();
    if (c != '"') {
      throw syntax(c, "looking for beginning of object key string");
    }
    String key = stringBody();
    skipSpace();
    char colon = next();
    if (colon != ':') {
      throw syntax(colon, "after object key");
    }
    return key;
  }

  private Value literal(String word, Value value) {
    for (int i = 1; i < word.length(); i++) {
      char c = next();
      if (c != word.charAt(i)) {
        throw syntax(c, "in literal " + word + " (expecting '" + word.charAt(i) + "')");
      }
    }
    return value;
  }

  private Value number() {
    int start = pos;
    if (peek() == '-') {
      pos++;
      char c = next();
      if (c < '0' || c > '9') {
        throw syntax(c, "in numeric literal");
      }
      pos--;
    }
    if (next() != '0') {
      digits();
    }
    if (peek() == '.') {
      pos++;
      char c = next();
      if (c < '0' || c > '9') {
        throw syntax(c, "after decimal point in numeric literal");
      }
      digits();
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      char c = next();
      if (c < '0' || c > '9') {
        throw syntax(c, "in exponent of numeric literal");
      }
      digits();
    }
    String text = s.substring(start, pos);
    try {
      return NumberValue.parse(text);
    } catch (NumberFormatException e) {
      // Go keeps any exponent as text; an exact number cannot hold one this large.
      throw BuiltinException.error("json: number " + text + " is out of range");
    }
  }

  private void digits() {
    while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
      pos++;
    }
  }

  /** The contents of a string literal after its opening quote, unescaped as Go does. */
  private String stringBody() {
    StringBuilder sb = new StringBuilder();
    while (true) {
      char c = next();
      if (c == '"') {
        return sb.toString();
      }
      if (c < 0x20) {
        throw syntax(c, "in string literal");
      }
      if (c != '\\') {
        if (Character.isHighSurrogate(c) && pos < s.length() && Character.isLowSurrogate(s.charAt(pos))) {
          sb.append(c).append(s.charAt(pos++));
        } else {
          sb.append(Character.isSurrogate(c) ? '\ufffd' : c);
        }
        continue;
      }
      char e = next();
      switch (e) {
        case '"', '\\', '/' -> sb.append(e);
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> unicodeEscape(sb);
        default -> throw syntax(e, "in string escape code");
      }
    }
  }

  /** A four-digit unicode escape, combining a surrogate pair written as two escapes; a lone surrogate becomes U+FFFD. */
  private void unicodeEscape(StringBuilder sb) {
    char r = hex4();
    if (Character.isHighSurrogate(r) && s.startsWith("\\u", pos) && pos + 6 <= s.length()
        && isHex4(pos + 2) && Character.isLowSurrogate((char) Integer.parseInt(s.substring(pos + 2, pos + 6), 16))) {
      pos += 2;
      sb.append(r).append(hex4());
    } else {
      sb.append(Character.isSurrogate(r) ? '\ufffd' : r);
    }
  }

  private char hex4() {
    int v = 0;
    for (int i = 0; i < 4; i++) {
      char c = next();
      int d = GoHex.digit(c);
      if (d < 0) {
        throw syntax(c, "in \\u hexadecimal character escape");
      }
      v = v << 4 | d;
    }
    return (char) v;
  }

  private boolean isHex4(int from) {
    for (int i = from; i < from + 4; i++) {
      if (GoHex.digit(s.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  private void skipSpace() {
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  /** The next character; running out of input inside a value is Go's {@code unexpected EOF}. */
  private char next() {
    if (pos >= s.length()) {
      throw BuiltinException.error("unexpected EOF");
    }
    return s.charAt(pos++);
  }

  private char peek() {
    return pos < s.length() ? s.charAt(pos) : 0;
  }

  /**
   * Go's scanner error. Go reads bytes: for a non-ASCII character it names the first UTF-8 byte, read as
   * a code point ({@code é} is reported as {@code 'Ã'}).
   */
  private static BuiltinException syntax(char c, String context) {
    int b = c < 0x80 ? c : String.valueOf(c).getBytes(StandardCharsets.UTF_8)[0] & 0xff;
    return BuiltinException.error("invalid character " + GoQuote.quoteRune(b, false) + " " + context);
  }

  /** An array or object being read. */
  private static final class Container {
    final boolean object;
    final List<Value> items = new ArrayList<>();
    final ObjectValue.Builder members = ObjectValue.builder();
    String key;

    Container(boolean object) {
      this.object = object;
    }

    void add(Value v) {
      if (object) {
        members.put(key, v);
      } else {
        items.add(v);
      }
    }

    Value build() {
      return object ? members.build() : ArrayValue.of(items);
    }
  }
}
