package io.kubepolicies.rego.syntax;

import io.kubepolicies.rego.ast.ArrayComprehension;
import io.kubepolicies.rego.ast.ArrayTerm;
import io.kubepolicies.rego.ast.Call;
import io.kubepolicies.rego.ast.ObjectComprehension;
import io.kubepolicies.rego.ast.ObjectTerm;
import io.kubepolicies.rego.ast.Ref;
import io.kubepolicies.rego.ast.Scalar;
import io.kubepolicies.rego.ast.SetComprehension;
import io.kubepolicies.rego.ast.SetTerm;
import io.kubepolicies.rego.ast.Term;
import io.kubepolicies.rego.ast.Var;

/** OPA's names for kinds of term, as its parse errors use them ("unexpected var token: expecting string"). */
final class TermNames {
  private TermNames() {}

  static String of(Term term) {
    if (term instanceof Scalar s) {
      return s.value().kind().typeName();
    }
    if (term instanceof Var) {
      return "var";
    }
    if (term instanceof Ref) {
      return "ref";
    }
    if (term instanceof Call) {
      return "call";
    }
    if (term instanceof ArrayTerm) {
      return "array";
    }
    if (term instanceof ObjectTerm) {
      return "object";
    }
    if (term instanceof SetTerm) {
      return "set";
    }
    if (term instanceof ArrayComprehension) {
      return "arraycomprehension";
    }
    if (term instanceof SetComprehension) {
      return "setcomprehension";
    }
    if (term instanceof ObjectComprehension) {
      return "objectcomprehension";
    }
    return "templatestring";
  }
}
