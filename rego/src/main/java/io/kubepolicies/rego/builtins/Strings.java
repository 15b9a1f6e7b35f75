package io.kubepolicies.rego.builtins;

import io.kubepolicies.rego.builtins.strings.GoText;
import io.kubepolicies.rego.builtins.strings.Replacer;
import io.kubepolicies.rego.types.Type;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;

/**
 * OPA's string built-ins ({@code v1/topdown/strings.go}): searching, slicing, splitting, trimming,
 * case and replacement. Indexes and lengths count code points, as OPA counts runes.
 */
public final class Strings implements BuiltinFamily {
  private static final Type S = Type.STRING;
  private static final Type STRINGS = Type.anyOf(S, Type.setOf(S), Type.arrayOf(S));

  @Override
  public void register(Builtins.Registrar r) {
    r.function("strings.any_prefix_match", List.of(Type.named("search", STRINGS), Type.named("base", STRINGS)),
        Type.named("result", Type.BOOLEAN),
        (ctx, a) -> anyMatch(a, String::startsWith));
    r.function("strings.any_suffix_match", List.of(Type.named("search", STRINGS), Type.named("base", STRINGS)),
        Type.named("result", Type.BOOLEAN),
        (ctx, a) -> anyMatch(a, String::endsWith));
    r.function("concat",
        List.of(Type.named("delimiter", S), Type.named("collection", Type.anyOf(Type.setOf(S), Type.arrayOf(S)))),
        Type.named("output", S), (ctx, a) -> concat(a));
    r.function("format_int", List.of(Type.named("number", Type.NUMBER), Type.named("base", Type.NUMBER)),
        Type.named("output", S), (ctx, a) -> formatInt(a));
    r.function("indexof", List.of(Type.named("haystack", S), Type.named("needle", S)),
        Type.named("output", Type.NUMBER), (ctx, a) -> indexOf(a));
    r.function("indexof_n", List.of(Type.named("haystack", S), Type.named("needle", S)),
        Type.named("output", Type.arrayOf(Type.NUMBER)), (ctx, a) -> indexOfN(a));
    r.function("substring",
        List.of(Type.named("value", S), Type.named("offset", Type.NUMBER), Type.named("length", Type.NUMBER)),
        Type.named("output", S), (ctx, a) -> substring(a));
    r.function("contains", List.of(Type.named("haystack", S), Type.named("needle", S)),
        Type.named("result", Type.BOOLEAN), (ctx, a) -> test(a, String::contains));
    r.function("startswith", List.of(Type.named("search", S), Type.named("base", S)),
        Type.named("result", Type.BOOLEAN), (ctx, a) -> test(a, String::startsWith));
    r.function("endswith", List.of(Type.named("search", S), Type.named("base", S)), Type.named("result", Type.BOOLEAN),
        (ctx, a) -> test(a, String::endsWith));
    r.function("strings.count", List.of(Type.named("search", S), Type.named("substring", S)),
        Type.named("output", Type.NUMBER),
        (ctx, a) -> NumberValue.of(GoText.count(Operands.string(a, 1), Operands.string(a, 2))));
    r.function("lower", List.of(Type.named("x", S)), Type.named("y", S), (ctx, a) -> map(a, GoText::lower));
    r.function("upper", List.of(Type.named("x", S)), Type.named("y", S), (ctx, a) -> map(a, GoText::upper));
    r.function("strings.reverse", List.of(Type.named("x", S)), Type.named("y", S),
        (ctx, a) -> map(a, s -> new StringBuilder(s).reverse().toString()));
    r.function("split", List.of(Type.named("x", S), Type.named("delimiter", S)), Type.named("ys", Type.arrayOf(S)),
        (ctx, a) -> strings(GoText.split(Operands.string(a, 1), Operands.string(a, 2))));
    r.function("strings.split_n", List.of(Type.named("x", S), Type.named("delimiter", S), Type.named("n", Type.NUMBER)),
        Type.named("ys", Type.arrayOf(S)), (ctx, a) -> splitN(a));
    r.function("replace", List.of(Type.named("x", S), Type.named("old", S), Type.named("new", S)), Type.named("y", S),
        (ctx, a) -> replace(a));
    r.function("strings.replace_n", List.of(Type.named("patterns", Type.objectOf(S, S)), Type.named("value", S)),
        Type.named("output", S), (ctx, a) -> replaceN(a));
    r.function("trim", List.of(Type.named("value", S), Type.named("cutset", S)), Type.named("output", S),
        (ctx, a) -> trimCutset(a, true, true));
    r.function("trim_left", List.of(Type.named("value", S), Type.named("cutset", S)), Type.named("output", S),
        (ctx, a) -> trimCutset(a, true, false));
    r.function("trim_right", List.of(Type.named("value", S), Type.named("cutset", S)), Type.named("output", S),
        (ctx, a) -> trimCutset(a, false, true));
    r.function("trim_prefix", List.of(Type.named("value", S), Type.named("prefix", S)), Type.named("output", S),
        (ctx, a) -> trimAffix(a, true));
    r.function("trim_suffix", List.of(Type.named("value", S), Type.named("suffix", S)), Type.named("output", S),
        (ctx, a) -> trimAffix(a, false));
    r.function("trim_space", List.of(Type.named("value", S)), Type.named("output", S),
        (ctx, a) -> map(a, s -> GoText.trim(s, GoText::isSpace, true, true)));
  }

  private static Value anyMatch(Value[] a, BiPredicate<String, String> matches) {
    List<String> subjects = stringOrStrings(a, 1);
    List<String> patterns = stringOrStrings(a, 2);
    for (String s : subjects) {
      for (String p : patterns) {
        if (matches.test(s, p)) {
          return BooleanValue.TRUE;
        }
      }
    }
    return BooleanValue.FALSE;
  }

  private static List<String> stringOrStrings(Value[] a, int position) {
    Value v = a[position - 1];
    if (v instanceof StringValue s) {
      return List.of(s.value());
    }
    if (v instanceof ArrayValue || v instanceof SetValue) {
      return elementStrings(v, position);
    }
    throw BuiltinException.operand(position, v, "string", "set", "array");
  }

  /** The strings of an array (in order) or a set (in sorted order), failing on the first other element. */
  private static List<String> elementStrings(Value collection, int position) {
    List<Value> elements = collection instanceof SetValue set ? set.sorted() : ((ArrayValue) collection).elements();
    List<String> out = new ArrayList<>(elements.size());
    for (Value e : elements) {
      if (!(e instanceof StringValue s)) {
        throw BuiltinException.operandElement(position, collection, e, "string");
      }
      out.add(s.value());
    }
    return out;
  }

  private static Value concat(Value[] a) {
    String delimiter = Operands.string(a, 1);
    Value collection = a[1];
    if (!(collection instanceof ArrayValue) && !(collection instanceof SetValue)) {
      throw BuiltinException.operand(2, collection, "set", "array");
    }
    return StringValue.of(String.join(delimiter, elementStrings(collection, 2)));
  }

  private static Value formatInt(Value[] a) {
    NumberValue input = Operands.number(a, 1);
    NumberValue base = Operands.number(a, 2);
    int radix = base.isLong() ? (int) Math.min(base.longValue(), Integer.MAX_VALUE) : 0;
    if (radix != 2 && radix != 8 && radix != 10 && radix != 16) {
      throw BuiltinException.type("operand 2 must be one of {2, 8, 10, 16}");
    }
    if (input.isLong()) {
      return StringValue.of(Long.toString(input.longValue(), radix));
    }
    return StringValue.of(input.bigDecimalValue().setScale(0, RoundingMode.DOWN).toBigInteger().toString(radix));
  }

  private static Value indexOf(Value[] a) {
    String base = Operands.string(a, 1);
    String search = nonEmptySearch(a);
    int at = base.indexOf(search);
    return NumberValue.of(at < 0 ? -1 : base.codePointCount(0, at));
  }

  private static Value indexOfN(Value[] a) {
    String base = Operands.string(a, 1);
    String search = nonEmptySearch(a);
    List<Value> found = new ArrayList<>();
    int codePoints = 0;
    int last = 0;
    for (int at = base.indexOf(search); at >= 0; at = base.indexOf(search, at + Character.charCount(base.codePointAt(at)))) {
      codePoints += base.codePointCount(last, at);
      last = at;
      found.add(NumberValue.of(codePoints));
    }
    return ArrayValue.of(found);
  }

  private static String nonEmptySearch(Value[] a) {
    String search = Operands.string(a, 2);
    if (search.isEmpty()) {
      throw BuiltinException.error("empty search character");
    }
    return search;
  }

  private static Value substring(Value[] a) {
    String base = Operands.string(a, 1);
    long start = Operands.longInteger(a, 2);
    long length = Operands.longInteger(a, 3);
    if (start < 0) {
      throw BuiltinException.error("negative offset");
    }
    int runes = base.codePointCount(0, base.length());
    if (start >= runes) {
      return StringValue.EMPTY;
    }
    long end = length < 0 || length >= runes - start ? runes : start + length;
    int from = base.offsetByCodePoints(0, (int) start);
    int to = base.offsetByCodePoints(from, (int) (end - start));
    return StringValue.of(base.substring(from, to));
  }

  private static Value splitN(Value[] a) {
    List<String> parts = GoText.split(Operands.string(a, 1), Operands.string(a, 2));
    long n = Operands.longInteger(a, 3);
    int keep = (int) Math.min(Math.abs((double) n), parts.size());
    return strings(n >= 0 ? parts.subList(0, keep) : parts.subList(parts.size() - keep, parts.size()));
  }

  private static Value replace(Value[] a) {
    String s = Operands.string(a, 1);
    String old = Operands.string(a, 2);
    String replacement = Operands.string(a, 3);
    return StringValue.of(new Replacer(List.of(new Replacer.Pair(old, replacement))).replace(s));
  }

  private static Value replaceN(Value[] a) {
    ObjectValue patterns = Operands.object(a, 1);
    String s = Operands.string(a, 2);
    List<Replacer.Pair> pairs = new ArrayList<>(patterns.size());
    for (Value key : patterns.sortedKeys()) {
      if (!(key instanceof StringValue old)) {
        throw BuiltinException.type("operand 1 non-string key found in pattern object");
      }
      if (!(patterns.get(key) instanceof StringValue replacement)) {
        throw BuiltinException.type("operand 1 non-string value found in pattern object");
      }
      pairs.add(new Replacer.Pair(old.value(), replacement.value()));
    }
    return StringValue.of(new Replacer(pairs).replace(s));
  }

  private static Value trimCutset(Value[] a, boolean left, boolean right) {
    String s = Operands.string(a, 1);
    String cutset = Operands.string(a, 2);
    return StringValue.of(GoText.trim(s, GoText.cutSet(cutset), left, right));
  }

  private static Value trimAffix(Value[] a, boolean prefix) {
    String s = Operands.string(a, 1);
    String affix = Operands.string(a, 2);
    if (prefix) {
      return StringValue.of(s.startsWith(affix) ? s.substring(affix.length()) : s);
    }
    return StringValue.of(s.endsWith(affix) ? s.substring(0, s.length() - affix.length()) : s);
  }

  private static Value test(Value[] a, BiPredicate<String, String> predicate) {
    return BooleanValue.of(predicate.test(Operands.string(a, 1), Operands.string(a, 2)));
  }

  private static Value map(Value[] a, UnaryOperator<String> f) {
    return StringValue.of(f.apply(Operands.string(a, 1)));
  }

  private static Value strings(List<String> parts) {
    List<Value> values = new ArrayList<>(parts.size());
    parts.forEach(p -> values.add(StringValue.of(p)));
    return ArrayValue.of(values);
  }
}
