package io.kubepolicies.rego.compile;

import io.kubepolicies.rego.ast.ArrayTerm;
import io.kubepolicies.rego.ast.Body;
import io.kubepolicies.rego.ast.Call;
import io.kubepolicies.rego.ast.Every;
import io.kubepolicies.rego.ast.Expr;
import io.kubepolicies.rego.ast.ObjectTerm;
import io.kubepolicies.rego.ast.Or;
import io.kubepolicies.rego.ast.Ref;
import io.kubepolicies.rego.ast.SetTerm;
import io.kubepolicies.rego.ast.SomeDecl;
import io.kubepolicies.rego.ast.Statement;
import io.kubepolicies.rego.ast.TemplateString;
import io.kubepolicies.rego.ast.Term;
import io.kubepolicies.rego.ast.TermStatement;
import io.kubepolicies.rego.ast.With;
import java.util.List;
import java.util.function.Consumer;

/**
 * Walks the parts of an expression that the type checker looks at together. OPA's compiler moves
 * every call nested in an expression into an expression of its own before type checking, so a nested
 * call is a unit of its own here: walking a unit's terms stops at the calls in it (and at
 * comprehensions, whose bodies are checked on their own).
 */
final class TermWalk {
  private TermWalk() {}

  /** The calls nested in a term, innermost first, in the order OPA's compiler would move them out. */
  static void calls(Term t, Consumer<Call> out) {
    if (t instanceof Call c) {
      c.args().forEach(a -> calls(a, out));
      out.accept(c);
    } else if (t instanceof Ref r) {
      r.terms().forEach(p -> calls(p, out));
    } else {
      children(t, c -> calls(c, out));
    }
  }

  /** The comprehensions in a term, not counting those in nested calls or other comprehensions. */
  static void closures(Term t, Consumer<Term> out) {
    if (TypeEnv.isClosure(t)) {
      out.accept(t);
    } else if (t instanceof Ref r) {
      r.terms().forEach(p -> closures(p, out));
    } else if (!(t instanceof Call)) {
      children(t, c -> closures(c, out));
    }
  }

  /** The references in a term, each before those within it, leaving out nested calls and comprehensions. */
  static void refs(Term t, Consumer<Ref> out) {
    if (t instanceof Ref r) {
      out.accept(r);
      r.terms().forEach(p -> refs(p, out));
    } else if (!(t instanceof Call) && !TypeEnv.isClosure(t)) {
      children(t, c -> refs(c, out));
    }
  }

  /** The comprehensions anywhere in a body, in calls too, not counting those in other comprehensions. */
  static void allClosures(Body body, Consumer<Term> out) {
    for (Expr e : body.exprs()) {
      statementTerms(e.statement(), t -> allClosures(t, out));
      withValues(e.with(), t -> allClosures(t, out));
    }
  }

  private static void allClosures(Term t, Consumer<Term> out) {
    if (TypeEnv.isClosure(t)) {
      out.accept(t);
    } else if (t instanceof Ref r) {
      r.terms().forEach(p -> allClosures(p, out));
    } else if (t instanceof Call c) {
      c.args().forEach(a -> allClosures(a, out));
    } else {
      children(t, c -> allClosures(c, out));
    }
  }

  /**
   * The references anywhere in a body, calls included (their operators are not references to
   * values), comprehensions not: what OPA's reference check sees of an {@code every} body.
   */
  static void allRefs(Body body, Consumer<Ref> out) {
    for (Expr e : body.exprs()) {
      statementTerms(e.statement(), t -> allRefs(t, out));
    }
  }

  private static void allRefs(Term t, Consumer<Ref> out) {
    if (t instanceof Ref r) {
      out.accept(r);
      r.terms().forEach(p -> allRefs(p, out));
    } else if (t instanceof Call c) {
      c.args().forEach(a -> allRefs(a, out));
    } else if (!TypeEnv.isClosure(t)) {
      children(t, c -> allRefs(c, out));
    }
  }

  /** The terms of a statement, bodies of {@code every} and {@code or} included. */
  static void statementTerms(Statement s, Consumer<Term> out) {
    if (s instanceof TermStatement ts) {
      out.accept(ts.term());
    } else if (s instanceof SomeDecl some) {
      some.symbols().forEach(out);
    } else if (s instanceof Every every) {
      if (every.key() != null) {
        out.accept(every.key());
      }
      out.accept(every.value());
      out.accept(every.domain());
      every.body().exprs().forEach(e -> statementTerms(e.statement(), out));
    } else {
      ((Or) s).alternatives().forEach(b -> b.exprs().forEach(e -> statementTerms(e.statement(), out)));
    }
  }

  /** The values of {@code with} modifiers. */
  static void withValues(List<With> with, Consumer<Term> out) {
    for (With w : with) {
      if (w.value() != null) {
        out.accept(w.value());
      }
    }
  }

  /** The direct subterms of a composite or template (not of references, calls or comprehensions). */
  static void children(Term t, Consumer<Term> out) {
    if (t instanceof ArrayTerm a) {
      a.items().forEach(out);
    } else if (t instanceof SetTerm s) {
      s.items().forEach(out);
    } else if (t instanceof ObjectTerm o) {
      for (ObjectTerm.Entry e : o.entries()) {
        out.accept(e.key());
        out.accept(e.value());
      }
    } else if (t instanceof TemplateString ts) {
      ts.parts().forEach(out);
    }
  }
}
