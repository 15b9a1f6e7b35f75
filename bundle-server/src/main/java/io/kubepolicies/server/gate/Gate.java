package io.kubepolicies.server.gate;

import io.kubepolicies.rego.Policy;
import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.RegoException;
import io.kubepolicies.rego.ast.Module;
import io.kubepolicies.rego.ast.RegoVersion;
import io.kubepolicies.rego.builtins.Builtins;
import io.kubepolicies.rego.eval.EvalOptions;
import io.kubepolicies.rego.syntax.Parser;
import io.kubepolicies.rego.testing.TestRunner;
import io.kubepolicies.rego.testing.TestRunner.Outcome;
import io.kubepolicies.rego.testing.TestRunner.TestResult;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.Value;
import io.kubepolicies.server.source.DataDocuments;
import io.kubepolicies.server.source.SourceSnapshot;
import io.kubepolicies.signing.bundle.Bundle;
import io.kubepolicies.signing.bundle.ModuleFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What must hold before anything is published. On the source: every Rego module under
 * {@code policies/} parses and compiles, and every test passes, exactly as
 * {@code kube-policies test policies/} runs them (YAML and JSON files there are loaded as data at
 * the root), plus any extra {@link SourceCheck}s. On each environment's bundle: its modules compile
 * against its own data.
 */
public final class Gate {
  public static final String COMPILE = "modules compile";
  public static final String TESTS = "rego tests";
  public static final String BUNDLE = "bundle compiles";
  private static final int MAX_LISTED = 50;

  private final Builtins builtins = Builtins.standard();
  private final List<SourceCheck> extraChecks;

  public Gate(List<SourceCheck> extraChecks) {
    this.extraChecks = List.copyOf(extraChecks);
  }

  public GateResult checkSource(SourceSnapshot source) {
    List<GateCheck> checks = new ArrayList<>();
    checks.addAll(compileAndTest(source));
    for (SourceCheck check : extraChecks) {
      checks.add(check.check(source));
    }
    return GateResult.of(checks);
  }

  /** The environment's bundle compiles with its data (stages, allowlist) as enforcers will compile it. */
  public GateResult checkBundle(String environment, Bundle bundle) {
    String name = BUNDLE + " (" + environment + ")";
    List<Module> modules = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    try {
      for (ModuleFile file : bundle.modules()) {
        RegoVersion version = file.regoVersion().orElse(1) == 0 ? RegoVersion.V0 : RegoVersion.V1;
        parse(file.path(), file.source(), version, modules, failures);
      }
      if (failures.isEmpty()) {
        Value data = Json.parse(bundle.data().toBytes());
        Policy.compile(modules, (ObjectValue) data, builtins);
      }
    } catch (RegoException e) {
      e.errors().stream().map(RegoError::describe).forEach(failures::add);
    }
    return GateResult.of(List.of(failures.isEmpty()
        ? GateCheck.pass(name, modules.size() + " modules")
        : GateCheck.fail(name, failures.size() + " errors", limit(failures))));
  }

  private List<GateCheck> compileAndTest(SourceSnapshot source) {
    List<Module> modules = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    ObjectValue data = ObjectValue.EMPTY;
    for (Map.Entry<String, byte[]> file : source.under("policies").entrySet()) {
      String path = file.getKey();
      if (path.endsWith(".rego")) {
        parse(path, new String(file.getValue(), StandardCharsets.UTF_8), RegoVersion.V1, modules, failures);
      } else {
        try {
          data = DataDocuments.merge(data, DataDocuments.read(path, file.getValue()), path);
        } catch (IOException e) {
          failures.add(e.getMessage());
        }
      }
    }
    if (!failures.isEmpty()) {
      return List.of(GateCheck.fail(COMPILE, failures.size() + " errors", limit(failures)));
    }
    List<TestResult> results;
    try {
      results = TestRunner.run(modules, data, builtins, EvalOptions.of(null));
    } catch (RegoException e) {
      List<String> errors = e.errors().stream().map(RegoError::describe).toList();
      return List.of(GateCheck.fail(COMPILE, errors.size() + " errors", limit(errors)));
    }
    return List.of(GateCheck.pass(COMPILE, modules.size() + " modules"), testCheck(results));
  }

  private static GateCheck testCheck(List<TestResult> results) {
    int passed = 0;
    int skipped = 0;
    List<String> failures = new ArrayList<>();
    for (TestResult r : results) {
      if (r.outcome() == Outcome.PASS) {
        passed++;
      } else if (r.outcome() == Outcome.SKIP) {
        skipped++;
      } else {
        failures.add(r.file() + ":" + r.line() + ": " + r.pkg() + "." + r.name() + ": " + r.outcome()
            + (r.error() == null ? "" : " (" + r.error() + ")"));
      }
    }
    String summary = passed + " passed, " + failures.size() + " failed" + (skipped == 0 ? "" : ", " + skipped + " skipped");
    return failures.isEmpty() ? GateCheck.pass(TESTS, summary) : GateCheck.fail(TESTS, summary, limit(failures));
  }

  private static void parse(String path, String text, RegoVersion version, List<Module> into, List<String> failures) {
    try {
      into.add(Parser.parseModule(path, text, version));
    } catch (RegoException e) {
      e.errors().stream().map(RegoError::describe).forEach(failures::add);
    }
  }

  private static List<String> limit(List<String> failures) {
    if (failures.size() <= MAX_LISTED) {
      return failures;
    }
    List<String> shown = new ArrayList<>(failures.subList(0, MAX_LISTED));
    shown.add("... and " + (failures.size() - MAX_LISTED) + " more");
    return shown;
  }
}
