package io.kubepolicies.rego.builtins.template;

import io.kubepolicies.rego.builtins.format.GoValue;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.GoQuote;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.Ordering;
import io.kubepolicies.rego.value.RegoText;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The template variables as OPA hands them to Go: it prints the object as Rego text and decodes that
 * as JSON (numbers kept as {@code json.Number}). Whatever Rego text is not JSON fails with Go's
 * decoder message: sets, non-string keys, and strings whose Go quoting uses {@code \x}, {@code \a},
 * {@code \v} or {@code \U} escapes.
 */
public final class TemplateData {
  private TemplateData() {}

  public static GoValue of(Value v) {
    if (v instanceof NumberValue n) {
      return GoValue.Str.number(n.toString());
    }
    if (v instanceof StringValue s) {
      checkEscapes(s.value());
      return GoValue.Str.of(s.value());
    }
    if (v instanceof BooleanValue b) {
      return new GoValue.Bool(b.value());
    }
    if (v instanceof ArrayValue a) {
      List<GoValue> elements = new ArrayList<>(a.size());
      a.elements().forEach(e -> elements.add(of(e)));
      return new GoValue.Slice(elements);
    }
    if (v instanceof ObjectValue o) {
      SortedMap<String, GoValue> entries = new TreeMap<>(Ordering::compareStrings);
      for (Value key : o.sortedKeys()) {
        if (!(key instanceof StringValue k)) {
          throw invalid(firstChar(key), "looking for beginning of object key string");
        }
        checkEscapes(k.value());
        entries.put(k.value(), of(o.get(key)));
      }
      return new GoValue.Map(entries);
    }
    if (v instanceof SetValue set) {
      if (set.isEmpty()) {
        throw invalid('s', "looking for beginning of value");
      }
      Value first = set.sorted().get(0);
      if (!(first instanceof StringValue s)) {
        throw invalid(firstChar(first), "looking for beginning of object key string");
      }
      checkEscapes(s.value());
      throw invalid(set.size() == 1 ? '}' : ',', "after object key");
    }
    return GoValue.Nil.NIL;
  }

  private static char firstChar(Value v) {
    return RegoText.write(v).charAt(0);
  }

  /** Go quotes some characters with escapes that JSON does not have. */
  private static void checkEscapes(String s) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      char escape = GoQuote.escapeLetter(cp);
      if (escape == 'x' || escape == 'a' || escape == 'v' || escape == 'U') {
        throw invalid(escape, "in string escape code");
      }
    }
  }

  private static TemplateException invalid(char c, String where) {
    return new TemplateException("invalid character '" + c + "' " + where);
  }
}
