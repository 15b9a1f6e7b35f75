package io.kubepolicies.rego.compile;

import io.kubepolicies.rego.RegoError;
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
import io.kubepolicies.rego.ast.Rule;
import io.kubepolicies.rego.ast.RuleHead;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * The safety check, as in OPA: every variable must be bound before it is read. Expressions are
 * reordered so that those that bind a variable run before those that read it (keeping the written
 * order where possible); variables that no order can bind are reported as unsafe. Closures
 * (comprehensions, {@code every} bodies, {@code or} groups) are checked recursively, seeing the
 * variables bound before them.
 */
final class SafetyCheck {
  private final Errors errors;
  private final ToIntFunction<Ref> arity; // of a call operator, -1 when unknown

  SafetyCheck(Errors errors, ToIntFunction<Ref> arity) {
    this.errors = errors;
    this.arity = arity;
  }

  Rule check(Rule rule) {
    Set<String> globals = new HashSet<>();
    rule.head().args().forEach(a -> Terms.vars(a, false, globals));
    return checkChain(rule, globals);
  }

  private Rule checkChain(Rule rule, Set<String> globals) {
    Set<String> safe = new HashSet<>(globals);
    Body body = reorder(rule.body(), safe);
    RuleHead h = rule.head();
    Set<String> headVars = new LinkedHashSet<>();
    for (int i = 1; i < h.ref().size(); i++) {
      Terms.vars(h.ref().get(i), true, headVars);
    }
    Term key = h.key() == null ? null : closures(h.key(), safe);
    Term value = h.value() == null ? null : closures(h.value(), safe);
    Set<String> bound = new HashSet<>(); // a head like `o[_] == x` iterates, binding its own variables
    for (Term t : new Term[] {key, value}) {
      if (t != null) {
        refOutputs(t, safe, bound);
      }
    }
    safe.addAll(bound);
    if (key != null) {
      Terms.vars(key, true, headVars);
    }
    if (value != null) {
      Terms.vars(value, true, headVars);
    }
    for (String v : headVars) {
      if (!safe.contains(v)) {
        errors.add(RegoError.UNSAFE_VAR, "var " + displayName(v) + " is unsafe", h.location());
      }
    }
    RuleHead head = new RuleHead(h.ref(), h.kind(), h.args(), key, value, h.assign(), h.location());
    Rule elseRule = rule.elseRule() == null ? null : checkChain(rule.elseRule(), globals);
    return new Rule(head, body, elseRule, rule.isDefault(), rule.annotations(), rule.location());
  }

  Body checkQuery(Body query) {
    return reorder(query, new HashSet<>());
  }

  static String displayName(String var) {
    int hash = var.indexOf('#');
    return var.startsWith("$") ? "_" : hash < 0 ? var : var.substring(0, hash);
  }

  /**
   * Reorders {@code body} given the variables already bound ({@code safe}), which grows by what the
   * body binds. Reports what stays unsafe.
   */
  private Body reorder(Body body, Set<String> safe) {
    Set<String> visible = new HashSet<>(safe);
    for (Expr e : body.exprs()) {
      Terms.vars(e, true, visible);
    }
    List<Expr> pending = new ArrayList<>(body.exprs());
    List<Expr> ordered = new ArrayList<>();
    List<Set<String>> safeBefore = new ArrayList<>();
    boolean progress = true;
    while (!pending.isEmpty() && progress) {
      progress = false;
      for (int i = 0; i < pending.size(); i++) {
        Expr e = pending.get(i);
        Set<String> outputs = outputs(e, safe);
        Set<String> needed = needs(e, visible);
        needed.removeAll(safe);
        needed.removeAll(outputs);
        if (needed.isEmpty()) {
          safeBefore.add(new HashSet<>(safe));
          safe.addAll(outputs);
          ordered.add(e);
          pending.remove(i);
          progress = true;
          break;
        }
      }
    }
    for (Expr e : pending) {
      Set<String> needed = needs(e, visible);
      needed.removeAll(safe);
      needed.removeAll(outputs(e, safe));
      for (String v : needed) {
        errors.add(RegoError.UNSAFE_VAR, "var " + displayName(v) + " is unsafe", e.location());
      }
    }
    List<Expr> result = new ArrayList<>();
    for (int i = 0; i < ordered.size(); i++) {
      result.add(closures(ordered.get(i), safeBefore.get(i)));
    }
    result.addAll(pending);
    return new Body(result, body.location());
  }

  /** The variables that must be bound before {@code e} can run. */
  private Set<String> needs(Expr e, Set<String> visible) {
    Set<String> needed = new LinkedHashSet<>();
    Terms.vars(e, true, needed);
    if (e.negated()) {
      needed.removeIf(v -> v.startsWith("$"));
    }
    captured(e, visible, needed);
    return needed;
  }

  /** Adds the variables that closures in {@code e} share with the enclosing body. */
  private void captured(Expr e, Set<String> visible, Set<String> out) {
    Set<String> inner = new HashSet<>();
    Statement s = e.statement();
    if (s instanceof TermStatement ts) {
      closureVars(ts.term(), inner);
    } else if (s instanceof SomeDecl some) {
      some.symbols().forEach(t -> closureVars(t, inner));
    } else if (s instanceof Every every) {
      Terms.vars(every.body(), inner);
      closureVars(every.domain(), inner);
    } else if (s instanceof Or or) {
      or.alternatives().forEach(b -> Terms.vars(b, inner));
    }
    for (With w : e.with()) {
      if (w.value() != null) {
        closureVars(w.value(), inner);
      }
    }
    inner.retainAll(visible);
    if (s instanceof Every every) {
      Set<String> declared = new HashSet<>();
      if (every.key() != null) {
        Terms.vars(every.key(), false, declared);
      }
      Terms.vars(every.value(), false, declared);
      inner.removeAll(declared);
    }
    out.addAll(inner);
  }

  /** The variables inside the comprehensions of a term. */
  private static void closureVars(Term t, Set<String> out) {
    if (t instanceof ArrayComprehension || t instanceof SetComprehension || t instanceof ObjectComprehension) {
      Terms.vars(t, false, out);
    } else if (t instanceof Ref r) {
      r.terms().forEach(x -> closureVars(x, out));
    } else if (t instanceof Call c) {
      c.args().forEach(x -> closureVars(x, out));
    } else {
      TermWalk.children(t, x -> closureVars(x, out));
    }
  }

  /** The variables {@code e} binds when the variables in {@code safe} are bound. */
  private Set<String> outputs(Expr e, Set<String> safe) {
    Set<String> out = new HashSet<>();
    if (e.negated()) {
      return out;
    }
    Statement s = e.statement();
    if (s instanceof SomeDecl some) {
      for (Term symbol : some.symbols()) {
        if (symbol instanceof Call c) {
          Term domain = c.args().get(c.args().size() - 1);
          refOutputs(domain, safe, out);
          if (evaluable(domain, safe, out)) {
            for (int i = 0; i < c.args().size() - 1; i++) {
              bindPattern(c.args().get(i), safe, out);
            }
          }
        }
      }
      return out;
    }
    if (!(s instanceof TermStatement ts)) {
      return out;
    }
    Term term = ts.term();
    refOutputs(term, safe, out);
    if (term instanceof Call c) {
      String op = Terms.dottedName(c.operator());
      if ((Terms.EQ.equals(op) || Terms.ASSIGN.equals(op)) && c.args().size() == 2) {
        unify(c.args().get(0), c.args().get(1), union(safe, out), out);
      } else {
        int n = arity.applyAsInt(c.operator());
        if (n >= 0 && c.args().size() == n + 1) {
          Set<String> bound = union(safe, out);
          boolean inputsReady = true;
          for (int i = 0; i < n; i++) {
            inputsReady &= evaluable(c.args().get(i), bound, out);
          }
          if (inputsReady) {
            bindPattern(c.args().get(n), bound, out);
          }
        }
      }
    }
    return out;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> u = new HashSet<>(a);
    u.addAll(b);
    return u;
  }

  /** Unbound variables in reference paths (behind a bound head) are bound by iteration. */
  private static void refOutputs(Term t, Set<String> safe, Set<String> out) {
    if (t instanceof Ref r) {
      Term head = r.head();
      if (head instanceof Var v && !Terms.isRoot(v.name()) && !safe.contains(v.name()) && !out.contains(v.name())) {
        return;
      }
      if (!(head instanceof Var)) {
        refOutputs(head, safe, out);
      }
      for (int i = 1; i < r.size(); i++) {
        Term p = r.get(i);
        if (p instanceof Var v) {
          if (!safe.contains(v.name())) {
            out.add(v.name());
          }
        } else if (p instanceof ArrayTerm || p instanceof ObjectTerm) {
          bindPattern(p, union(safe, out), out);
        } else {
          refOutputs(p, union(safe, out), out);
        }
      }
    } else if (t instanceof Call c) {
      c.args().forEach(a -> refOutputs(a, safe, out));
    } else if (t instanceof ArrayTerm a) {
      a.items().forEach(x -> refOutputs(x, safe, out));
    } else if (t instanceof SetTerm s) {
      s.items().forEach(x -> refOutputs(x, safe, out));
    } else if (t instanceof ObjectTerm o) {
      o.entries().forEach(en -> {
        refOutputs(en.key(), safe, out);
        refOutputs(en.value(), safe, out);
      });
    } else if (t instanceof TemplateString ts) {
      ts.parts().forEach(x -> refOutputs(x, safe, out));
    }
  }

  /** Whether every variable the term reads is bound (variables its own references bind do not count). */
  private static boolean evaluable(Term t, Set<String> safe, Set<String> out) {
    Set<String> vars = new HashSet<>();
    Terms.vars(t, true, vars);
    vars.removeAll(safe);
    vars.removeAll(out);
    return vars.isEmpty();
  }

  /** The variables unifying {@code a} with {@code b} binds (OPA's Unify over terms). */
  private static void unify(Term a, Term b, Set<String> safe, Set<String> out) {
    if (a instanceof Var va && !safe.contains(va.name()) && !out.contains(va.name())) {
      if (evaluable(b, safe, out)) {
        out.add(va.name());
      }
    } else if (b instanceof Var vb && !safe.contains(vb.name()) && !out.contains(vb.name())) {
      if (evaluable(a, safe, out)) {
        out.add(vb.name());
      }
    } else if (a instanceof ArrayTerm aa && b instanceof ArrayTerm ab) {
      if (aa.items().size() == ab.items().size()) {
        for (int pass = 0; pass < 2; pass++) {
          for (int i = 0; i < aa.items().size(); i++) {
            unify(aa.items().get(i), ab.items().get(i), union(safe, out), out);
          }
        }
      }
    } else if (a instanceof ObjectTerm oa && b instanceof ObjectTerm ob) {
      for (ObjectTerm.Entry ea : oa.entries()) {
        for (ObjectTerm.Entry eb : ob.entries()) {
          if (sameKey(ea.key(), eb.key())) {
            unify(ea.value(), eb.value(), union(safe, out), out);
          }
        }
      }
    } else if ((a instanceof ArrayTerm || a instanceof ObjectTerm) && evaluable(b, safe, out)) {
      bindPattern(a, safe, out);
    } else if ((b instanceof ArrayTerm || b instanceof ObjectTerm) && evaluable(a, safe, out)) {
      bindPattern(b, safe, out);
    }
  }

  private static boolean sameKey(Term a, Term b) {
    if (a instanceof Var va && b instanceof Var vb) {
      return va.name().equals(vb.name());
    }
    return a instanceof Scalar sa && b instanceof Scalar sb
        && sa.value().equals(sb.value());
  }

  /** The variables of a pattern that unifying it with a known value binds. */
  private static void bindPattern(Term pattern, Set<String> safe, Set<String> out) {
    if (pattern instanceof Var v) {
      if (!safe.contains(v.name())) {
        out.add(v.name());
      }
    } else if (pattern instanceof ArrayTerm a) {
      a.items().forEach(x -> bindPattern(x, safe, out));
    } else if (pattern instanceof ObjectTerm o) {
      o.entries().forEach(en -> bindPattern(en.value(), safe, out));
    } else {
      refOutputs(pattern, safe, out);
    }
  }

  /** Checks the closures inside an expression, which see the variables bound before it. */
  private Expr closures(Expr e, Set<String> safeBefore) {
    Statement s = e.statement();
    Statement checked = s;
    if (s instanceof TermStatement ts) {
      checked = new TermStatement(closures(ts.term(), safeBefore));
    } else if (s instanceof SomeDecl some) {
      List<Term> symbols = new ArrayList<>();
      some.symbols().forEach(t -> symbols.add(closures(t, safeBefore)));
      checked = new SomeDecl(symbols, some.location());
    } else if (s instanceof Every every) {
      Set<String> inner = new HashSet<>(safeBefore);
      if (every.key() != null) {
        Terms.vars(every.key(), false, inner);
      }
      Terms.vars(every.value(), false, inner);
      checked = new Every(every.key(), every.value(), closures(every.domain(), safeBefore), reorder(every.body(), inner),
          every.location());
    } else if (s instanceof Or or) {
      List<Body> alternatives = new ArrayList<>();
      for (Body b : or.alternatives()) {
        alternatives.add(reorder(b, new HashSet<>(safeBefore)));
      }
      checked = new Or(alternatives, or.location());
    }
    List<With> with = new ArrayList<>();
    for (With w : e.with()) {
      with.add(new With(w.target(), w.value() == null ? null : closures(w.value(), safeBefore), w.function(),
          w.location()));
    }
    return new Expr(checked, e.negated(), with, e.location());
  }

  private Term closures(Term t, Set<String> safe) {
    if (t instanceof ArrayComprehension c) {
      Set<String> inner = new HashSet<>(safe);
      Body body = reorder(c.body(), inner);
      return new ArrayComprehension(headChecked(c.head(), inner), body, c.location());
    }
    if (t instanceof SetComprehension c) {
      Set<String> inner = new HashSet<>(safe);
      Body body = reorder(c.body(), inner);
      return new SetComprehension(headChecked(c.head(), inner), body, c.location());
    }
    if (t instanceof ObjectComprehension c) {
      Set<String> inner = new HashSet<>(safe);
      Body body = reorder(c.body(), inner);
      return new ObjectComprehension(headChecked(c.key(), inner), headChecked(c.value(), inner), body, c.location());
    }
    if (t instanceof Ref r) {
      List<Term> terms = new ArrayList<>();
      r.terms().forEach(x -> terms.add(closures(x, safe)));
      return new Ref(terms, r.location());
    }
    if (t instanceof Call c) {
      List<Term> args = new ArrayList<>();
      c.args().forEach(x -> args.add(closures(x, safe)));
      return new Call(c.operator(), args, c.location());
    }
    if (t instanceof ArrayTerm a) {
      List<Term> items = new ArrayList<>();
      a.items().forEach(x -> items.add(closures(x, safe)));
      return new ArrayTerm(items, a.location());
    }
    if (t instanceof SetTerm s) {
      List<Term> items = new ArrayList<>();
      s.items().forEach(x -> items.add(closures(x, safe)));
      return new SetTerm(items, s.location());
    }
    if (t instanceof ObjectTerm o) {
      List<ObjectTerm.Entry> entries = new ArrayList<>();
      o.entries().forEach(en -> entries.add(new ObjectTerm.Entry(closures(en.key(), safe), closures(en.value(), safe))));
      return new ObjectTerm(entries, o.location());
    }
    if (t instanceof TemplateString ts) {
      List<Term> parts = new ArrayList<>();
      ts.parts().forEach(x -> parts.add(closures(x, safe)));
      return new TemplateString(parts, ts.modifiers(), ts.location());
    }
    return t;
  }

  /** A comprehension's head reads only variables its body (or the enclosing scope) binds. */
  private Term headChecked(Term head, Set<String> safe) {
    Term checked = closures(head, safe);
    Set<String> vars = new LinkedHashSet<>();
    Terms.vars(checked, true, vars);
    for (String v : vars) {
      if (!safe.contains(v)) {
        errors.add(RegoError.UNSAFE_VAR, "var " + displayName(v) + " is unsafe", head.location());
      }
    }
    return checked;
  }
}
