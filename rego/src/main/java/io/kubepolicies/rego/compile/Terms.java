package io.kubepolicies.rego.compile;

import io.kubepolicies.rego.ast.ArrayComprehension;
import io.kubepolicies.rego.ast.ArrayTerm;
import io.kubepolicies.rego.ast.Body;
import io.kubepolicies.rego.ast.Call;
import io.kubepolicies.rego.ast.Every;
import io.kubepolicies.rego.ast.Expr;
import io.kubepolicies.rego.ast.ObjectComprehension;
import io.kubepolicies.rego.ast.ObjectTerm;
import io.kubepolicies.rego.ast.Or;
import io.kubepolicies.rego.ast.Ref;
import io.kubepolicies.rego.ast.Scalar;
import io.kubepolicies.rego.ast.SetComprehension;
import io.kubepolicies.rego.ast.SetTerm;
import io.kubepolicies.rego.ast.SomeDecl;
import io.kubepolicies.rego.ast.Statement;
import io.kubepolicies.rego.ast.TemplateString;
import io.kubepolicies.rego.ast.Term;
import io.kubepolicies.rego.ast.TermStatement;
import io.kubepolicies.rego.ast.Var;
import io.kubepolicies.rego.ast.With;
import io.kubepolicies.rego.value.StringValue;
import java.util.Set;

/** Questions about terms that several compiler stages ask. */
final class Terms {
  static final String EQ = "eq";
  static final String ASSIGN = "assign";
  static final String PRINT = "print";

  private Terms() {}

  static boolean isRoot(String name) {
    return name.equals("data") || name.equals("input");
  }

  /** The operator's dotted name when it is a plain name such as {@code count} or {@code strings.replace_n}, else null. */
  static String dottedName(Ref ref) {
    if (!(ref.head() instanceof Var head)) {
      return null;
    }
    StringBuilder sb = new StringBuilder(head.name());
    for (int i = 1; i < ref.size(); i++) {
      if (!(ref.get(i) instanceof Scalar s) || !(s.value() instanceof StringValue str)) {
        return null;
      }
      sb.append('.').append(str.value());
    }
    return sb.toString();
  }

  /**
   * Adds the local variables of a term to {@code out}. Data and input roots and call operators are
   * not variables. With {@code skipClosures}, the insides of comprehensions are left out.
   */
  static void vars(Term term, boolean skipClosures, Set<String> out) {
    if (term instanceof Var v) {
      if (!isRoot(v.name())) {
        out.add(v.name());
      }
    } else if (term instanceof Ref r) {
      for (Term t : r.terms()) {
        vars(t, skipClosures, out);
      }
    } else if (term instanceof Call c) {
      for (Term t : c.args()) {
        vars(t, skipClosures, out);
      }
    } else if (term instanceof ArrayTerm a) {
      a.items().forEach(t -> vars(t, skipClosures, out));
    } else if (term instanceof SetTerm s) {
      s.items().forEach(t -> vars(t, skipClosures, out));
    } else if (term instanceof ObjectTerm o) {
      for (ObjectTerm.Entry e : o.entries()) {
        vars(e.key(), skipClosures, out);
        vars(e.value(), skipClosures, out);
      }
    } else if (term instanceof TemplateString t) {
      t.parts().forEach(p -> vars(p, skipClosures, out));
      t.modifiers().forEach(mods -> mods.forEach(w -> vars(w.value(), skipClosures, out)));
    } else if (!skipClosures) {
      if (term instanceof ArrayComprehension c) {
        vars(c.head(), false, out);
        vars(c.body(), out);
      } else if (term instanceof SetComprehension c) {
        vars(c.head(), false, out);
        vars(c.body(), out);
      } else if (term instanceof ObjectComprehension c) {
        vars(c.key(), false, out);
        vars(c.value(), false, out);
        vars(c.body(), out);
      }
    }
  }

  /** All variables of a body, closures included. */
  static void vars(Body body, Set<String> out) {
    for (Expr e : body.exprs()) {
      vars(e, false, out);
    }
  }

  /** The variables of an expression; with {@code skipClosures}, nested bodies are left out. */
  static void vars(Expr expr, boolean skipClosures, Set<String> out) {
    Statement s = expr.statement();
    if (s instanceof TermStatement ts) {
      vars(ts.term(), skipClosures, out);
    } else if (s instanceof SomeDecl some) {
      some.symbols().forEach(t -> vars(t, skipClosures, out));
    } else if (s instanceof Every every) {
      vars(every.domain(), skipClosures, out);
      if (!skipClosures) {
        if (every.key() != null) {
          vars(every.key(), false, out);
        }
        vars(every.value(), false, out);
        vars(every.body(), out);
      }
    } else if (s instanceof Or or && !skipClosures) {
      or.alternatives().forEach(b -> vars(b, out));
    }
    for (With w : expr.with()) {
      if (w.value() != null) {
        vars(w.value(), skipClosures, out);
      }
    }
  }
}
