package io.kubepolicies.rego.builtins.format;

import io.kubepolicies.rego.builtins.gostd.GoFloat;
import io.kubepolicies.rego.value.GoQuote;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Go's {@code fmt.Sprintf}, {@code Sprint} and {@code Sprintln} over {@link GoValue}s: verbs, flags
 * {@code -+# 0}, width and precision (also {@code *} and {@code [n]} argument indexes), and Go's
 * exact text for mistakes ({@code %!d(string=x)}, {@code %!v(MISSING)}, {@code %!(EXTRA ...)},
 * {@code %!(NOVERB)}, {@code %!(BADWIDTH)}, ...). One instance formats one call.
 */
public final class GoPrinter {
  private static final int MAX_RUNE = 0x10FFFF;

  private final StringBuilder buf = new StringBuilder();

  private boolean widPresent;
  private boolean precPresent;
  private boolean minus;
  private boolean plus;
  private boolean sharp;
  private boolean space;
  private boolean zero;
  private boolean plusV;
  private boolean sharpV;
  private int wid;
  private int prec;

  /** The operand being printed, for the text of a bad verb; null for a nil operand. */
  private GoValue operand;
  private boolean erroring;
  private boolean reordered;
  private boolean goodArgNum;

  private GoPrinter() {}

  public static String sprintf(String format, List<GoValue> args) {
    GoPrinter p = new GoPrinter();
    p.doPrintf(format, args);
    return p.buf.toString();
  }

  /** {@code fmt.Sprint}: operands in their default format, a space between two that are not strings. */
  public static String sprint(List<GoValue> args) {
    GoPrinter p = new GoPrinter();
    boolean previousString = false;
    for (int i = 0; i < args.size(); i++) {
      boolean isString = args.get(i) instanceof GoValue.Str;
      if (i > 0 && !isString && !previousString) {
        p.buf.append(' ');
      }
      p.printArg(args.get(i), 'v');
      previousString = isString;
    }
    return p.buf.toString();
  }

  /** {@code fmt.Sprintln}: operands in their default format separated by spaces, then a newline. */
  public static String sprintln(List<GoValue> args) {
    GoPrinter p = new GoPrinter();
    for (int i = 0; i < args.size(); i++) {
      if (i > 0) {
        p.buf.append(' ');
      }
      p.printArg(args.get(i), 'v');
    }
    return p.buf.append('\n').toString();
  }

  private void clearFlags() {
    widPresent = false;
    precPresent = false;
    minus = false;
    plus = false;
    sharp = false;
    space = false;
    zero = false;
    plusV = false;
    sharpV = false;
    wid = 0;
    prec = 0;
  }

  // ---- the format string ----

  /** A parsed number and the index after it; {@code present} is false when there was none (or it overflowed). */
  private record Num(int value, boolean present, int next) {}

  /** An argument index and the index after it. */
  private record ArgIndex(int argNum, int next, boolean found) {}

  private static boolean tooLarge(int x) {
    return x > 1_000_000 || x < -1_000_000;
  }

  private static Num parseNum(String s, int start, int end) {
    if (start >= end) {
      return new Num(0, false, end);
    }
    int num = 0;
    boolean present = false;
    int i = start;
    for (; i < end && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
      if (tooLarge(num)) {
        return new Num(0, false, end);
      }
      num = num * 10 + s.charAt(i) - '0';
      present = true;
    }
    return new Num(num, present, i);
  }

  private ArgIndex argNumber(int argNum, String format, int i, int numArgs) {
    if (i >= format.length() || format.charAt(i) != '[') {
      return new ArgIndex(argNum, i, false);
    }
    reordered = true;
    int close = format.indexOf(']', i + 1);
    if (format.length() - i < 3 || close < 0) {
      goodArgNum = false;
      return new ArgIndex(argNum, i + 1, false);
    }
    Num n = parseNum(format, i + 1, close);
    if (!n.present() || n.next() != close) {
      goodArgNum = false;
      return new ArgIndex(argNum, close + 1, false);
    }
    int index = n.value() - 1;
    if (index >= 0 && index < numArgs) {
      return new ArgIndex(index, close + 1, true);
    }
    goodArgNum = false;
    return new ArgIndex(argNum, close + 1, true);
  }

  /** The {@code *} operand: a Go int within limits, else not present. */
  private static Num intFromArg(List<GoValue> args, int argNum) {
    if (argNum >= args.size()) {
      return new Num(0, false, argNum);
    }
    if (args.get(argNum) instanceof GoValue.Int i && i.value() >= Integer.MIN_VALUE && i.value() <= Integer.MAX_VALUE
        && !tooLarge((int) i.value())) {
      return new Num((int) i.value(), true, argNum + 1);
    }
    return new Num(0, false, argNum + 1);
  }

  private void doPrintf(String format, List<GoValue> a) {
    int end = format.length();
    int argNum = 0;
    reordered = false;
    for (int i = 0; i < end; ) {
      goodArgNum = true;
      int last = i;
      while (i < end && format.charAt(i) != '%') {
        i++;
      }
      buf.append(format, last, i);
      if (i >= end) {
        break;
      }
      i++;
      clearFlags();
      flags:
      for (; i < end; i++) {
        switch (format.charAt(i)) {
          case '#' -> sharp = true;
          case '0' -> zero = true;
          case '+' -> plus = true;
          case '-' -> minus = true;
          case ' ' -> space = true;
          default -> {
            break flags;
          }
        }
      }
      ArgIndex index = argNumber(argNum, format, i, a.size());
      argNum = index.argNum();
      i = index.next();
      boolean afterIndex = index.found();

      if (i < end && format.charAt(i) == '*') {
        i++;
        Num w = intFromArg(a, argNum);
        wid = w.value();
        widPresent = w.present();
        argNum = w.next();
        if (!widPresent) {
          buf.append("%!(BADWIDTH)");
        }
        if (wid < 0) {
          wid = -wid;
          minus = true;
          zero = false;
        }
        afterIndex = false;
      } else {
        Num w = parseNum(format, i, end);
        wid = w.value();
        widPresent = w.present();
        i = w.next();
        if (afterIndex && widPresent) {
          goodArgNum = false;
        }
      }

      if (i + 1 < end && format.charAt(i) == '.') {
        i++;
        if (afterIndex) {
          goodArgNum = false;
        }
        index = argNumber(argNum, format, i, a.size());
        argNum = index.argNum();
        i = index.next();
        afterIndex = index.found();
        if (i < end && format.charAt(i) == '*') {
          i++;
          Num p = intFromArg(a, argNum);
          prec = p.value();
          precPresent = p.present();
          argNum = p.next();
          if (prec < 0) {
            prec = 0;
            precPresent = false;
          }
          if (!precPresent) {
            buf.append("%!(BADPREC)");
          }
          afterIndex = false;
        } else {
          Num p = parseNum(format, i, end);
          prec = p.value();
          precPresent = p.present();
          i = p.next();
          if (!precPresent) {
            prec = 0;
            precPresent = true;
          }
        }
      }

      if (!afterIndex) {
        index = argNumber(argNum, format, i, a.size());
        argNum = index.argNum();
        i = index.next();
      }
      if (i >= end) {
        buf.append("%!(NOVERB)");
        break;
      }
      int verb = format.codePointAt(i);
      i += Character.charCount(verb);
      if (verb == '%') {
        buf.append('%');
      } else if (!goodArgNum) {
        buf.append("%!").appendCodePoint(verb).append("(BADINDEX)");
      } else if (argNum >= a.size()) {
        buf.append("%!").appendCodePoint(verb).append("(MISSING)");
      } else {
        if (verb == 'v' || verb == 'w') {
          sharpV = sharp;
          sharp = false;
          plusV = plus;
          plus = false;
        }
        printArg(a.get(argNum), verb);
        argNum++;
      }
    }
    if (!reordered && argNum < a.size()) {
      clearFlags();
      buf.append("%!(EXTRA ");
      for (int k = argNum; k < a.size(); k++) {
        if (k > argNum) {
          buf.append(", ");
        }
        GoValue extra = a.get(k);
        if (extra instanceof GoValue.Nil) {
          buf.append("<nil>");
        } else {
          buf.append(extra.typeName()).append('=');
          printArg(extra, 'v');
        }
      }
      buf.append(')');
    }
  }

  // ---- operands ----

  private void printArg(GoValue arg, int verb) {
    operand = arg instanceof GoValue.Nil ? null : arg;
    if (operand == null) {
      if (verb == 'T' || verb == 'v') {
        padString("<nil>");
      } else {
        badVerb(verb);
      }
      return;
    }
    if (verb == 'T') {
      fmtS(arg.typeName());
      return;
    }
    if (verb == 'p') {
      badVerb(verb);
      return;
    }
    printValue(arg, verb);
  }

  private void printValue(GoValue value, int verb) {
    operand = value;
    if (value instanceof GoValue.Bool b) {
      if (verb == 't' || verb == 'v') {
        padString(b.value() ? "true" : "false");
      } else {
        badVerb(verb);
      }
    } else if (value instanceof GoValue.Int i) {
      fmtInteger(i.value(), verb);
    } else if (value instanceof GoValue.Float f) {
      fmtFloat(f.value(), verb);
    } else if (value instanceof GoValue.Str s) {
      fmtString(s.value(), verb);
    } else if (value instanceof GoValue.BigInt b) {
      if (verb == 'w') {
        badVerb(verb);
      } else if (erroring) {
        bigIntFields(b.value(), verb);
      } else {
        formatBigInt(b.value(), verb);
      }
    } else if (value instanceof GoValue.Nil) {
      buf.append(sharpV ? "interface {}(nil)" : "<nil>");
    } else if (value instanceof GoValue.Slice slice) {
      composite(value, slice.elements().size(), k -> printValue(slice.elements().get(k), verb));
    } else if (value instanceof GoValue.Map map) {
      List<String> keys = List.copyOf(map.entries().keySet());
      composite(value, keys.size(), k -> {
        printValue(GoValue.Str.of(keys.get(k)), verb);
        buf.append(':');
        printValue(map.entries().get(keys.get(k)), verb);
      });
    }
  }

  private interface Element {
    void print(int index);
  }

  private void composite(GoValue value, int size, Element element) {
    boolean isMap = value instanceof GoValue.Map;
    if (sharpV) {
      buf.append(value.typeName()).append('{');
    } else {
      buf.append(isMap ? "map[" : "[");
    }
    String separator = sharpV ? ", " : " ";
    for (int k = 0; k < size; k++) {
      if (k > 0) {
        buf.append(separator);
      }
      element.print(k);
    }
    buf.append(sharpV ? '}' : ']');
  }

  private void badVerb(int verb) {
    erroring = true;
    buf.append("%!").appendCodePoint(verb).append('(');
    GoValue value = operand;
    if (value == null) {
      buf.append("<nil>");
    } else {
      buf.append(value.typeName()).append('=');
      printValue(value, 'v');
    }
    buf.append(')');
    erroring = false;
  }

  // ---- integers ----

  private void fmtInteger(long v, int verb) {
    switch (verb) {
      case 'v', 'd' -> integer(v, 10, verb);
      case 'b' -> integer(v, 2, verb);
      case 'o', 'O' -> integer(v, 8, verb);
      case 'x', 'X' -> integer(v, 16, verb);
      case 'c' -> padString(new String(Character.toChars(rune(v))));
      case 'q' -> padString(GoQuote.quoteRune(Long.compareUnsigned(v, MAX_RUNE) > 0 ? 0xFFFD : (int) v, plus));
      case 'U' -> unicode(v);
      default -> badVerb(verb);
    }
  }

  private static int rune(long v) {
    return Long.compareUnsigned(v, MAX_RUNE) > 0 || !GoQuote.isValidRune((int) v) ? 0xFFFD : (int) v;
  }

  private void integer(long v, int base, int verb) {
    boolean negative = v < 0;
    String text = Long.toUnsignedString(negative ? -v : v, base);
    if (verb == 'X') {
      text = text.toUpperCase(java.util.Locale.ROOT);
    }
    int precision = 0;
    if (precPresent) {
      precision = prec;
      if (precision == 0 && v == 0) {
        boolean oldZero = zero;
        zero = false;
        writePadding(wid);
        zero = oldZero;
        return;
      }
    } else if (zero && !minus && widPresent) {
      precision = wid;
      if (negative || plus || space) {
        precision--;
      }
    }
    StringBuilder s = new StringBuilder();
    for (int k = text.length(); k < precision; k++) {
      s.append('0');
    }
    s.append(text);
    if (sharp) {
      switch (base) {
        case 2 -> s.insert(0, "0b");
        case 8 -> {
          if (s.charAt(0) != '0') {
            s.insert(0, '0');
          }
        }
        case 16 -> s.insert(0, verb == 'X' ? "0X" : "0x");
        default -> { }
      }
    }
    if (verb == 'O') {
      s.insert(0, "0o");
    }
    if (negative) {
      s.insert(0, '-');
    } else if (plus) {
      s.insert(0, '+');
    } else if (space) {
      s.insert(0, ' ');
    }
    boolean oldZero = zero;
    zero = false;
    padString(s.toString());
    zero = oldZero;
  }

  private void unicode(long v) {
    int precision = precPresent && prec > 4 ? prec : 4;
    String hex = Long.toHexString(v).toUpperCase(java.util.Locale.ROOT);
    StringBuilder s = new StringBuilder("U+");
    for (int k = hex.length(); k < precision; k++) {
      s.append('0');
    }
    s.append(hex);
    if (sharp && v >= 0 && v <= MAX_RUNE && GoQuote.isPrint((int) v)) {
      s.append(" '").appendCodePoint((int) v).append('\'');
    }
    boolean oldZero = zero;
    zero = false;
    padString(s.toString());
    zero = oldZero;
  }

  /** {@code *big.Int}'s own {@code Format}: its padding rules differ from those of Go ints. */
  private void formatBigInt(BigInteger x, int verb) {
    int base = switch (verb) {
      case 'b' -> 2;
      case 'o', 'O' -> 8;
      case 'd', 's', 'v' -> 10;
      case 'x', 'X' -> 16;
      default -> 0;
    };
    if (base == 0) {
      buf.append("%!").appendCodePoint(verb).append("(big.Int=").append(x).append(')');
      return;
    }
    String sign = x.signum() < 0 ? "-" : plus || plusV ? "+" : space ? " " : "";
    String prefix = "";
    if (sharp || sharpV) {
      prefix = switch (verb) {
        case 'b' -> "0b";
        case 'o' -> "0";
        case 'x' -> "0x";
        case 'X' -> "0X";
        default -> "";
      };
    }
    if (verb == 'O') {
      prefix = "0o";
    }
    String digits = x.abs().toString(base);
    if (verb == 'X') {
      digits = digits.toUpperCase(java.util.Locale.ROOT);
    }
    int zeros = 0;
    if (precPresent) {
      if (digits.length() < prec) {
        zeros = prec - digits.length();
      } else if (digits.equals("0") && prec == 0) {
        return;
      }
    }
    int length = sign.length() + prefix.length() + zeros + digits.length();
    int left = 0;
    int right = 0;
    if (widPresent && length < wid) {
      int d = wid - length;
      if (minus) {
        right = d;
      } else if (zero && !precPresent) {
        zeros = d;
      } else {
        left = d;
      }
    }
    buf.append(" ".repeat(left)).append(sign).append(prefix).append("0".repeat(zeros)).append(digits)
        .append(" ".repeat(right));
  }

  /** How Go prints a {@code *big.Int} by reflection (its struct fields), when a bad verb is reported. */
  private void bigIntFields(BigInteger x, int verb) {
    buf.append(sharpV ? "&big.Int{" : "&{");
    if (plusV || sharpV) {
      buf.append("neg:");
    }
    buf.append(x.signum() < 0);
    buf.append(sharpV ? ", abs:big.nat{" : plusV ? " abs:[" : " [");
    BigInteger magnitude = x.abs();
    for (int word = 0; magnitude.signum() > 0; word++) {
      if (word > 0) {
        buf.append(sharpV ? ", " : " ");
      }
      long w = magnitude.longValue();
      buf.append(sharpV ? "0x" + Long.toHexString(w) : Long.toUnsignedString(w));
      magnitude = magnitude.shiftRight(64);
    }
    buf.append(sharpV ? "}}" : "]}");
  }

  // ---- floats ----

  private void fmtFloat(double v, int verb) {
    switch (verb) {
      case 'v' -> formatFloat(v, 'g', -1);
      case 'b', 'g', 'G', 'x', 'X' -> formatFloat(v, (char) verb, -1);
      case 'f', 'e', 'E' -> formatFloat(v, (char) verb, 6);
      case 'F' -> formatFloat(v, 'f', 6);
      default -> badVerb(verb);
    }
  }

  private void formatFloat(double v, char verb, int defaultPrecision) {
    int precision = precPresent ? prec : defaultPrecision;
    String formatted = GoFloat.format(v, verb, precision);
    StringBuilder num = new StringBuilder(formatted.length() + 8);
    if (formatted.charAt(0) != '-' && formatted.charAt(0) != '+') {
      num.append('+');
    }
    num.append(formatted);
    if (space && num.charAt(0) == '+' && !plus) {
      num.setCharAt(0, ' ');
    }
    if (sharp && verb != 'b') {
      restoreDecimalPoint(num, verb, precision);
    }
    if (plus || num.charAt(0) != '+') {
      if (zero && !minus && widPresent && wid > num.length()) {
        buf.append(num.charAt(0));
        writePadding(wid - num.length());
        buf.append(num, 1, num.length());
        return;
      }
      padString(num.toString());
      return;
    }
    padString(num.substring(1));
  }

  /** The {@code #} flag: always a decimal point, and trailing zeros kept up to the precision. */
  private static void restoreDecimalPoint(StringBuilder num, char verb, int precision) {
    int digits = 0;
    if (verb == 'g' || verb == 'G' || verb == 'x') {
      digits = precision == -1 ? 6 : precision;
    }
    String tail = "";
    boolean hasPoint = false;
    boolean sawNonzero = false;
    for (int i = 1; i < num.length(); i++) {
      char c = num.charAt(i);
      if (c == '.') {
        hasPoint = true;
      } else if (c == 'p' || c == 'P' || (c == 'e' || c == 'E') && verb != 'x' && verb != 'X') {
        tail = num.substring(i);
        num.setLength(i);
      } else {
        if (c != '0') {
          sawNonzero = true;
        }
        if (sawNonzero) {
          digits--;
        }
      }
    }
    if (!hasPoint) {
      if (num.length() == 2 && num.charAt(1) == '0') {
        digits--;
      }
      num.append('.');
    }
    for (; digits > 0; digits--) {
      num.append('0');
    }
    num.append(tail);
  }

  // ---- strings ----

  private void fmtString(String s, int verb) {
    switch (verb) {
      case 'v' -> {
        if (sharpV) {
          fmtQ(s);
        } else {
          fmtS(s);
        }
      }
      case 's' -> fmtS(s);
      case 'x' -> fmtSx(s, "0123456789abcdefx");
      case 'X' -> fmtSx(s, "0123456789ABCDEFX");
      case 'q' -> fmtQ(s);
      default -> badVerb(verb);
    }
  }

  private String truncate(String s) {
    if (precPresent && s.codePointCount(0, s.length()) > prec) {
      return s.substring(0, s.offsetByCodePoints(0, prec));
    }
    return s;
  }

  private void fmtS(String s) {
    padString(truncate(s));
  }

  private void fmtQ(String s) {
    s = truncate(s);
    if (sharp && GoQuote.canBackquote(s)) {
      padString("`" + s + "`");
    } else {
      padString(GoQuote.quote(s, plus));
    }
  }

  private void fmtSx(String s, String digits) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    int length = precPresent && prec < bytes.length ? prec : bytes.length;
    int width = 2 * length;
    if (width > 0) {
      if (space) {
        if (sharp) {
          width *= 2;
        }
        width += length - 1;
      } else if (sharp) {
        width += 2;
      }
    } else {
      if (widPresent) {
        writePadding(wid);
      }
      return;
    }
    if (widPresent && wid > width && !minus) {
      writePadding(wid - width);
    }
    if (sharp) {
      buf.append('0').append(digits.charAt(16));
    }
    for (int i = 0; i < length; i++) {
      if (space && i > 0) {
        buf.append(' ');
        if (sharp) {
          buf.append('0').append(digits.charAt(16));
        }
      }
      int c = bytes[i] & 0xFF;
      buf.append(digits.charAt(c >> 4)).append(digits.charAt(c & 0xF));
    }
    if (widPresent && wid > width && minus) {
      writePadding(wid - width);
    }
  }

  // ---- padding ----

  private void writePadding(int n) {
    if (n > 0) {
      buf.append(String.valueOf(zero && !minus ? '0' : ' ').repeat(n));
    }
  }

  private void padString(String s) {
    if (!widPresent || wid == 0) {
      buf.append(s);
      return;
    }
    int width = wid - s.codePointCount(0, s.length());
    if (!minus) {
      writePadding(width);
      buf.append(s);
    } else {
      buf.append(s);
      writePadding(width);
    }
  }
}
