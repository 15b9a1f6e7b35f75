package io.kubepolicies.signing.canonical;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A parsed JSON or YAML document in the form OPA hashes it: no whitespace, object members sorted by
 * key, scalars written the way Go's {@code encoding/json} writes them. {@link #toJson()} is that
 * form, which is also valid compact JSON.
 */
public sealed interface CanonicalValue
    permits CanonicalValue.Members, CanonicalValue.Elements, CanonicalValue.Literal {

  /** Go sorts map keys byte-wise in UTF-8, which is code point order (not Java's UTF-16 order). */
  Comparator<String> KEY_ORDER = (a, b) -> {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  };

  void appendTo(StringBuilder out);

  default String toJson() {
    StringBuilder out = new StringBuilder();
    appendTo(out);
    return out.toString();
  }

  default byte[] toBytes() {
    return toJson().getBytes(StandardCharsets.UTF_8);
  }

  /** A JSON object. */
  record Members(SortedMap<String, CanonicalValue> members) implements CanonicalValue {
    public Members {
      TreeMap<String, CanonicalValue> sorted = new TreeMap<>(KEY_ORDER);
      sorted.putAll(members);
      members = Collections.unmodifiableSortedMap(sorted);
    }

    @Override
    public void appendTo(StringBuilder out) {
      out.append('{');
      boolean first = true;
      for (var member : members.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        GoJson.appendQuoted(out, member.getKey());
        out.append(':');
        member.getValue().appendTo(out);
      }
      out.append('}');
    }
  }

  /** A JSON array. */
  record Elements(List<CanonicalValue> elements) implements CanonicalValue {
    public Elements {
      elements = List.copyOf(elements);
    }

    @Override
    public void appendTo(StringBuilder out) {
      out.append('[');
      for (int i = 0; i < elements.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        elements.get(i).appendTo(out);
      }
      out.append(']');
    }
  }

  /** A string, number, boolean or null, already in its canonical JSON text. */
  record Literal(String json) implements CanonicalValue {
    public static final Literal NULL = new Literal("null");

    @Override
    public void appendTo(StringBuilder out) {
      out.append(json);
    }
  }
}
