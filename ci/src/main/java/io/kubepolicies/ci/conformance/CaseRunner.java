package io.kubepolicies.ci.conformance;

import io.kubepolicies.rego.Literals;
import io.kubepolicies.rego.Policy;
import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.RegoException;
import io.kubepolicies.rego.ast.Module;
import io.kubepolicies.rego.ast.RegoVersion;
import io.kubepolicies.rego.builtins.Builtins;
import io.kubepolicies.rego.eval.EvalOptions;
import io.kubepolicies.rego.eval.QueryResult;
import io.kubepolicies.rego.syntax.Parser;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Runs one compliance case and judges it the way OPA's own runner does (FORMAT.md 3 and 4). */
final class CaseRunner {
  private static final long CASE_DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final Builtins builtins;

  CaseRunner(Builtins builtins) {
    this.builtins = builtins;
  }

  /** How a case ended; {@code detail} explains a failure. */
  record Outcome(ConformanceCase c, boolean passed, String detail) {}

  Outcome run(ConformanceCase c) {
    try {
      return judge(c);
    } catch (RegoException e) {
      return new Outcome(c, false, "compile: " + e.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      return new Outcome(c, false, "crash: " + e);
    }
  }

  private Outcome judge(ConformanceCase c) {
    List<Module> modules = new ArrayList<>();
    for (int i = 0; i < c.modules().size(); i++) {
      modules.add(Parser.parseModule("test-" + i + ".rego", c.modules().get(i), RegoVersion.V1));
    }
    ObjectValue data = c.data() instanceof ObjectValue o ? o : ObjectValue.EMPTY;
    Policy policy = Policy.compile(modules, data, builtins);
    Value input = c.inputTerm() != null ? Literals.parse(c.inputTerm()) : c.input();
    var query = policy.prepare(c.query());
    EvalOptions options = EvalOptions.of(input).withStrictBuiltinErrors(c.strictError()).withNetwork(true)
        .withDeadline(System.nanoTime() + CASE_DEADLINE_NANOS);

    List<QueryResult.Row> rows = List.of();
    RegoError error = null;
    try {
      QueryResult result = query.eval(options);
      rows = result.rows();
      error = result.error();
    } catch (RegoException e) {
      error = e.first();
    }

    List<String> problems = new ArrayList<>();
    if (c.wantError() != null && (error == null || !error.toString().contains(c.wantError()))) {
      problems.add("want error containing \"" + c.wantError() + "\", got " + describe(error));
    }
    if (c.wantErrorCode() != null && (error == null || !error.isEvalError() || !error.code().equals(c.wantErrorCode()))) {
      problems.add("want error code " + c.wantErrorCode() + ", got " + describe(error));
    }
    if (error != null && c.wantError() == null && c.wantErrorCode() == null) {
      problems.add("unexpected error: " + error);
    }
    if (c.wantResult() != null) {
      Set<Value> actual = new HashSet<>();
      for (QueryResult.Row row : rows) {
        actual.add(normalizeRow(row, c));
      }
      Set<Value> wanted = new HashSet<>();
      for (Value row : c.wantResult()) {
        wanted.add(sortBindings(row, c.sortBindings()));
      }
      if (!actual.equals(wanted)) {
        problems.add("want " + abbreviate(wanted.toString()) + "\n      got  " + abbreviate(actual.toString()));
      }
    }
    return new Outcome(c, problems.isEmpty(), String.join("; ", problems));
  }

  private static Value normalizeRow(QueryResult.Row row, ConformanceCase c) {
    ObjectValue.Builder b = ObjectValue.builder();
    row.bindings().forEach((name, value) -> {
      if (!(c.ignoreGeneratedVars() && name.startsWith("__localq"))) {
        Value v = ResultNormalizer.normalize(value);
        b.put(StringValue.of(name), c.sortBindings() ? ResultNormalizer.sorted(v) : v);
      }
    });
    return b.build();
  }

  private static Value sortBindings(Value row, boolean sort) {
    if (!sort || !(row instanceof ObjectValue o)) {
      return row;
    }
    ObjectValue.Builder b = ObjectValue.builder();
    o.entries().forEach(e -> b.put(e.getKey(), ResultNormalizer.sorted(e.getValue())));
    return b.build();
  }

  private static String describe(RegoError error) {
    return error == null ? "no error" : "\"" + error + "\"";
  }

  private static String abbreviate(String s) {
    return s.length() > 400 ? s.substring(0, 400) + "…" : s;
  }
}
