package io.kubepolicies.ci.conformance;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.kubepolicies.rego.builtins.Builtins;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kube-policies conformance}: runs OPA's compliance cases against our evaluator. */
@Command(name = "conformance", mixinStandardHelpOptions = true,
    description = "Run OPA's Rego compliance cases (shared/conformance/opa) and report failures.")
public final class ConformanceCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--report", paramLabel = "FILE.json", description = "Also write every case's outcome as JSON.")
  Path report;

  @Parameters(paramLabel = "DIR", arity = "1..*", description = "Directories of topics (or single topic directories).")
  List<Path> dirs;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    List<ConformanceCase> cases = new ArrayList<>();
    for (Path dir : dirs) {
      cases.addAll(CaseLoader.load(dir));
    }
    CaseRunner runner = new CaseRunner(Builtins.standard());
    List<CaseRunner.Outcome> outcomes = new ArrayList<>();
    int passed = 0;
    for (ConformanceCase c : cases) {
      CaseRunner.Outcome o = runner.run(c);
      outcomes.add(o);
      if (o.passed()) {
        passed++;
      } else {
        out.println("FAIL " + c.id() + "  " + c.note());
        out.println("      " + o.detail());
      }
    }
    if (report != null) {
      writeReport(outcomes);
    }
    int failed = cases.size() - passed;
    out.println(passed + " passed, " + failed + " failed, 0 skipped");
    out.flush();
    return failed == 0 ? 0 : 1;
  }

  private void writeReport(List<CaseRunner.Outcome> outcomes) throws IOException {
    try (JsonGenerator g = new JsonFactory().createGenerator(Files.newBufferedWriter(report)).useDefaultPrettyPrinter()) {
      g.writeStartArray();
      for (CaseRunner.Outcome o : outcomes) {
        g.writeStartObject();
        g.writeStringField("id", o.c().id());
        g.writeStringField("topic", o.c().topic());
        g.writeStringField("note", o.c().note());
        g.writeStringField("result", o.passed() ? "pass" : "fail");
        if (!o.passed()) {
          g.writeStringField("detail", o.detail());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
    }
  }
}
