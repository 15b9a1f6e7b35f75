package io.kubepolicies.rego.builtins.jwt;

import io.kubepolicies.rego.value.GoQuote;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads string members of a JOSE header the way OPA's token signing does (through jwx's
 * {@code jwsbb} header helpers, which use the lenient fastjson parser): syntax errors come back
 * with fastjson's wording, the first of duplicate members wins, and a top-level value that is not
 * an object simply has no members. Only what signing needs is kept: top-level string members.
 */
final class HeaderProbe {
  private static final Pattern FOUR_HEX_DIGITS = Pattern.compile("[0-9a-fA-F]{4}");

  private final Map<String, String> strings;
  private final String error;

  private HeaderProbe(Map<String, String> strings, String error) {
    this.strings = strings;
    this.error = error;
  }

  static HeaderProbe parse(String json) {
    Parser p = new Parser(json);
    try {
      return new HeaderProbe(p.document(), null);
    } catch (SyntaxError e) {
      return new HeaderProbe(Map.of(), e.getMessage());
    }
  }

  /** The member's value, or an exception with jwsbb's message when parsing failed or it is absent. */
  String string(String key) {
    if (error != null) {
      throw new IllegalArgumentException(error);
    }
    String v = strings.get(key);
    if (v == null) {
      throw new IllegalArgumentException("jwsbb: header \"" + key + "\" not found");
    }
    return v;
  }

  private static final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;

    SyntaxError(String message) {
      super(message, null, false, false);
    }
  }

  /** A fastjson-compatible recursive descent parser keeping the top-level string members. */
  private static final class Parser {
    private final String s;
    private int pos;

    Parser(String s) {
      this.s = s;
    }

    Map<String, String> document() throws SyntaxError {
      skipWs();
      Map<String, String> members = new LinkedHashMap<>();
      try {
        if (pos < s.length() && s.charAt(pos) == '{') {
          pos++;
          try {
            object(members, 1);
          } catch (SyntaxError e) {
            throw new SyntaxError("cannot parse object: " + e.getMessage());
          }
        } else {
          value(1);
        }
      } catch (SyntaxError e) {
        throw new SyntaxError("cannot parse JSON: " + e.getMessage() + "; unparsed tail: " + tail());
      }
      skipWs();
      if (pos < s.length()) {
        throw new SyntaxError("unexpected tail: " + tail());
      }
      return members;
    }

    private String tail() {
      String t = s.substring(pos);
      if (t.length() > 40) {
        t = t.substring(0, 20) + "..." + t.substring(t.length() - 20);
      }
      return GoQuote.quote(t);
    }

    private void skipWs() {
      while (pos < s.length() && " \n\t\r".indexOf(s.charAt(pos)) >= 0) {
        pos++;
      }
    }

    /** Parses one value; returns the unescaped text of a string value, null otherwise. */
    private String value(int depth) throws SyntaxError {
      if (pos >= s.length()) {
        throw new SyntaxError("cannot parse empty string");
      }
      if (depth > 300) {
        throw new SyntaxError("too big depth for the nested JSON; it exceeds 300");
      }
      char c = s.charAt(pos);
      switch (c) {
        case '{' -> {
          pos++;
          try {
            object(null, depth + 1);
          } catch (SyntaxError e) {
            throw new SyntaxError("cannot parse object: " + e.getMessage());
          }
          return null;
        }
        case '[' -> {
          pos++;
          try {
            array(depth + 1);
          } catch (SyntaxError e) {
            throw new SyntaxError("cannot parse array: " + e.getMessage());
          }
          return null;
        }
        case '"' -> {
          pos++;
          try {
            return unescape(rawString());
          } catch (SyntaxError e) {
            throw new SyntaxError("cannot parse string: " + e.getMessage());
          }
        }
        case 't', 'f', 'n' -> {
          String word = c == 't' ? "true" : c == 'f' ? "false" : "null";
          if (!s.startsWith(word, pos)) {
            if (c == 'n' && s.regionMatches(true, pos, "nan", 0, 3)) {
              pos += 3;
              return null;
            }
            throw new SyntaxError("unexpected value found: " + GoQuote.quote(s.substring(pos)));
          }
          pos += word.length();
          return null;
        }
        default -> {
          number();
          return null;
        }
      }
    }

    private void object(Map<String, String> members, int depth) throws SyntaxError {
      skipWs();
      if (pos >= s.length()) {
        throw new SyntaxError("missing '}'");
      }
      if (s.charAt(pos) == '}') {
        pos++;
        return;
      }
      while (true) {
        skipWs();
        if (pos >= s.length() || s.charAt(pos) != '"') {
          throw new SyntaxError("cannot find opening '\"\" for object key");
        }
        pos++;
        String key;
        try {
          key = unescape(rawString());
        } catch (SyntaxError e) {
          throw new SyntaxError("cannot parse object key: " + e.getMessage());
        }
        skipWs();
        if (pos >= s.length() || s.charAt(pos) != ':') {
          throw new SyntaxError("missing ':' after object key");
        }
        pos++;
        skipWs();
        String value;
        try {
          value = value(depth);
        } catch (SyntaxError e) {
          throw new SyntaxError("cannot parse object value: " + e.getMessage());
        }
        if (members != null && !members.containsKey(key)) {
          members.put(key, value);
        }
        skipWs();
        if (pos >= s.length()) {
          throw new SyntaxError("unexpected end of object");
        }
        char c = s.charAt(pos++);
        if (c == '}') {
          return;
        }
        if (c != ',') {
          pos--;
          throw new SyntaxError("missing ',' after object value");
        }
      }
    }

    private void array(int depth) throws SyntaxError {
      skipWs();
      if (pos >= s.length()) {
        throw new SyntaxError("missing ']'");
      }
      if (s.charAt(pos) == ']') {
        pos++;
        return;
      }
      while (true) {
        skipWs();
        try {
          value(depth);
        } catch (SyntaxError e) {
          throw new SyntaxError("cannot parse array value: " + e.getMessage());
        }
        skipWs();
        if (pos >= s.length()) {
          throw new SyntaxError("unexpected end of array");
        }
        char c = s.charAt(pos++);
        if (c == ']') {
          return;
        }
        if (c != ',') {
          pos--;
          throw new SyntaxError("missing ',' after array value");
        }
      }
    }

    /** The raw string up to the closing quote (escapes left in), advancing past the quote. */
    private String rawString() throws SyntaxError {
      int i = pos;
      while (true) {
        int quote = s.indexOf('"', i);
        if (quote < 0) {
          throw new SyntaxError("missing closing '\"'");
        }
        int backslashes = 0;
        for (int j = quote - 1; j >= pos && s.charAt(j) == '\\'; j--) {
          backslashes++;
        }
        if (backslashes % 2 == 0) {
          String raw = s.substring(pos, quote);
          pos = quote + 1;
          return raw;
        }
        i = quote + 1;
      }
    }

    private void number() throws SyntaxError {
      int start = pos;
      while (pos < s.length() && "0123456789.-eE+".indexOf(s.charAt(pos)) >= 0) {
        pos++;
      }
      int digitsEnd = pos;
      boolean signOnly = digitsEnd - start == 1 && (s.charAt(start) == '-' || s.charAt(start) == '+');
      if (digitsEnd == start || signOnly) {
        if (s.regionMatches(true, digitsEnd, "inf", 0, 3) || s.regionMatches(true, digitsEnd, "nan", 0, 3)) {
          pos = digitsEnd + 3;
          return;
        }
        pos = start;
        throw new SyntaxError("cannot parse number: unexpected char: " + GoQuote.quote(s.substring(start, start + 1)));
      }
    }

    /** JSON unescaping, leaving malformed escapes as they are (fastjson's best effort). */
    private static String unescape(String raw) {
      if (raw.indexOf('\\') < 0) {
        return raw;
      }
      StringBuilder out = new StringBuilder(raw.length());
      for (int i = 0; i < raw.length(); i++) {
        char c = raw.charAt(i);
        if (c != '\\' || i + 1 >= raw.length()) {
          out.append(c);
          continue;
        }
        char e = raw.charAt(++i);
        switch (e) {
          case '"', '\\', '/' -> out.append(e);
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'u' -> {
            if (i + 4 < raw.length() && FOUR_HEX_DIGITS.matcher(raw.substring(i + 1, i + 5)).matches()) {
              out.append((char) Integer.parseInt(raw.substring(i + 1, i + 5), 16));
              i += 4;
            } else {
              out.append("\\u");
            }
          }
          default -> out.append('\\').append(e);
        }
      }
      return out.toString();
    }
  }
}
