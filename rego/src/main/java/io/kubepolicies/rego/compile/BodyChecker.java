package io.kubepolicies.rego.compile;

import io.kubepolicies.rego.ast.ArrayComprehension;
import io.kubepolicies.rego.ast.Body;
import io.kubepolicies.rego.ast.Call;
import io.kubepolicies.rego.ast.Every;
import io.kubepolicies.rego.ast.Expr;
import io.kubepolicies.rego.ast.Location;
import io.kubepolicies.rego.ast.ObjectComprehension;
import io.kubepolicies.rego.ast.Or;
import io.kubepolicies.rego.ast.Ref;
import io.kubepolicies.rego.ast.SetComprehension;
import io.kubepolicies.rego.ast.SomeDecl;
import io.kubepolicies.rego.ast.Statement;
import io.kubepolicies.rego.ast.Term;
import io.kubepolicies.rego.ast.TermStatement;
import io.kubepolicies.rego.ast.Var;
import io.kubepolicies.rego.ast.With;
import io.kubepolicies.rego.builtins.Builtin;
import io.kubepolicies.rego.builtins.Builtins;
import io.kubepolicies.rego.types.Type;
import io.kubepolicies.rego.types.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Type-checks bodies the way OPA's {@code CheckBody} does, expression by expression in the order
 * the safety check left them: first the comprehensions in an expression (each body on its own),
 * then its references, then the expression itself: a call's arguments against the signature of
 * the built-in or function, the two sides of {@code =}, {@code :=} and {@code ==} against each
 * other, and function mocks in {@code with} against the function they replace. An error that an
 * unknown type may have caused is dropped when a comprehension or reference in the same expression
 * already failed, as OPA drops it.
 *
 * <p>Like OPA, the bodies of {@code every} are not checked beyond their references and
 * comprehensions.
 */
final class BodyChecker {
  private final Builtins builtins;

  BodyChecker(Builtins builtins) {
    this.builtins = builtins;
  }

  List<TypeError> check(Body body, TypeEnv env) {
    List<TypeError> errors = new ArrayList<>();
    for (Expr e : body.exprs()) {
      expr(e, env, errors);
    }
    return errors;
  }

  /** Terms of a rule head or comprehension head, checked as if the body went on to compute them. */
  void head(List<Term> terms, TypeEnv env, List<TypeError> errors) {
    terms.forEach(t -> nestedCalls(t, env, errors));
    unit(Parts.of(terms), () -> null, env, errors);
  }

  /**
   * What of an expression is checked with it: its terms (comprehensions and references), the values
   * of its {@code with} modifiers (comprehensions only, as in OPA) and the body of an {@code every}.
   */
  private record Parts(List<Term> terms, List<Term> withValues, Body every) {
    static Parts of(List<Term> terms) {
      return new Parts(terms, List.of(), null);
    }
  }

  private void expr(Expr e, TypeEnv env, List<TypeError> errors) {
    Statement s = e.statement();
    List<Term> withValues = new ArrayList<>();
    TermWalk.withValues(e.with(), withValues::add);
    withValues.forEach(t -> nestedCalls(t, env, errors));
    if (s instanceof TermStatement ts && ts.term() instanceof Call c) {
      c.args().forEach(a -> nestedCalls(a, env, errors));
      unit(new Parts(c.args(), withValues, null),
          () -> withError(e.with(), env, () -> statement(c, e.location(), env)), env, errors);
    } else if (s instanceof TermStatement ts) {
      nestedCalls(ts.term(), env, errors);
      unit(new Parts(List.of(ts.term()), withValues, null), () -> withError(e.with(), env, () -> null), env, errors);
    } else if (s instanceof SomeDecl some) {
      for (Term symbol : some.symbols()) {
        if (symbol instanceof Call member) { // some x in xs
          member.args().forEach(a -> nestedCalls(a, env, errors));
          unit(Parts.of(member.args()), () -> call(member, false, some.location(), env), env, errors);
        }
      }
    } else if (s instanceof Every every) {
      nestedCalls(every.domain(), env, errors);
      unit(new Parts(List.of(every.domain()), withValues, every.body()), () -> withError(e.with(), env, () -> null),
          env, errors);
    } else {
      for (Body alternative : ((Or) s).alternatives()) {
        errors.addAll(check(alternative, env.child()));
      }
    }
  }

  /** Each call in a term whose value is used is checked as an expression of its own, innermost first. */
  private void nestedCalls(Term t, TypeEnv env, List<TypeError> errors) {
    TermWalk.calls(t, c -> unit(Parts.of(c.args()), () -> call(c, true, c.location(), env), env, errors));
  }

  /** Checks one expression: the comprehensions in its parts, then their references, then the expression itself. */
  private void unit(Parts parts, Supplier<TypeError> statement, TypeEnv env, List<TypeError> errors) {
    List<TypeError> closureErrors = new ArrayList<>();
    for (Term t : concat(parts.terms(), parts.withValues())) {
      TermWalk.closures(t, c -> closureErrors.addAll(closure(c, env)));
    }
    List<Ref> found = new ArrayList<>();
    parts.terms().forEach(t -> TermWalk.refs(t, found::add));
    if (parts.every() != null) {
      TermWalk.allClosures(parts.every(), c -> closureErrors.addAll(closure(c, env)));
      TermWalk.allRefs(parts.every(), found::add);
    }
    List<TypeError> refErrors = new ArrayList<>();
    RefCheck refs = new RefCheck(env);
    for (Ref r : found) {
      TypeError error = refs.check(r);
      if (error != null) {
        refErrors.add(error);
      }
    }
    TypeError error = statement.get();
    errors.addAll(closureErrors);
    errors.addAll(refErrors);
    if (error != null && !(error.fromUnknown() && (!closureErrors.isEmpty() || !refErrors.isEmpty()))) {
      errors.add(error);
    }
  }

  /** Checks a comprehension's body in an environment of its own and records the comprehension's type. */
  private List<TypeError> closure(Term c, TypeEnv env) {
    TypeEnv inner = env.child();
    List<Term> heads;
    Body body;
    if (c instanceof ArrayComprehension a) {
      heads = List.of(a.head());
      body = a.body();
    } else if (c instanceof SetComprehension s) {
      heads = List.of(s.head());
      body = s.body();
    } else {
      ObjectComprehension o = (ObjectComprehension) c;
      heads = List.of(o.key(), o.value());
      body = o.body();
    }
    List<TypeError> errors = check(body, inner);
    head(heads, inner, errors);
    Type type = null;
    if (errors.isEmpty()) {
      type = c instanceof ArrayComprehension ? Type.arrayOf(inner.typeOf(heads.get(0)))
          : c instanceof SetComprehension ? Type.setOf(inner.typeOf(heads.get(0)))
          : Type.objectOf(inner.typeOf(heads.get(0)), inner.typeOf(heads.get(1)));
    }
    env.remember(c, type);
    return errors;
  }

  /** A call used as an expression of its own: {@code =}, {@code :=}, {@code ==}, or a call of a function. */
  private TypeError statement(Call c, Location location, TypeEnv env) {
    String op = Terms.dottedName(c.operator());
    boolean unifies = Terms.EQ.equals(op) || Terms.ASSIGN.equals(op) || "equal".equals(op);
    if (unifies && c.args().size() == 2) {
      Term a = c.args().get(0);
      Term b = c.args().get(1);
      Type typeA = env.typeOf(a);
      Type typeB = env.typeOf(b);
      return new Unification(env).unify(a, typeA, b, typeB) ? null : TypeError.match(location, typeA, typeB);
    }
    return call(c, false, location, env);
  }

  /**
   * Checks a call's arguments against the function's signature, in order; a nested call has one
   * more operand, its value, which takes the result type. Records the call's result type (null when
   * the call is not valid or its function has no known type).
   */
  private TypeError call(Call c, boolean nested, Location location, TypeEnv env) {
    Type.Function function = function(c.operator(), env);
    if (function == null) {
      env.remember(c, null);
      return null;
    }
    List<Type> want = new ArrayList<>(function.args());
    if (function.result() != null) {
      want.add(function.result());
    }
    Unification unification = new Unification(env);
    List<Term> args = c.args();
    for (int i = 0; i < args.size() && i < want.size(); i++) {
      if (!unification.unify(args.get(i), want.get(i), false)) {
        List<Type> have = new ArrayList<>();
        args.forEach(a -> have.add(env.typeOf(a)));
        if (nested) {
          have.add(null); // the value of the call, which nothing has typed
        }
        env.remember(c, null);
        return TypeError.arguments(location, name(c.operator()), "invalid argument(s)", have, want);
      }
    }
    env.remember(c, nested ? Type.unwrap(function.result()) : null);
    return null;
  }

  /** The signature of a built-in or of a function under {@code data}; null when unknown (its rules failed to check). */
  private Type.Function function(Ref operator, TypeEnv env) {
    if (operator.head() instanceof Var v && v.name().equals("data")) {
      return env.typeOfRef(operator) instanceof Type.Function f ? f : null;
    }
    String name = Terms.dottedName(operator);
    Builtin builtin = name == null ? null : builtins.get(name);
    return builtin == null ? null : Type.function(builtin.args(), builtin.result());
  }

  private static String name(Ref operator) {
    boolean data = operator.head() instanceof Var v && v.name().equals("data");
    return data ? TermText.of(operator) : Terms.dottedName(operator);
  }

  /**
   * A function replaced by another function must take arguments of the same types (OPA's
   * {@code checkExprWith}); the first mismatch, else what {@code next} finds.
   */
  private TypeError withError(List<With> with, TypeEnv env, Supplier<TypeError> next) {
    for (With w : with) {
      Type.Function target = function(w.target(), env);
      Ref replacement = w.function() != null ? w.function() : w.value() instanceof Ref r ? r : null;
      Type.Function value = replacement == null ? null : function(replacement, env);
      if (target != null && value != null && !Types.unifies(target, value)) {
        List<Type> have = value.args().stream().map(Type::unwrap).toList();
        return TypeError.arguments(w.location(), name(w.target()), "arity mismatch", have, target.args());
      }
    }
    return next.get();
  }

  private static List<Term> concat(List<Term> a, List<Term> b) {
    List<Term> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
