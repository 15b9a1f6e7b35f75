package io.kubepolicies.rego;

import io.kubepolicies.rego.ast.ArrayTerm;
import io.kubepolicies.rego.ast.ObjectTerm;
import io.kubepolicies.rego.ast.Scalar;
import io.kubepolicies.rego.ast.SetTerm;
import io.kubepolicies.rego.ast.Term;
import io.kubepolicies.rego.syntax.Parser;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.Value;
import java.util.List;

/** Values written in Rego literal syntax, e.g. {@code {"a": {1, 2}}} (sets and non-string keys included). */
public final class Literals {
  private Literals() {}

  /** Parses a constant Rego term; variables, references and calls are rejected. */
  public static Value parse(String text) {
    Term term = Parser.parseTerm(text);
    Value value = valueOf(term);
    if (value == null) {
      throw new RegoException(RegoError.PARSE, "not a constant value", term.location());
    }
    return value;
  }

  /** The value of a term without variables, references, calls or comprehensions, else null. */
  public static Value valueOf(Term term) {
    if (term instanceof Scalar s) {
      return s.value();
    }
    if (term instanceof ArrayTerm a) {
      Value[] items = values(a.items());
      return items == null ? null : ArrayValue.of(items);
    }
    if (term instanceof SetTerm s) {
      Value[] items = values(s.items());
      return items == null ? null : SetValue.of(items);
    }
    if (term instanceof ObjectTerm o) {
      ObjectValue.Builder b = ObjectValue.builder();
      for (ObjectTerm.Entry e : o.entries()) {
        Value key = valueOf(e.key());
        Value value = valueOf(e.value());
        if (key == null || value == null) {
          return null;
        }
        b.put(key, value);
      }
      return b.build();
    }
    return null;
  }

  private static Value[] values(List<Term> terms) {
    Value[] values = new Value[terms.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = valueOf(terms.get(i));
      if (values[i] == null) {
        return null;
      }
    }
    return values;
  }
}
