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
import java.util.ArrayList;
import java.util.List;

/** Values written in Rego literal syntax, e.g. {@code {"a": {1, 2}}} (sets and non-string keys included). */
public final class Literals {
  private Literals() {}

  /** Parses a constant Rego term; variables, references and calls are rejected. */
  public static Value parse(String text) {
    return valueOf(Parser.parseTerm(text));
  }

  /** The value of a constant term. */
  public static Value valueOf(Term term) {
    if (term instanceof Scalar s) {
      return s.value();
    }
    if (term instanceof ArrayTerm a) {
      return ArrayValue.of(values(a.items()));
    }
    if (term instanceof SetTerm s) {
      return SetValue.of(values(s.items()));
    }
    if (term instanceof ObjectTerm o) {
      ObjectValue.Builder b = ObjectValue.builder();
      for (ObjectTerm.Entry e : o.entries()) {
        b.put(valueOf(e.key()), valueOf(e.value()));
      }
      return b.build();
    }
    throw new RegoException(RegoError.PARSE, "not a constant value", term.location());
  }

  private static List<Value> values(List<Term> terms) {
    List<Value> out = new ArrayList<>(terms.size());
    terms.forEach(t -> out.add(valueOf(t)));
    return out;
  }
}
