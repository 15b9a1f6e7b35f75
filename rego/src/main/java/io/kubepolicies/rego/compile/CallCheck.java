package io.kubepolicies.rego.compile;

import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.ast.ArrayComprehension;
import io.kubepolicies.rego.ast.Body;
import io.kubepolicies.rego.ast.Call;
import io.kubepolicies.rego.ast.Every;
import io.kubepolicies.rego.ast.Expr;
import io.kubepolicies.rego.ast.Location;
import io.kubepolicies.rego.ast.ObjectComprehension;
import io.kubepolicies.rego.ast.Or;
import io.kubepolicies.rego.ast.Ref;
import io.kubepolicies.rego.ast.Rule;
import io.kubepolicies.rego.ast.SetComprehension;
import io.kubepolicies.rego.ast.SomeDecl;
import io.kubepolicies.rego.ast.Statement;
import io.kubepolicies.rego.ast.Term;
import io.kubepolicies.rego.ast.TermStatement;
import io.kubepolicies.rego.ast.Var;
import io.kubepolicies.rego.builtins.Builtin;
import io.kubepolicies.rego.builtins.Builtins;
import io.kubepolicies.rego.types.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Checks that every call names a function and passes it as many arguments as it takes, before the
 * safety check, as OPA's {@code CheckUndefinedFuncs} stage does: a call used as an expression may
 * add one argument for the result ({@code count(xs, n)}), a call whose value is used may not; and
 * {@code print}, which has no value, may not be used as one.
 */
final class CallCheck {
  private final Builtins builtins;
  private final ToIntFunction<Ref> arity; // of a call operator, -1 when it names no function
  private final Errors errors;
  private final TypeEnv constants = TypeEnv.over(new DataTypes()); // OPA knows only constants' types at this stage

  CallCheck(Builtins builtins, ToIntFunction<Ref> arity, Errors errors) {
    this.builtins = builtins;
    this.arity = arity;
    this.errors = errors;
  }

  void check(Rule rule) {
    for (Rule r = rule; r != null; r = r.elseRule()) {
      body(r.body());
      r.head().args().forEach(this::nested);
      if (r.head().key() != null) {
        nested(r.head().key());
      }
      if (r.head().value() != null) {
        nested(r.head().value());
      }
      r.head().ref().terms().forEach(this::nested);
    }
  }

  void check(Body query) {
    body(query);
  }

  private void body(Body body) {
    for (Expr e : body.exprs()) {
      TermWalk.withValues(e.with(), this::nested);
      Statement s = e.statement();
      if (s instanceof TermStatement ts && ts.term() instanceof Call c) {
        statement(c, e.location());
      } else if (s instanceof TermStatement ts) {
        nested(ts.term());
      } else if (s instanceof SomeDecl some) {
        for (Term symbol : some.symbols()) {
          if (symbol instanceof Call member) {
            statement(member, some.location());
          }
        }
      } else if (s instanceof Every every) {
        nested(every.domain());
        body(every.body());
      } else {
        ((Or) s).alternatives().forEach(this::body);
      }
    }
  }

  /** A call used as an expression: its result may be passed as one more argument. */
  private void statement(Call c, Location location) {
    String name = Terms.dottedName(c.operator());
    if (!NameResolver.EVALUATOR_CALLS.contains(name)) {
      int expected = arity.applyAsInt(c.operator());
      int given = c.args().size();
      if (expected < 0) {
        undefined(c, location);
      } else if (given != expected && given != expected + 1) {
        mismatch(c, location, expected, given, false);
      }
    }
    c.args().forEach(this::nested);
  }

  /** Calls within a term, whose values are used, and the bodies of comprehensions in it. */
  private void nested(Term t) {
    if (t instanceof Call c) {
      valueCall(c);
      c.args().forEach(this::nested);
    } else if (t instanceof Ref r) {
      r.terms().forEach(this::nested);
    } else if (t instanceof ArrayComprehension c) {
      body(c.body());
      nested(c.head());
    } else if (t instanceof SetComprehension c) {
      body(c.body());
      nested(c.head());
    } else if (t instanceof ObjectComprehension c) {
      body(c.body());
      nested(c.key());
      nested(c.value());
    } else {
      TermWalk.children(t, this::nested);
    }
  }

  private void valueCall(Call c) {
    String name = Terms.dottedName(c.operator());
    if (Terms.PRINT.equals(name)) {
      errors.add(RegoError.TYPE, TermText.of(c) + " used as value", c.location());
    } else if (!NameResolver.EVALUATOR_CALLS.contains(name)) {
      int expected = arity.applyAsInt(c.operator());
      if (expected < 0) {
        undefined(c, c.location());
      } else if (c.args().size() != expected) {
        mismatch(c, c.location(), expected, c.args().size(), true);
      }
    }
  }

  private void undefined(Call c, Location location) {
    errors.add(RegoError.TYPE, "undefined function " + TermText.of(c.operator()), location);
  }

  /** A built-in's message shows the arguments it takes; a function's only their number. */
  private void mismatch(Call c, Location location, int expected, int given, boolean valueUsed) {
    Ref op = c.operator();
    Builtin builtin = op.head() instanceof Var v && v.name().equals("data") ? null : builtins.get(Terms.dottedName(op));
    if (builtin == null) {
      errors.add(RegoError.TYPE, "function " + TermText.of(op) + " has arity " + expected + ", got " + given
          + (given == 1 ? " argument" : " arguments"), location);
      return;
    }
    List<Type> have = new ArrayList<>();
    c.args().forEach(a -> have.add(constants.typeOf(a)));
    if (valueUsed) {
      have.add(null);
    }
    TypeError.arguments(location, builtin.name(), "arity mismatch", have, builtin.args()).report(errors);
  }
}
