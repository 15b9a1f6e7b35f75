package io.kubepolicies.rego.builtins.template;

import io.kubepolicies.rego.builtins.format.GoPrinter;
import io.kubepolicies.rego.builtins.format.GoValue;
import io.kubepolicies.rego.builtins.gostd.UrlEscaping;
import io.kubepolicies.rego.value.GoQuote;
import io.kubepolicies.rego.value.Ordering;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The predefined functions of Go's text/template. */
final class Funcs {
  /** Fixed parameters, and whether more may follow. */
  private record Arity(int fixed, boolean variadic) {}

  private static final Map<String, Arity> ARITY = Map.ofEntries(
      Map.entry("and", new Arity(1, true)), Map.entry("or", new Arity(1, true)),
      Map.entry("not", new Arity(1, false)), Map.entry("len", new Arity(1, false)),
      Map.entry("index", new Arity(1, true)), Map.entry("slice", new Arity(1, true)),
      Map.entry("print", new Arity(0, true)), Map.entry("println", new Arity(0, true)),
      Map.entry("printf", new Arity(1, true)), Map.entry("html", new Arity(0, true)),
      Map.entry("js", new Arity(0, true)), Map.entry("urlquery", new Arity(0, true)),
      Map.entry("call", new Arity(1, true)), Map.entry("eq", new Arity(1, true)),
      Map.entry("ne", new Arity(2, false)), Map.entry("lt", new Arity(2, false)),
      Map.entry("le", new Arity(2, false)), Map.entry("gt", new Arity(2, false)),
      Map.entry("ge", new Arity(2, false)));

  private Funcs() {}

  static boolean isDefined(String name) {
    return ARITY.containsKey(name);
  }

  /** Go's {@code isTrue}: false, zero, nil and empty values are false. */
  static boolean truth(GoValue v) {
    if (v == null || v instanceof GoValue.Nil) {
      return false;
    }
    if (v instanceof GoValue.Bool b) {
      return b.value();
    }
    if (v instanceof GoValue.Int i) {
      return i.value() != 0;
    }
    if (v instanceof GoValue.Float f) {
      return f.value() != 0;
    }
    if (v instanceof GoValue.Str s) {
      return !s.value().isEmpty();
    }
    if (v instanceof GoValue.Slice s) {
      return !s.elements().isEmpty();
    }
    if (v instanceof GoValue.Map m) {
      return !m.entries().isEmpty();
    }
    return true;
  }

  static GoValue call(Executor e, GoValue dot, Node.Identifier id, Node.Command cmd, GoValue finalValue,
      boolean hasFinal) {
    String name = id.name();
    List<Node> argNodes = cmd.args().subList(1, cmd.args().size());
    Arity arity = ARITY.get(name);
    e.at(id);
    int numIn = argNodes.size() + (hasFinal ? 1 : 0);
    if (arity.variadic() && numIn < arity.fixed()) {
      throw e.error("wrong number of args for " + name + ": want at least " + arity.fixed() + " got " + argNodes.size());
    }
    if (!arity.variadic() && numIn != arity.fixed()) {
      throw e.error("wrong number of args for " + name + ": want " + arity.fixed() + " got " + numIn);
    }
    if (name.equals("and") || name.equals("or")) {
      boolean or = name.equals("or");
      GoValue v = null;
      for (Node n : argNodes) {
        v = unwrap(e.operand(dot, n));
        if (truth(v) == or) {
          return v;
        }
      }
      return hasFinal ? unwrap(finalValue) : v;
    }
    List<GoValue> args = new ArrayList<>(numIn);
    for (Node n : argNodes) {
      args.add(e.operand(dot, n));
    }
    if (hasFinal) {
      args.add(finalValue);
    }
    if (name.equals("printf")) {
      checkFormat(e, args.get(0), argNodes.isEmpty() ? cmd : argNodes.get(0));
    }
    e.at(cmd);
    try {
      return apply(name, args);
    } catch (FuncException ex) {
      throw e.error("error calling " + name + ": " + ex.getMessage());
    }
  }

  /** A function failed; the executor adds where. */
  private static final class FuncException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FuncException(String message) {
      super(message, null, false, false);
    }
  }

  private static GoValue unwrap(GoValue v) {
    return v instanceof GoValue.Nil ? null : v;
  }

  /** An argument to an {@code interface{}} parameter: no value becomes nil. */
  private static List<GoValue> asInterfaces(List<GoValue> args) {
    List<GoValue> out = new ArrayList<>(args.size());
    args.forEach(a -> out.add(a == null ? GoValue.Nil.NIL : a));
    return out;
  }

  private static GoValue apply(String name, List<GoValue> args) {
    return switch (name) {
      case "not" -> new GoValue.Bool(!truth(args.get(0)));
      case "len" -> length(args.get(0));
      case "index" -> index(args.get(0), args.subList(1, args.size()));
      case "slice" -> slice(args.get(0), args.subList(1, args.size()));
      case "print" -> GoValue.Str.of(GoPrinter.sprint(asInterfaces(args)));
      case "println" -> GoValue.Str.of(GoPrinter.sprintln(asInterfaces(args)));
      case "printf" -> GoValue.Str.of(GoPrinter.sprintf(((GoValue.Str) args.get(0)).value(),
          asInterfaces(args.subList(1, args.size()))));
      case "html" -> GoValue.Str.of(html(joined(args)));
      case "js" -> GoValue.Str.of(js(joined(args)));
      case "urlquery" -> GoValue.Str.of(UrlEscaping.queryEscape(joined(args)));
      case "call" -> throw new FuncException("non-function of type " + typeName(args.get(0)));
      case "eq" -> new GoValue.Bool(eq(args.get(0), args.subList(1, args.size())));
      case "ne" -> new GoValue.Bool(!eq(args.get(0), args.subList(1, 2)));
      case "lt" -> new GoValue.Bool(lt(args.get(0), args.get(1)));
      case "le" -> new GoValue.Bool(lt(args.get(0), args.get(1)) || eq(args.get(0), args.subList(1, 2)));
      case "gt" -> new GoValue.Bool(!(lt(args.get(0), args.get(1)) || eq(args.get(0), args.subList(1, 2))));
      case "ge" -> new GoValue.Bool(!lt(args.get(0), args.get(1)));
      default -> throw new FuncException("function " + name + " not defined");
    };
  }

  private static String typeName(GoValue v) {
    return v == null || v instanceof GoValue.Nil ? "<nil>" : v.typeName();
  }

  /** The format operand of printf must be a Go string; Go reports this at the operand, not as a call error. */
  private static void checkFormat(Executor e, GoValue v, Node at) {
    if (v instanceof GoValue.Str s && s.typeName().equals("string")) {
      return;
    }
    e.at(at);
    if (at instanceof Node.Constant c) {
      throw e.error("expected string; found " + c.text());
    }
    if (v == null) {
      throw e.error("invalid value; expected string");
    }
    throw e.error("wrong type for value; expected string; got "
        + (v instanceof GoValue.Nil ? "interface {}" : v.typeName()));
  }

  private static GoValue length(GoValue v) {
    if (v == null) {
      throw new FuncException("reflect: call of reflect.Value.Type on zero Value");
    }
    if (v instanceof GoValue.Nil) {
      throw new FuncException("len of nil pointer");
    }
    if (v instanceof GoValue.Str s) {
      return new GoValue.Int(s.value().getBytes(StandardCharsets.UTF_8).length);
    }
    if (v instanceof GoValue.Slice s) {
      return new GoValue.Int(s.elements().size());
    }
    if (v instanceof GoValue.Map m) {
      return new GoValue.Int(m.entries().size());
    }
    throw new FuncException("len of type " + v.typeName());
  }

  private static int indexArg(GoValue index, int cap) {
    if (index == null || index instanceof GoValue.Nil) {
      throw new FuncException("cannot index slice/array with nil");
    }
    if (!(index instanceof GoValue.Int i)) {
      throw new FuncException("cannot index slice/array with type " + index.typeName());
    }
    if (i.value() < 0 || i.value() > cap) {
      throw new FuncException("index out of range: " + i.value());
    }
    return (int) i.value();
  }

  private static GoValue index(GoValue item, List<GoValue> indexes) {
    item = unwrap(item);
    if (item == null) {
      throw new FuncException("index of untyped nil");
    }
    for (GoValue index : indexes) {
      if (item instanceof GoValue.Nil) {
        throw new FuncException("index of nil pointer");
      }
      if (item instanceof GoValue.Slice s) {
        int x = indexArg(unwrap(index), s.elements().size());
        if (x == s.elements().size()) {
          throw new FuncException("reflect: slice index out of range");
        }
        item = s.elements().get(x);
      } else if (item instanceof GoValue.Str s) {
        byte[] bytes = s.value().getBytes(StandardCharsets.UTF_8);
        int x = indexArg(unwrap(index), bytes.length);
        if (x == bytes.length) {
          throw new FuncException("reflect: string index out of range");
        }
        item = new GoValue.Int(bytes[x] & 0xFF);
      } else if (item instanceof GoValue.Map m) {
        GoValue key = unwrap(index);
        if (key == null) {
          throw new FuncException("value is nil; should be of type string");
        }
        if (!(key instanceof GoValue.Str k) || !k.typeName().equals("string")) {
          throw new FuncException("value has type " + key.typeName() + "; should be string");
        }
        GoValue found = m.entries().get(k.value());
        item = found == null ? GoValue.Nil.NIL : found;
      } else {
        throw new FuncException("can't index item of type " + item.typeName());
      }
    }
    return item;
  }

  private static GoValue slice(GoValue item, List<GoValue> indexes) {
    item = unwrap(item);
    if (item == null) {
      throw new FuncException("slice of untyped nil");
    }
    if (indexes.size() > 3) {
      throw new FuncException("too many slice indexes: " + indexes.size());
    }
    int len;
    if (item instanceof GoValue.Str s) {
      if (indexes.size() == 3) {
        throw new FuncException("cannot 3-index slice a string");
      }
      len = s.value().getBytes(StandardCharsets.UTF_8).length;
    } else if (item instanceof GoValue.Slice s) {
      len = s.elements().size();
    } else {
      throw new FuncException("can't slice item of type " + item.typeName());
    }
    int[] idx = {0, len, len};
    for (int i = 0; i < indexes.size(); i++) {
      idx[i] = indexArg(unwrap(indexes.get(i)), len);
    }
    if (idx[0] > idx[1]) {
      throw new FuncException("invalid slice index: " + idx[0] + " > " + idx[1]);
    }
    if (indexes.size() == 3 && idx[1] > idx[2]) {
      throw new FuncException("invalid slice index: " + idx[1] + " > " + idx[2]);
    }
    if (item instanceof GoValue.Str s) {
      byte[] bytes = s.value().getBytes(StandardCharsets.UTF_8);
      return new GoValue.Str(new String(bytes, idx[0], idx[1] - idx[0], StandardCharsets.UTF_8), s.typeName());
    }
    return new GoValue.Slice(((GoValue.Slice) item).elements().subList(idx[0], idx[1]));
  }

  // ---- comparison ----

  private enum BasicKind { BOOL, INT, FLOAT, STRING, INVALID }

  private static BasicKind kind(GoValue v) {
    if (v instanceof GoValue.Bool) {
      return BasicKind.BOOL;
    }
    if (v instanceof GoValue.Int) {
      return BasicKind.INT;
    }
    if (v instanceof GoValue.Float) {
      return BasicKind.FLOAT;
    }
    return v instanceof GoValue.Str ? BasicKind.STRING : BasicKind.INVALID;
  }

  private static boolean eq(GoValue a, List<GoValue> others) {
    a = unwrap(a);
    if (others.isEmpty()) {
      throw new FuncException("missing argument for comparison");
    }
    BasicKind k1 = kind(a);
    for (GoValue b : others) {
      b = unwrap(b);
      BasicKind k2 = kind(b);
      boolean truth;
      if (k1 != k2) {
        if (a != null && b != null) {
          throw new FuncException("incompatible types for comparison");
        }
        truth = false;
      } else if (k1 == BasicKind.INVALID) {
        if (a != null && b != null) {
          throw new FuncException("non-comparable type " + GoPrinter.sprint(List.of(b)) + ": " + b.typeName());
        }
        truth = a == b;
      } else {
        truth = basic(a).equals(basic(b));
      }
      if (truth) {
        return true;
      }
    }
    return false;
  }

  private static boolean lt(GoValue a, GoValue b) {
    a = unwrap(a);
    b = unwrap(b);
    BasicKind k1 = kind(a);
    BasicKind k2 = kind(b);
    if (k1 == BasicKind.INVALID || k2 == BasicKind.INVALID) {
      throw new FuncException("invalid type for comparison");
    }
    if (k1 != k2) {
      throw new FuncException("incompatible types for comparison");
    }
    return switch (k1) {
      case INT -> ((GoValue.Int) a).value() < ((GoValue.Int) b).value();
      case FLOAT -> ((GoValue.Float) a).value() < ((GoValue.Float) b).value();
      case STRING -> Ordering.compareStrings(((GoValue.Str) a).value(), ((GoValue.Str) b).value()) < 0;
      default -> throw new FuncException("invalid type for comparison");
    };
  }

  private static Object basic(GoValue v) {
    if (v instanceof GoValue.Bool b) {
      return b.value();
    }
    if (v instanceof GoValue.Int i) {
      return i.value();
    }
    if (v instanceof GoValue.Float f) {
      return f.value();
    }
    return ((GoValue.Str) v).value();
  }

  // ---- escaping ----

  /** Go's {@code evalArgs}: a lone string as is, anything else as {@code fmt.Sprint} prints it. */
  private static String joined(List<GoValue> args) {
    if (args.size() == 1 && args.get(0) instanceof GoValue.Str s && s.typeName().equals("string")) {
      return s.value();
    }
    return GoPrinter.sprint(asInterfaces(args));
  }

  private static String html(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("&#34;");
        case '\'' -> sb.append("&#39;");
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '\0' -> sb.append('\uFFFD');
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String js(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case '\\' -> sb.append("\\\\");
        case '\'' -> sb.append("\\'");
        case '"' -> sb.append("\\\"");
        case '<' -> sb.append("\\u003C");
        case '>' -> sb.append("\\u003E");
        case '&' -> sb.append("\\u0026");
        case '=' -> sb.append("\\u003D");
        default -> {
          if (cp < ' ' || cp >= 0x80 && !GoQuote.isPrint(cp)) {
            sb.append(String.format("\\u%04X", cp));
          } else {
            sb.appendCodePoint(cp);
          }
        }
      }
    }
    return sb.toString();
  }
}
