package io.kubepolicies.rego.compile;

import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.ast.Import;
import io.kubepolicies.rego.ast.Module;
import io.kubepolicies.rego.ast.Ref;
import io.kubepolicies.rego.ast.Rule;
import io.kubepolicies.rego.ast.RuleKind;
import io.kubepolicies.rego.ast.Scalar;
import io.kubepolicies.rego.ast.Term;
import io.kubepolicies.rego.ast.Var;
import io.kubepolicies.rego.builtins.Builtins;
import io.kubepolicies.rego.plan.CompiledRule;
import io.kubepolicies.rego.plan.DocNode;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles modules into one document tree under {@code data}, stage by stage like OPA:
 * <ol>
 *   <li>declare every rule at its place in the tree, and check that rules at one place agree;</li>
 *   <li>resolve names (imports, rules of the package, built-ins, local scopes) — {@link NameResolver};</li>
 *   <li>check that calls name functions and pass them as many arguments as they take — {@link CallCheck};</li>
 *   <li>check safety and reorder bodies — {@link SafetyCheck};</li>
 *   <li>check types — {@link TypeCheck};</li>
 *   <li>plan rules for the evaluator — {@link Planner};</li>
 *   <li>reject recursion — {@link RecursionCheck}.</li>
 * </ol>
 * Each stage reports all the errors it finds; compilation stops after the first stage that found any.
 * (OPA rejects recursion before checking types; here recursion is found on the planned tree, and the
 * type check reads a rule met again while it is being checked as {@code any}.)
 */
public final class Compiler {
  private final Builtins builtins;

  public Compiler(Builtins builtins) {
    this.builtins = builtins;
  }

  public CompiledTree compile(List<Module> modules, ObjectValue baseData) {
    Errors errors = new Errors();
    DocNode.Builder tree = new DocNode.Builder(baseData);
    List<PlacedRule> placed = declare(modules, tree, errors);
    errors.throwIfAny();

    Map<String, Set<String>> ruleNames = new HashMap<>();
    for (PlacedRule p : placed) {
      ruleNames.computeIfAbsent(packageKey(p.module()), k -> new HashSet<>()).add(ruleName(p.rule()));
    }
    Planner planner = new Planner(tree.root(), builtins, errors);
    SafetyCheck safety = new SafetyCheck(errors, planner::arity);
    Map<Module, NameResolver> resolvers = new IdentityHashMap<>();
    List<Rule> resolved = new ArrayList<>();
    for (PlacedRule p : placed) {
      NameResolver resolver = resolvers.computeIfAbsent(p.module(),
          m -> new NameResolver(packagePath(m), imports(m, errors), ruleNames.get(packageKey(m)), builtins, errors));
      resolved.add(resolver.resolve(p.rule()));
    }
    errors.throwIfAny();
    CallCheck calls = new CallCheck(builtins, planner::arity, errors);
    resolved.forEach(calls::check);
    errors.throwIfAny();
    List<Rule> checked = new ArrayList<>();
    for (Rule rule : resolved) {
      checked.add(safety.check(rule));
    }
    errors.throwIfAny();
    TypeCheck types = new TypeCheck(builtins);
    for (int i = 0; i < placed.size(); i++) {
      types.add(checked.get(i), placed.get(i).node().path(), placed.get(i).suffixStart());
    }
    DataTypes dataTypes = types.check(errors);
    errors.throwIfAny();

    Map<DocNode, List<Rule>> atNode = new IdentityHashMap<>();
    for (PlacedRule p : placed) {
      atNode.computeIfAbsent(p.node(), k -> new ArrayList<>()).add(p.rule());
    }
    Map<CompiledRule, DocNode> owners = new IdentityHashMap<>();
    for (int i = 0; i < placed.size(); i++) {
      PlacedRule p = placed.get(i);
      Metadata metadata = Metadata.of(p.rule(), List.of(p.node().path()), p.module(), modules, atNode.get(p.node()));
      CompiledRule rule = planner.rule(checked.get(i), p.suffixStart(), metadata);
      tree.addRule(placed.get(i).node(), rule);
      owners.put(rule, placed.get(i).node());
    }
    errors.throwIfAny();
    new RecursionCheck(errors).check(tree.root(), owners);
    errors.throwIfAny();
    return new CompiledTree(tree.root(), tree.size(), builtins, dataTypes);
  }

  /** Compiles a query against a compiled tree; its variables become the result's bindings. */
  public CompiledQuery compileQuery(CompiledTree tree, io.kubepolicies.rego.ast.Body query) {
    Errors errors = new Errors();
    NameResolver resolver = new NameResolver(List.of(new Var("data", query.location())), Map.of(), Set.of(), builtins, errors);
    Planner planner = new Planner(tree.root(), builtins, errors);
    io.kubepolicies.rego.ast.Body resolved = resolver.resolveQuery(query);
    errors.throwIfAny();
    new CallCheck(builtins, planner::arity, errors).check(resolved);
    errors.throwIfAny();
    io.kubepolicies.rego.ast.Body safe = new SafetyCheck(errors, planner::arity).checkQuery(resolved);
    errors.throwIfAny();
    TypeCheck.checkQuery(safe, tree.types(), builtins, errors);
    errors.throwIfAny();
    Set<String> reported = new LinkedHashSet<>();
    for (io.kubepolicies.rego.ast.Expr e : resolved.exprs()) {
      Terms.vars(e, true, reported);
    }
    Planner.Query planned = planner.query(safe);
    errors.throwIfAny();
    return new CompiledQuery(planned.body(), planned.slotNames(), reported, query);
  }

  /** Places every rule at its node, then checks that the rules at each place agree. */
  private List<PlacedRule> declare(List<Module> modules, DocNode.Builder tree, Errors errors) {
    List<PlacedRule> placed = new ArrayList<>();
    for (Module m : modules) {
      DocNode pkg = tree.root();
      for (int i = 1; i < m.pkg().path().size(); i++) {
        pkg = tree.ensure(pkg, ((Scalar) m.pkg().path().get(i)).value());
      }
      for (Rule rule : m.rules()) {
        Ref ref = rule.head().ref();
        DocNode node = tree.ensure(pkg, StringValue.of(ruleName(rule)));
        int i = 1;
        while (i < ref.size() && ref.get(i) instanceof Scalar s) {
          node = tree.ensure(node, s.value());
          i++;
        }
        if (rule.head().kind() == RuleKind.FUNCTION) {
          tree.declareFunction(node, rule.head().args().size());
        }
        tree.declareRule(node, i < ref.size());
        placed.add(new PlacedRule(m, rule, node, i));
      }
    }
    RuleConflicts.check(placed, modules, errors);
    return placed;
  }

  private static String ruleName(Rule rule) {
    return ((Var) rule.head().ref().head()).name();
  }

  private static String packageKey(Module m) {
    StringBuilder sb = new StringBuilder();
    for (Term t : m.pkg().path().terms()) {
      sb.append(t instanceof Scalar s ? s.value().toString() : "data").append('.');
    }
    return sb.toString();
  }

  private static List<Term> packagePath(Module m) {
    return m.pkg().path().terms();
  }

  /** Alias to imported reference; {@code future.*} and {@code rego.v1} imports only switch syntax on. */
  private static Map<String, Ref> imports(Module m, Errors errors) {
    Map<String, Ref> out = new HashMap<>();
    for (Import imp : m.imports()) {
      Ref path = imp.path();
      String root = path.head() instanceof Var v ? v.name() : "";
      if (!root.equals("data") && !root.equals("input")) {
        continue;
      }
      String alias = imp.alias();
      if (alias == null) {
        Term last = path.get(path.size() - 1);
        alias = last instanceof Scalar s && s.value() instanceof StringValue str ? str.value()
            : last instanceof Var v ? v.name() : null;
      }
      if (alias == null || (path.size() == 1 && imp.alias() == null)) {
        continue;
      }
      if (out.put(alias, path) != null) {
        errors.add(RegoError.COMPILE, "import must not shadow import " + alias, imp.location());
      }
    }
    return out;
  }
}
