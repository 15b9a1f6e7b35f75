package io.kubepolicies.rego.testing;

import io.kubepolicies.rego.Policy;
import io.kubepolicies.rego.RegoException;
import io.kubepolicies.rego.ast.Body;
import io.kubepolicies.rego.ast.Expr;
import io.kubepolicies.rego.ast.Module;
import io.kubepolicies.rego.ast.Ref;
import io.kubepolicies.rego.ast.Rule;
import io.kubepolicies.rego.ast.RuleHead;
import io.kubepolicies.rego.ast.RuleKind;
import io.kubepolicies.rego.ast.Scalar;
import io.kubepolicies.rego.ast.Term;
import io.kubepolicies.rego.ast.TermStatement;
import io.kubepolicies.rego.ast.Var;
import io.kubepolicies.rego.builtins.Builtins;
import io.kubepolicies.rego.eval.EvalOptions;
import io.kubepolicies.rego.eval.QueryResult;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.ast.Location;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs Rego unit tests like {@code opa test}: every rule whose name starts with {@code test_} is a
 * test, and passes when it evaluates to {@code true}. Each test rule runs on its own, even when
 * several rules share a name. Rules named {@code todo_test_*} are reported as skipped.
 */
public final class TestRunner {
  private TestRunner() {}

  /** One test's outcome; {@code error} holds the evaluation error of an erroring test, else null. */
  public record TestResult(String pkg, String name, String file, int line, Outcome outcome, String error,
      long nanos, List<String> output) {}

  /** How a test ended. */
  public enum Outcome { PASS, FAIL, ERROR, SKIP }

  /** A test rule, renamed apart from its namesakes so it can be queried alone. */
  private record TestCase(String pkg, String name, Ref query, Rule rule) {}

  /** The tests' results and, when asked for, what they covered. */
  public record Report(List<TestResult> results, Coverage coverage) {}

  public static List<TestResult> run(List<Module> modules, ObjectValue data, Builtins builtins, EvalOptions options) {
    return run(modules, data, builtins, options, false).results();
  }

  /** Runs the tests; with {@code coverage}, also records which lines of the policies they exercised. */
  public static Report run(List<Module> modules, ObjectValue data, Builtins builtins, EvalOptions options,
      boolean coverage) {
    List<Module> renamed = new ArrayList<>();
    List<TestCase> cases = new ArrayList<>();
    int counter = 0;
    for (Module m : modules) {
      List<Rule> rules = new ArrayList<>();
      for (Rule rule : m.rules()) {
        String name = ((Var) rule.head().ref().head()).name();
        boolean isTest = (name.startsWith("test_") || name.startsWith("todo_test_"))
            && rule.head().ref().size() == 1 && rule.head().kind() == RuleKind.SINGLE_VALUE;
        if (!isTest) {
          rules.add(rule);
          continue;
        }
        String unique = name + "#" + (counter++);
        RuleHead h = rule.head();
        Rule r = new Rule(new RuleHead(new Ref(List.of(new Var(unique, h.location())), h.ref().location()),
            h.kind(), h.args(), h.key(), h.value(), h.assign(), h.location()),
            rule.body(), rule.elseRule(), rule.isDefault(), rule.annotations(), rule.location());
        rules.add(r);
        List<Term> path = new ArrayList<>(m.pkg().path().terms());
        path.add(new Scalar(StringValue.of(unique), h.location()));
        cases.add(new TestCase(packageName(m), name, new Ref(path, h.location()), rule));
      }
      renamed.add(new Module(m.file(), m.pkg(), m.imports(), rules, m.annotations(), m.version()));
    }
    Policy policy = Policy.compile(renamed, data, builtins);
    Set<Location> hits = new HashSet<>();
    EvalOptions effective = coverage ? options.withCoverage(hits::add) : options;
    List<TestResult> results = new ArrayList<>();
    for (TestCase c : cases) {
      results.add(run(policy, c, effective));
    }
    return new Report(results, coverage ? Coverage.of(modules, hits) : null);
  }

  private static TestResult run(Policy policy, TestCase c, EvalOptions options) {
    String file = c.rule().location().file();
    int line = c.rule().location().line();
    if (c.name().startsWith("todo_")) {
      return new TestResult(c.pkg(), c.name(), file, line, Outcome.SKIP, null, 0, List.of());
    }
    List<String> output = new ArrayList<>();
    long start = System.nanoTime();
    try {
      Body query = new Body(List.of(Expr.of(new TermStatement(c.query()), c.query().location())), c.query().location());
      QueryResult result = policy.prepare(query).eval(options.withPrinter(output::add));
      boolean passed = result.rows().size() == 1
          && BooleanValue.TRUE.equals(result.rows().get(0).expressions().get(0));
      return new TestResult(c.pkg(), c.name(), file, line, passed ? Outcome.PASS : Outcome.FAIL, null,
          System.nanoTime() - start, output);
    } catch (RegoException e) {
      return new TestResult(c.pkg(), c.name(), file, line, Outcome.ERROR, e.first().toString(),
          System.nanoTime() - start, output);
    }
  }

  private static String packageName(Module m) {
    StringBuilder sb = new StringBuilder("data");
    for (int i = 1; i < m.pkg().path().size(); i++) {
      sb.append('.').append(((Scalar) m.pkg().path().get(i)).value() instanceof StringValue s ? s.value() : "?");
    }
    return sb.toString();
  }
}
