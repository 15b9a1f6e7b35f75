package io.kubepolicies.ci.test;

import io.kubepolicies.ci.load.PolicyFiles;
import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.RegoException;
import io.kubepolicies.rego.ast.RegoVersion;
import io.kubepolicies.rego.builtins.Builtins;
import io.kubepolicies.rego.eval.EvalOptions;
import io.kubepolicies.rego.testing.TestRunner;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.testing.TestRunner.Outcome;
import io.kubepolicies.rego.testing.TestRunner.TestResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kube-policies test}: runs the {@code test_*} rules under the given paths, like {@code opa test}. */
@Command(name = "test", mixinStandardHelpOptions = true,
    description = "Run Rego unit tests (rules named test_*), like `opa test`.")
public final class TestCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = {"-v", "--verbose"}, description = "Print every test's result, not only failures.")
  boolean verbose;

  @Option(names = "--v0-compatible", description = "Parse modules as Rego v0.")
  boolean v0;

  @Option(names = "--coverage", description = "Print a coverage report (JSON, like `opa test --coverage`) on stdout; "
      + "test results then go to stderr.")
  boolean coverage;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Rego and data files or directories.")
  List<Path> paths;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    TestRunner.Report report;
    try {
      PolicyFiles files = PolicyFiles.load(paths, v0 ? RegoVersion.V0 : RegoVersion.V1);
      report = TestRunner.run(files.modules(), files.data(), Builtins.standard(), EvalOptions.of(null), coverage);
    } catch (RegoException e) {
      e.errors().stream().map(RegoError::describe).forEach(err::println);
      return 1;
    } catch (IOException | RuntimeException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
    List<TestResult> results = report.results();
    PrintWriter log = coverage ? err : out;
    int passed = 0;
    int failed = 0;
    for (TestResult r : results) {
      boolean bad = r.outcome() == Outcome.FAIL || r.outcome() == Outcome.ERROR;
      if (r.outcome() == Outcome.PASS) {
        passed++;
      } else if (bad) {
        failed++;
      }
      if (bad || verbose) {
        log.printf("%s:%d: %s.%s: %s (%.3fms)%n", r.file(), r.line(), r.pkg(), r.name(), r.outcome(), r.nanos() / 1e6);
        if (r.error() != null) {
          log.println("  " + r.error());
        }
        r.output().forEach(line -> log.println("  " + line));
      }
    }
    log.println(passed + " passed, " + failed + " failed");
    if (coverage) {
      out.println(Json.write(report.coverage().toValue()));
      err.printf("coverage: %.2f%% of lines%s%n", report.coverage().percent(),
          report.coverage().uncoveredRules().isEmpty() ? ", every rule covered"
              : "; rules never producing a value: " + String.join(", ", report.coverage().uncoveredRules()));
    }
    out.flush();
    err.flush();
    return failed == 0 ? 0 : 1;
  }
}
