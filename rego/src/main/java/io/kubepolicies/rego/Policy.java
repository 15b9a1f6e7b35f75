package io.kubepolicies.rego;

import io.kubepolicies.rego.ast.Body;
import io.kubepolicies.rego.ast.Module;
import io.kubepolicies.rego.ast.RegoVersion;
import io.kubepolicies.rego.builtins.Builtins;
import io.kubepolicies.rego.compile.CompiledTree;
import io.kubepolicies.rego.compile.Compiler;
import io.kubepolicies.rego.syntax.Parser;
import io.kubepolicies.rego.value.ObjectValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The public face of the evaluator: Rego modules and base data compiled into one {@code data}
 * tree, from which queries are prepared. A policy is immutable and safe to share between threads;
 * each evaluation of a prepared query runs on its own.
 *
 * <pre>{@code
 * Policy policy = Policy.compile(Map.of("p.rego", source), RegoVersion.V1, ObjectValue.EMPTY);
 * QueryResult r = policy.prepare("data.example.allow").eval(EvalOptions.of(input));
 * }</pre>
 */
public final class Policy {
  private final CompiledTree tree;
  private final Compiler compiler;

  private Policy(CompiledTree tree, Compiler compiler) {
    this.tree = tree;
    this.compiler = compiler;
  }

  /** Parses and compiles sources (file name to text) with OPA's standard built-ins. */
  public static Policy compile(Map<String, String> sources, RegoVersion version, ObjectValue data) {
    List<Module> modules = new ArrayList<>();
    List<RegoError> errors = new ArrayList<>();
    for (Map.Entry<String, String> source : sources.entrySet()) {
      try {
        modules.add(Parser.parseModule(source.getKey(), source.getValue(), version));
      } catch (RegoException e) {
        errors.addAll(e.errors());
      }
    }
    if (!errors.isEmpty()) {
      throw new RegoException(errors);
    }
    return compile(modules, data, Builtins.standard());
  }

  /** Compiles parsed modules. */
  public static Policy compile(List<Module> modules, ObjectValue data, Builtins builtins) {
    Compiler compiler = new Compiler(builtins);
    return new Policy(compiler.compile(modules, data), compiler);
  }

  /** Prepares a query written in Rego, e.g. {@code data.validating.deny} or {@code x := data.a[_]}. */
  public PreparedQuery prepare(String query) {
    return prepare(Parser.parseQuery(query));
  }

  public PreparedQuery prepare(Body query) {
    return new PreparedQuery(tree, compiler.compileQuery(tree, query));
  }
}
