package io.kubepolicies.rego.builtins.yaml;

import io.kubepolicies.rego.builtins.BuiltinException;
import io.kubepolicies.rego.builtins.gostd.GoFloat;
import io.kubepolicies.rego.builtins.gostd.GoJsonWriter;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * YAML text as OPA's {@code yaml.marshal} writes it: the value goes through JSON into go-yaml v2, whose
 * libyaml emitter writes block style with two-space indentation, sequences under a key not indented,
 * keys in go-yaml's natural order, and strings plain, single-quoted, double-quoted or as literal blocks
 * by libyaml's rules (a string that would read back as another type is double-quoted). Unlike libyaml,
 * long lines are not folded at 80 columns; the text reads back to the same value either way.
 */
public final class GoYamlWriter {
  private static final Pattern BASE60_FLOAT = Pattern.compile("[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?");
  private static final int INDENT = 2;
  private static final int MAX_SIMPLE_KEY_BYTES = 128;
  /** Deeper values are refused rather than risking the stack; the reader has the same limit. */
  private static final int MAX_NESTING = 1000;

  private final StringBuilder out = new StringBuilder();

  private GoYamlWriter() {}

  public static String marshal(Value value) {
    GoYamlWriter w = new GoYamlWriter();
    w.root(model(value, 0));
    return w.out.toString();
  }

  // ---- the value as go-yaml sees it after the JSON round trip

  private static Object model(Value v, int depth) {
    if (depth > MAX_NESTING) {
      throw BuiltinException.error("yaml: value nests deeper than " + MAX_NESTING + " levels");
    }
    return switch (v.kind()) {
      case NULL -> null;
      case BOOLEAN -> ((BooleanValue) v).value();
      case NUMBER -> number((NumberValue) v);
      case STRING -> ((StringValue) v).value();
      case ARRAY -> list(((ArrayValue) v).elements(), depth);
      case SET -> list(((SetValue) v).sorted(), depth);
      case OBJECT -> {
        Map<String, Object> map = new TreeMap<>(GoYamlWriter::naturalOrder);
        for (Map.Entry<String, Value> e : GoJsonWriter.members((ObjectValue) v).entrySet()) {
          map.put(e.getKey(), model(e.getValue(), depth + 1));
        }
        yield map;
      }
    };
  }

  private static List<Object> list(List<Value> items, int depth) {
    List<Object> out = new ArrayList<>(items.size());
    for (Value item : items) {
      out.add(model(item, depth + 1));
    }
    return out;
  }

  /** A JSON number read back by go-yaml: an int, a uint64, a float or (out of range) a string. */
  private static Object number(NumberValue n) {
    return GoYamlScalars.resolve(n.toString()).value();
  }

  /** go-yaml v2's key order: letters after other characters, runs of digits compared as numbers. */
  static int naturalOrder(String a, String b) {
    int[] ar = a.codePoints().toArray();
    int[] br = b.codePoints().toArray();
    for (int i = 0; i < ar.length && i < br.length; i++) {
      if (ar[i] == br[i]) {
        continue;
      }
      boolean al = Character.isLetter(ar[i]);
      boolean bl = Character.isLetter(br[i]);
      if (al && bl) {
        return Integer.compare(ar[i], br[i]);
      }
      if (al || bl) {
        return bl ? -1 : 1;
      }
      long an = 0;
      long bn = 0;
      if (ar[i] == '0' || br[i] == '0') {
        for (int j = i - 1; j >= 0 && Character.isDigit(ar[j]); j--) {
          if (ar[j] != '0') {
            an = 1;
            bn = 1;
            break;
          }
        }
      }
      int ai = i;
      for (; ai < ar.length && Character.isDigit(ar[ai]); ai++) {
        an = an * 10 + Character.digit(ar[ai], 10);
      }
      int bi = i;
      for (; bi < br.length && Character.isDigit(br[bi]); bi++) {
        bn = bn * 10 + Character.digit(br[bi], 10);
      }
      if (an != bn) {
        return Long.compare(an, bn);
      }
      if (ai != bi) {
        return Integer.compare(ai, bi);
      }
      return Integer.compare(ar[i], br[i]);
    }
    return Integer.compare(ar.length, br.length);
  }

  // ---- block layout

  private void root(Object v) {
    if (isEmptyCollection(v) || !(v instanceof Map || v instanceof List)) {
      inline(v, INDENT, false);
      out.append('\n');
    } else {
      block(v, 0, false);
    }
  }

  /** A non-empty mapping or sequence whose entries start at {@code indent}; the first line's indentation may already be written. */
  private void block(Object v, int indent, boolean firstIndented) {
    boolean first = true;
    if (v instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(first && firstIndented)) {
          out.append(" ".repeat(indent));
        }
        first = false;
        entry((String) e.getKey(), e.getValue(), indent);
      }
    } else {
      for (Object item : (List<?>) v) {
        if (!(first && firstIndented)) {
          out.append(" ".repeat(indent));
        }
        first = false;
        out.append('-');
        if (isEmptyCollection(item) || !(item instanceof Map || item instanceof List)) {
          out.append(' ');
          inline(item, indent + INDENT, false);
          out.append('\n');
        } else {
          out.append(' ');
          block(item, indent + INDENT, true);
        }
      }
    }
  }

  private void entry(String key, Object value, int indent) {
    // libyaml writes a long or multi-line key as a complex key: "? key", then ": value" on the next line.
    boolean simpleKey = !Analysis.of(key).multiline() && key.getBytes(StandardCharsets.UTF_8).length <= MAX_SIMPLE_KEY_BYTES;
    if (simpleKey) {
      scalar(key, indent, true);
      out.append(':');
    } else {
      out.append("? ");
      scalar(key, indent + INDENT, false);
      out.append('\n').append(" ".repeat(indent)).append(':');
    }
    if (isEmptyCollection(value) || !(value instanceof Map || value instanceof List)) {
      out.append(' ');
      inline(value, indent + INDENT, false);
      out.append('\n');
    } else {
      out.append('\n');
      // A sequence under a key is not indented further; a mapping is.
      block(value, value instanceof List ? indent : indent + INDENT, false);
    }
  }

  private static boolean isEmptyCollection(Object v) {
    return v instanceof Map<?, ?> m && m.isEmpty() || v instanceof List<?> l && l.isEmpty();
  }

  /** A scalar or an empty collection; a literal block's lines go at {@code blockIndent}. */
  private void inline(Object v, int blockIndent, boolean key) {
    if (v == null) {
      out.append("null");
    } else if (v instanceof Map) {
      out.append("{}");
    } else if (v instanceof List) {
      out.append("[]");
    } else if (v instanceof Boolean || v instanceof Long || v instanceof BigInteger) {
      out.append(v);
    } else if (v instanceof Double d) {
      out.append(d.isNaN() ? ".nan" : d.isInfinite() ? (d > 0 ? ".inf" : "-.inf")
          : GoFloat.format(d, 'g', -1));
    } else {
      scalar((String) v, blockIndent, key);
    }
  }

  // ---- strings: libyaml's style choice and writers

  private enum Style { PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL }

  private void scalar(String s, int blockIndent, boolean simpleKey) {
    switch (scalarStyle(s, simpleKey)) {
      case PLAIN -> out.append(s);
      case SINGLE_QUOTED -> out.append('\'').append(s.replace("'", "''")).append('\'');
      case DOUBLE_QUOTED -> doubleQuoted(s);
      case LITERAL -> literal(s, blockIndent);
    }
  }

  /** go-yaml asks for plain (or literal, with a newline) unless the text would read back as another type; libyaml may overrule. */
  private static Style scalarStyle(String s, boolean simpleKey) {
    boolean canUsePlain = GoYamlScalars.resolve(s).tag().equals("str") && !BASE60_FLOAT.matcher(s).matches();
    Style wanted = s.contains("\n") ? Style.LITERAL : canUsePlain ? Style.PLAIN : Style.DOUBLE_QUOTED;
    Analysis a = Analysis.of(s);
    if (simpleKey && a.multiline) {
      wanted = Style.DOUBLE_QUOTED;
    }
    if (wanted == Style.PLAIN && (!a.blockPlainAllowed || s.isEmpty() && simpleKey)) {
      wanted = Style.SINGLE_QUOTED;
    }
    if (wanted == Style.SINGLE_QUOTED && !a.singleQuotedAllowed) {
      wanted = Style.DOUBLE_QUOTED;
    }
    if (wanted == Style.LITERAL && (!a.blockAllowed || simpleKey)) {
      wanted = Style.DOUBLE_QUOTED;
    }
    return wanted;
  }

  private void literal(String s, int indent) {
    out.append('|');
    if (s.startsWith(" ") || isBreak(s.codePointAt(0))) {
      out.append(INDENT);
    }
    int last = s.codePointBefore(s.length());
    if (!isBreak(last)) {
      out.append('-');
    } else if (s.length() == 1 || isBreak(s.codePointBefore(s.length() - Character.charCount(last)))) {
      out.append('+');
    }
    out.append('\n');
    boolean lineStart = true;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (isBreak(cp)) {
        out.appendCodePoint(cp);
        lineStart = true;
      } else {
        if (lineStart) {
          out.append(" ".repeat(indent));
          lineStart = false;
        }
        out.appendCodePoint(cp);
      }
    }
    if (lineStart && out.charAt(out.length() - 1) == '\n') {
      out.setLength(out.length() - 1); // the caller ends the line
    }
  }

  private void doubleQuoted(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (!isPrintable(cp) || cp == 0xfeff || isBreak(cp) || cp == '"' || cp == '\\') {
        out.append('\\');
        switch (cp) {
          case 0x00 -> out.append('0');
          case 0x07 -> out.append('a');
          case 0x08 -> out.append('b');
          case 0x09 -> out.append('t');
          case 0x0a -> out.append('n');
          case 0x0b -> out.append('v');
          case 0x0c -> out.append('f');
          case 0x0d -> out.append('r');
          case 0x1b -> out.append('e');
          case '"' -> out.append('"');
          case '\\' -> out.append('\\');
          case 0x85 -> out.append('N');
          case 0xa0 -> out.append('_');
          case 0x2028 -> out.append('L');
          case 0x2029 -> out.append('P');
          default -> out.append(cp <= 0xff ? String.format("x%02X", cp)
              : cp <= 0xffff ? String.format("u%04X", cp) : String.format("U%08X", cp));
        }
      } else {
        out.appendCodePoint(cp);
      }
    }
    out.append('"');
  }

  /** libyaml's printable set: LF, ASCII graphics and space, U+00A0..U+D7FF, U+E000..U+FFFD except the BOM. */
  private static boolean isPrintable(int cp) {
    return cp == 0x0a || cp >= 0x20 && cp <= 0x7e || cp >= 0xa0 && cp <= 0xd7ff
        || cp >= 0xe000 && cp <= 0xfffd && cp != 0xfeff;
  }

  private static boolean isBreak(int cp) {
    return cp == '\r' || cp == '\n' || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
  }

  /** libyaml's {@code yaml_emitter_analyze_scalar}: which styles can carry the text faithfully. */
  private record Analysis(boolean multiline, boolean blockPlainAllowed, boolean singleQuotedAllowed, boolean blockAllowed) {
    static Analysis of(String s) {
      if (s.isEmpty()) {
        return new Analysis(false, true, true, false);
      }
      boolean blockIndicators = s.startsWith("---") || s.startsWith("...");
      boolean lineBreaks = false;
      boolean special = false;
      boolean leadingSpace = false;
      boolean leadingBreak = false;
      boolean trailingSpace = false;
      boolean trailingBreak = false;
      boolean breakSpace = false;
      boolean spaceBreak = false;
      boolean previousSpace = false;
      boolean previousBreak = false;
      boolean precededByWhitespace = true;
      int[] cps = s.codePoints().toArray();
      for (int i = 0; i < cps.length; i++) {
        int c = cps[i];
        boolean followedByWhitespace = i + 1 >= cps.length || cps[i + 1] == ' ' || cps[i + 1] == '\t';
        if (i == 0) {
          if ("#,[]{}&*!|>'\"%@`".indexOf(c) >= 0) {
            blockIndicators = true;
          } else if ((c == '?' || c == ':' || c == '-') && followedByWhitespace) {
            blockIndicators = true;
          }
        } else if (c == ':' && followedByWhitespace || c == '#' && precededByWhitespace) {
          blockIndicators = true;
        }
        if (!isPrintable(c) || c == 0xfeff) {
          special = true;
        }
        boolean last = i == cps.length - 1;
        if (c == ' ') {
          leadingSpace |= i == 0;
          trailingSpace |= last;
          breakSpace |= previousBreak;
          previousSpace = true;
          previousBreak = false;
        } else if (isBreak(c)) {
          lineBreaks = true;
          leadingBreak |= i == 0;
          trailingBreak |= last;
          spaceBreak |= previousSpace;
          previousSpace = false;
          previousBreak = true;
        } else {
          previousSpace = false;
          previousBreak = false;
        }
        precededByWhitespace = c == ' ' || c == '\t' || isBreak(c);
      }
      boolean blockPlain = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak || breakSpace
          || spaceBreak || special || lineBreaks || blockIndicators);
      boolean singleQuoted = !(breakSpace || spaceBreak || special);
      boolean block = !(trailingSpace || spaceBreak || special);
      return new Analysis(lineBreaks, blockPlain, singleQuoted, block);
    }
  }
}
