package io.kubepolicies.rego.compile;

import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.ast.ArrayComprehension;
import io.kubepolicies.rego.ast.ArrayTerm;
import io.kubepolicies.rego.ast.Body;
import io.kubepolicies.rego.ast.Call;
import io.kubepolicies.rego.ast.Every;
import io.kubepolicies.rego.ast.Expr;
import io.kubepolicies.rego.ast.Location;
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
import io.kubepolicies.rego.builtins.Builtins;
import io.kubepolicies.rego.value.StringValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves the names in one package's rules (or in a query): an import alias becomes the imported
 * reference, a rule name of the package becomes {@code data.<package>.<name>}, a call operator
 * becomes a built-in name or a function's data reference. Declared variables ({@code some},
 * {@code :=}, {@code every}, function arguments) get names unique within their rule, so a
 * declaration in a comprehension or group never clashes with the enclosing body; all other
 * variables keep their names and are shared with enclosing bodies.
 */
final class NameResolver {
  /** Operators the evaluator implements itself rather than the built-in table. */
  static final Set<String> EVALUATOR_CALLS = Set.of(Terms.EQ, Terms.ASSIGN, Terms.PRINT);

  private final List<Term> packagePath; // data, "a", "b"
  private final Map<String, Ref> imports;
  private final Set<String> ruleNames;
  private final Builtins builtins;
  private final Errors errors;
  private Set<String> used; // names taken in the rule being resolved

  NameResolver(List<Term> packagePath, Map<String, Ref> imports, Set<String> ruleNames, Builtins builtins, Errors errors) {
    this.packagePath = packagePath;
    this.imports = imports;
    this.ruleNames = ruleNames;
    this.builtins = builtins;
    this.errors = errors;
  }

  /** Resolves a rule and its else chain; all of them share one variable namespace (and one frame). */
  Rule resolve(Rule rule) {
    rule = simpleArgs(rule);
    used = new HashSet<>();
    Set<String> all = new LinkedHashSet<>();
    collectNames(rule, all);
    used.addAll(all);
    Scope root = new Scope(null);
    for (Term arg : rule.head().args()) {
      declarePattern(arg, root);
    }
    List<Term> args = new ArrayList<>();
    for (Term arg : rule.head().args()) {
      args.add(term(arg, root));
    }
    return resolveChain(rule, root, args);
  }

  /**
   * A function argument that is not a plain variable ({@code f(1)}, {@code f([a, b])},
   * {@code f($"{x}")}) becomes a variable that each body of the chain unifies with the argument, so
   * the safety check can order it after whatever binds its variables.
   */
  private static Rule simpleArgs(Rule rule) {
    List<Term> args = rule.head().args();
    List<Term> params = new ArrayList<>();
    List<Expr> unify = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      Term arg = args.get(i);
      if (arg instanceof Var) {
        params.add(arg);
        continue;
      }
      Var param = new Var("$a" + i, arg.location());
      params.add(param);
      Ref eq = new Ref(List.of(new Var(Terms.EQ, arg.location())), arg.location());
      unify.add(Expr.of(new TermStatement(new Call(eq, List.of(param, arg), arg.location())), arg.location()));
    }
    return unify.isEmpty() ? rule : withArgs(rule, params, unify);
  }

  private static Rule withArgs(Rule rule, List<Term> params, List<Expr> unify) {
    RuleHead h = rule.head();
    List<Expr> body = new ArrayList<>(unify);
    body.addAll(rule.body().exprs());
    return new Rule(new RuleHead(h.ref(), h.kind(), params, h.key(), h.value(), h.assign(), h.location()),
        new Body(body, rule.body().location()),
        rule.elseRule() == null ? null : withArgs(rule.elseRule(), params, unify),
        rule.isDefault(), rule.annotations(), rule.location());
  }

  private Rule resolveChain(Rule rule, Scope root, List<Term> args) {
    Scope scope = new Scope(root);
    Body body = body(rule.body(), scope);
    RuleHead h = rule.head();
    List<Term> refTerms = new ArrayList<>();
    refTerms.add(h.ref().head());
    for (int i = 1; i < h.ref().size(); i++) {
      refTerms.add(h.ref().get(i) instanceof Scalar ? h.ref().get(i) : term(h.ref().get(i), scope));
    }
    RuleHead head = new RuleHead(new Ref(refTerms, h.ref().location()), h.kind(), args,
        h.key() == null ? null : term(h.key(), scope),
        h.value() == null ? null : term(h.value(), scope), h.assign(), h.location());
    Rule elseRule = rule.elseRule() == null ? null : resolveChain(rule.elseRule(), root, args);
    return new Rule(head, body, elseRule, rule.isDefault(), rule.annotations(), rule.location());
  }

  /** Resolves a query; its variables keep their names so they can be reported as bindings. */
  Body resolveQuery(Body query) {
    used = new HashSet<>();
    Terms.vars(query, used);
    return body(query, new Scope(null));
  }

  private static void collectNames(Rule rule, Set<String> out) {
    for (Rule r = rule; r != null; r = r.elseRule()) {
      Terms.vars(r.body(), out);
      r.head().args().forEach(a -> Terms.vars(a, false, out));
      if (r.head().key() != null) {
        Terms.vars(r.head().key(), false, out);
      }
      if (r.head().value() != null) {
        Terms.vars(r.head().value(), false, out);
      }
    }
  }

  private Body body(Body body, Scope scope) {
    List<Expr> exprs = new ArrayList<>(body.size());
    for (Expr e : body.exprs()) {
      exprs.add(expr(e, scope));
    }
    return new Body(exprs, body.location());
  }

  private Expr expr(Expr e, Scope scope) {
    List<With> with = new ArrayList<>();
    for (With w : e.with()) {
      Ref builtin = builtinNamed(w.value(), scope);
      with.add(builtin != null
          ? new With(withTarget(w.target()), null, builtin, w.location())
          : new With(withTarget(w.target()), term(w.value(), scope), w.location()));
    }
    return new Expr(statement(e.statement(), scope), e.negated(), with, e.location());
  }

  private Statement statement(Statement s, Scope scope) {
    if (s instanceof TermStatement ts) {
      if (ts.term() instanceof Call c && Terms.ASSIGN.equals(Terms.dottedName(c.operator())) && c.args().size() == 2) {
        Term rhs = term(c.args().get(1), scope);
        declareAssigned(c.args().get(0), scope);
        Term lhs = term(c.args().get(0), scope);
        return new TermStatement(new Call(c.operator(), List.of(lhs, rhs), c.location()));
      }
      return new TermStatement(term(ts.term(), scope));
    }
    if (s instanceof SomeDecl some) {
      return someDecl(some, scope);
    }
    if (s instanceof Every every) {
      Term domain = term(every.domain(), scope);
      Scope inner = new Scope(scope);
      if (every.key() != null) {
        declarePattern(every.key(), inner);
      }
      declarePattern(every.value(), inner);
      Term key = every.key() == null ? null : term(every.key(), inner);
      Term value = term(every.value(), inner);
      return new Every(key, value, domain, body(every.body(), inner), every.location());
    }
    Or or = (Or) s;
    List<Body> alternatives = new ArrayList<>();
    for (Body alternative : or.alternatives()) {
      alternatives.add(body(alternative, new Scope(scope)));
    }
    return new Or(alternatives, or.location());
  }

  private Statement someDecl(SomeDecl some, Scope scope) {
    List<Term> symbols = new ArrayList<>();
    for (Term symbol : some.symbols()) {
      if (symbol instanceof Var v) {
        if (scope.declared.containsKey(v.name())) {
          errors.add(RegoError.COMPILE, "var " + v.name() + " declared above", v.location());
        }
        symbols.add(new Var(scope.declare(v.name(), this), v.location()));
      } else if (symbol instanceof Call c && c.args().size() >= 2) {
        List<Term> args = c.args();
        Term domain = term(args.get(args.size() - 1), scope);
        List<Term> resolved = new ArrayList<>();
        for (int i = 0; i < args.size() - 1; i++) {
          declarePattern(args.get(i), scope);
        }
        for (int i = 0; i < args.size() - 1; i++) {
          resolved.add(term(args.get(i), scope));
        }
        resolved.add(domain);
        symbols.add(new Call(c.operator(), resolved, c.location()));
      } else {
        errors.add(RegoError.PARSE, "unexpected term in some declaration", symbol.location());
      }
    }
    return new SomeDecl(symbols, some.location());
  }

  /** {@code :=} declares the variables on its left: a variable, or an array/object pattern of them. */
  private void declareAssigned(Term lhs, Scope scope) {
    if (lhs instanceof Var v) {
      if (v.isWildcard()) {
        return;
      }
      if (scope.declared.containsKey(v.name())) {
        errors.add(RegoError.COMPILE, "var " + v.name() + " assigned above", v.location());
      } else if (scope.referenced.contains(v.name())) {
        errors.add(RegoError.COMPILE, "var " + v.name() + " referenced above", v.location());
      } else if (Terms.isRoot(v.name())) {
        errors.add(RegoError.COMPILE, "cannot assign to " + v.name(), v.location());
      }
      scope.declare(v.name(), this);
    } else if (lhs instanceof ArrayTerm a) {
      a.items().forEach(t -> declareAssigned(t, scope));
    } else if (lhs instanceof ObjectTerm o) {
      o.entries().forEach(e -> declareAssigned(e.value(), scope));
    } else if (lhs instanceof Ref || lhs instanceof Call) {
      errors.add(RegoError.COMPILE, "cannot assign to " + (lhs instanceof Ref ? "ref" : "call"), lhs.location());
    }
  }

  private void declarePattern(Term pattern, Scope scope) {
    if (pattern instanceof Var v) {
      if (!v.isWildcard()) {
        scope.declare(v.name(), this);
      }
    } else if (pattern instanceof ArrayTerm a) {
      a.items().forEach(t -> declarePattern(t, scope));
    } else if (pattern instanceof ObjectTerm o) {
      o.entries().forEach(e -> declarePattern(e.value(), scope));
    }
  }

  String fresh(String name) {
    if (used.add(name)) {
      return name;
    }
    for (int i = 1; ; i++) {
      String candidate = name + "#" + i;
      if (used.add(candidate)) {
        return candidate;
      }
    }
  }

  private Term term(Term t, Scope scope) {
    if (t instanceof Var v) {
      return var(v, scope);
    }
    if (t instanceof Ref r) {
      return ref(r, scope);
    }
    if (t instanceof Call c) {
      return call(c, scope);
    }
    if (t instanceof ArrayTerm a) {
      return new ArrayTerm(terms(a.items(), scope), a.location());
    }
    if (t instanceof SetTerm s) {
      return new SetTerm(terms(s.items(), scope), s.location());
    }
    if (t instanceof ObjectTerm o) {
      List<ObjectTerm.Entry> entries = new ArrayList<>();
      for (ObjectTerm.Entry e : o.entries()) {
        entries.add(new ObjectTerm.Entry(term(e.key(), scope), term(e.value(), scope)));
      }
      return new ObjectTerm(entries, o.location());
    }
    if (t instanceof TemplateString ts) {
      List<List<With>> modifiers = new ArrayList<>();
      for (List<With> mods : ts.modifiers()) {
        List<With> resolved = new ArrayList<>();
        for (With w : mods) {
          resolved.add(new With(withTarget(w.target()), term(w.value(), scope), w.location()));
        }
        modifiers.add(resolved);
      }
      return new TemplateString(terms(ts.parts(), scope), modifiers, ts.location());
    }
    if (t instanceof ArrayComprehension c) {
      Scope inner = new Scope(scope);
      Body body = body(c.body(), inner);
      return new ArrayComprehension(term(c.head(), inner), body, c.location());
    }
    if (t instanceof SetComprehension c) {
      Scope inner = new Scope(scope);
      Body body = body(c.body(), inner);
      return new SetComprehension(term(c.head(), inner), body, c.location());
    }
    if (t instanceof ObjectComprehension c) {
      Scope inner = new Scope(scope);
      Body body = body(c.body(), inner);
      return new ObjectComprehension(term(c.key(), inner), term(c.value(), inner), body, c.location());
    }
    return t;
  }

  private List<Term> terms(List<Term> terms, Scope scope) {
    List<Term> out = new ArrayList<>(terms.size());
    for (Term t : terms) {
      out.add(term(t, scope));
    }
    return out;
  }

  private Term var(Var v, Scope scope) {
    if (v.isWildcard()) {
      return v;
    }
    String local = scope.lookup(v.name());
    if (local != null) {
      return new Var(local, v.location());
    }
    Ref global = global(v.name(), v.location());
    if (global != null) {
      return global;
    }
    scope.referenced.add(v.name());
    return v;
  }

  /** What a name means when no local declares it: a root, an import, a rule of the package; else null. */
  private Ref global(String name, Location location) {
    if (Terms.isRoot(name)) {
      return new Ref(List.of(new Var(name, location)), location);
    }
    Ref imported = imports.get(name);
    if (imported != null) {
      return new Ref(imported.terms(), location);
    }
    if (ruleNames.contains(name)) {
      List<Term> path = new ArrayList<>(packagePath);
      path.add(new Scalar(StringValue.of(name), location));
      return new Ref(path, location);
    }
    return null;
  }

  private Term ref(Ref r, Scope scope) {
    List<Term> out = new ArrayList<>();
    Term head = term(r.head(), scope);
    if (head instanceof Ref resolved) {
      out.addAll(resolved.terms());
    } else {
      out.add(head);
    }
    for (int i = 1; i < r.size(); i++) {
      Term t = r.get(i);
      out.add(t instanceof Scalar ? t : term(t, scope));
    }
    return new Ref(out, r.location());
  }

  private Term call(Call c, Scope scope) {
    return new Call(operator(c.operator(), c.location()), terms(c.args(), scope), c.location());
  }

  /** A call operator becomes a function's data reference, or stays a built-in name. */
  private Ref operator(Ref op, Location location) {
    String dotted = Terms.dottedName(op);
    if (op.head() instanceof Var head && (head.name().equals("data") || imports.containsKey(head.name())
        || ruleNames.contains(head.name()))) {
      Ref resolved = global(head.name(), op.location());
      List<Term> terms = new ArrayList<>(resolved.terms());
      terms.addAll(op.terms().subList(1, op.size()));
      return new Ref(terms, op.location());
    }
    if (dotted == null || (!EVALUATOR_CALLS.contains(dotted) && builtins.get(dotted) == null)) {
      errors.add(RegoError.TYPE, "undefined function " + (dotted == null ? "call" : dotted), location);
    }
    return op;
  }

  /** The built-in a {@code with} value names (not shadowed by a local, an import or a rule), else null. */
  private Ref builtinNamed(Term value, Scope scope) {
    Ref ref = value instanceof Var v ? new Ref(List.of(v), v.location()) : value instanceof Ref r ? r : null;
    String dotted = ref == null ? null : Terms.dottedName(ref);
    if (dotted == null || builtins.get(dotted) == null) {
      return null;
    }
    String head = ((Var) ref.head()).name();
    boolean shadowed = scope.lookup(head) != null || imports.containsKey(head) || ruleNames.contains(head);
    return shadowed ? null : ref;
  }

  /** A {@code with} target: input or data paths stay, function and built-in names resolve like operators. */
  private Ref withTarget(Ref target) {
    if (target.head() instanceof Var head && Terms.isRoot(head.name())) {
      return target;
    }
    String dotted = Terms.dottedName(target);
    if (dotted != null && builtins.get(dotted) != null && !(target.head() instanceof Var h
        && (imports.containsKey(h.name()) || ruleNames.contains(h.name())))) {
      return target;
    }
    return operator(target, target.location());
  }

  /** Declarations visible in one body; lookups fall back to enclosing bodies. */
  private static final class Scope {
    final Scope parent;
    final Map<String, String> declared = new HashMap<>();
    final Set<String> referenced = new HashSet<>();

    Scope(Scope parent) {
      this.parent = parent;
    }

    String declare(String name, NameResolver resolver) {
      String unique = declared.containsKey(name) ? declared.get(name) : resolver.fresh(name);
      declared.put(name, unique);
      return unique;
    }

    String lookup(String name) {
      for (Scope s = this; s != null; s = s.parent) {
        String unique = s.declared.get(name);
        if (unique != null) {
          return unique;
        }
      }
      return null;
    }
  }
}
