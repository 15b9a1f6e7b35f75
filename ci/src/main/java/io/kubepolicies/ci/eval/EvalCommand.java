package io.kubepolicies.ci.eval;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.kubepolicies.rego.PreparedQuery;
import io.kubepolicies.rego.ast.Location;
import io.kubepolicies.ci.load.PolicyFiles;
import io.kubepolicies.rego.Policy;
import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.RegoException;
import io.kubepolicies.rego.ast.RegoVersion;
import io.kubepolicies.rego.builtins.Builtins;
import io.kubepolicies.rego.eval.EvalOptions;
import io.kubepolicies.rego.eval.QueryResult;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.Value;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kube-policies eval}: evaluates a query like {@code opa eval} and prints the result set as JSON. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Evaluate a Rego query and print the result set as JSON, like `opa eval`.")
public final class EvalCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = {"-d", "--data"}, paramLabel = "FILE_OR_DIR", description = "Rego, JSON or YAML files or directories to load.")
  List<Path> data = new ArrayList<>();

  @Option(names = {"-i", "--input"}, paramLabel = "INPUT", description = "The input document (JSON or YAML).")
  Path input;

  @Option(names = "--v0-compatible", description = "Parse modules as Rego v0 (`deny[msg] { ... }`).")
  boolean v0;

  @Option(names = "--strict-builtin-errors", description = "Report built-in errors instead of treating the call as undefined.")
  boolean strict;

  @Parameters(paramLabel = "QUERY", description = "The query, e.g. data.example.allow")
  String query;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      PolicyFiles files = PolicyFiles.load(data, v0 ? RegoVersion.V0 : RegoVersion.V1);
      Value inputValue = input == null ? null : PolicyFiles.readData(input);
      Policy policy = Policy.compile(files.modules(), files.data(), Builtins.standard());
      EvalOptions options = EvalOptions.of(inputValue).withStrictBuiltinErrors(strict).withPrinter(err::println);
      PreparedQuery prepared = policy.prepare(query);
      QueryResult result = prepared.eval(options);
      if (result.error() != null) {
        err.println(result.error().describe());
        return 1;
      }
      print(result, texts(prepared.expressionLocations()), out);
      return 0;
    } catch (RegoException e) {
      for (RegoError error : e.errors()) {
        err.println(error.describe());
      }
      return 1;
    } catch (IOException | RuntimeException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
  }

  /** The source text of each query expression: from its start to the next one's (or the end). */
  private List<String> texts(List<Location> locations) {
    String[] lines = query.split("\n", -1);
    List<Integer> starts = new ArrayList<>();
    for (Location l : locations) {
      int offset = 0;
      for (int i = 0; i < l.line() - 1 && i < lines.length; i++) {
        offset += lines[i].length() + 1;
      }
      starts.add(Math.min(query.length(), offset + Math.max(0, l.column() - 1)));
    }
    List<Integer> sorted = new ArrayList<>(starts);
    java.util.Collections.sort(sorted);
    List<String> texts = new ArrayList<>();
    for (int start : starts) {
      int next = sorted.stream().filter(s -> s > start).findFirst().orElse(query.length());
      texts.add(query.substring(start, next).strip().replaceAll("[;\\s]+$", ""));
    }
    return texts;
  }

  private static void print(QueryResult result, List<String> texts, PrintWriter out) throws IOException {
    DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"))
        .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    JsonGenerator g = new JsonFactory().createGenerator(out).setPrettyPrinter(pretty);
    g.writeStartObject();
    if (!result.rows().isEmpty()) {
      g.writeArrayFieldStart("result");
      for (QueryResult.Row row : result.rows()) {
        g.writeStartObject();
        g.writeArrayFieldStart("expressions");
        for (int i = 0; i < row.expressions().size(); i++) {
          g.writeStartObject();
          g.writeFieldName("value");
          Json.write(g, row.expressions().get(i));
          g.writeStringField("text", texts.get(i));
          g.writeEndObject();
        }
        g.writeEndArray();
        if (!row.bindings().isEmpty()) {
          g.writeObjectFieldStart("bindings");
          for (Map.Entry<String, Value> b : row.bindings().entrySet()) {
            g.writeFieldName(b.getKey());
            Json.write(g, b.getValue());
          }
          g.writeEndObject();
        }
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
    g.flush();
    out.println();
    out.flush();
  }
}
