package io.kubepolicies.rego.compile;

import io.kubepolicies.rego.ast.Body;
import io.kubepolicies.rego.ast.Location;
import io.kubepolicies.rego.ast.Rule;
import io.kubepolicies.rego.ast.RuleHead;
import io.kubepolicies.rego.ast.RuleKind;
import io.kubepolicies.rego.ast.Term;
import io.kubepolicies.rego.ast.Var;
import io.kubepolicies.rego.builtins.Builtins;
import io.kubepolicies.rego.types.Type;
import io.kubepolicies.rego.value.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The type-checking stage, after the safety check, modelled on OPA's type checker
 * ({@code v1/ast/check.go}): it infers the types of terms bottom-up (constants and composites from
 * their members, {@code input} and base documents as {@code any}, rules from their heads, locals
 * through unification and assignment, calls from signatures) and reports what OPA reports at compile
 * time as {@code rego_type_error}. Where OPA cannot know a type, neither does this check: it never
 * rejects what OPA accepts.
 */
final class TypeCheck {
  private static final Comparator<TypeError> BY_LOCATION = Comparator
      .comparing((TypeError e) -> where(e).file())
      .thenComparingInt(e -> where(e).line())
      .thenComparingInt(e -> where(e).column())
      .thenComparing(TypeError::message);

  private final BodyChecker checker;
  private final DataTypes data = new DataTypes();
  private final List<TypeError> found = new ArrayList<>();

  TypeCheck(Builtins builtins) {
    this.checker = new BodyChecker(builtins);
  }

  /**
   * Adds a rule (with its {@code else} rules) placed at {@code path} under {@code data}; terms of its
   * reference from {@code suffixStart} on are not constant.
   */
  void add(Rule rule, Value[] path, int suffixStart) {
    List<Value> at = List.of(path);
    for (Rule r = rule; r != null; r = r.elseRule()) {
      Rule each = r;
      data.defer(at, () -> checkRule(each, at, suffixStart));
    }
  }

  /** Checks every rule added, reports the errors in OPA's order and returns the rules' types for checking queries. */
  DataTypes check(Errors errors) {
    data.checkAll();
    found.sort(BY_LOCATION);
    found.forEach(e -> e.report(errors));
    return data;
  }

  /** Checks a query against the types of the rules. */
  static void checkQuery(Body query, DataTypes data, Builtins builtins, Errors errors) {
    new BodyChecker(builtins).check(query, TypeEnv.over(data)).forEach(e -> e.report(errors));
  }

  private void checkRule(Rule rule, List<Value> path, int suffixStart) {
    TypeEnv env = TypeEnv.over(data);
    List<TypeError> errors = checker.check(rule.body(), env);
    RuleHead head = rule.head();
    List<Term> suffix = head.ref().terms().subList(suffixStart, head.ref().size());
    List<Term> headTerms = new ArrayList<>(suffix);
    if (head.key() != null) {
      headTerms.add(head.key());
    }
    if (head.value() != null) {
      headTerms.add(head.value());
    }
    checker.head(headTerms, env, errors);
    if (!errors.isEmpty()) {
      found.addAll(errors);
      data.markUnknown(path); // so that rules using this one do not fail because of it
      return;
    }
    Type type = type(head, suffix, env);
    if (type != null) {
      data.insert(path, type);
    }
  }

  private static Location where(TypeError e) {
    return e.location() == null ? Location.NONE : e.location();
  }

  /** The type a rule gives its place: its value (in an object per variable key), a set of its keys, or a function. */
  private static Type type(RuleHead head, List<Term> suffix, TypeEnv env) {
    if (head.kind() == RuleKind.FUNCTION) {
      List<Type> args = new ArrayList<>();
      for (Term arg : head.args()) {
        if (arg instanceof Var v && env.var(v.name()) == null) {
          env.bind(v.name(), Type.ANY); // an argument the body does not constrain takes anything
        }
        args.add(env.typeOf(arg));
      }
      return Type.function(args, env.typeOf(head.value()));
    }
    if (head.kind() == RuleKind.MULTI_VALUE) {
      // OPA files a set under a reference with variables at that reference, where no lookup finds it
      Type key = env.typeOf(head.key());
      return key == null || !suffix.isEmpty() ? null : Type.setOf(key);
    }
    Type value = env.typeOf(head.value());
    for (int i = suffix.size() - 1; i >= 0 && value != null; i--) {
      Type key = env.typeOf(suffix.get(i));
      value = key == null ? null : Type.objectOf(key, value);
    }
    return value;
  }
}
