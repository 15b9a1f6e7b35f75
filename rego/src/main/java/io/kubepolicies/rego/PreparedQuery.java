package io.kubepolicies.rego;

import io.kubepolicies.rego.ast.Location;
import io.kubepolicies.rego.compile.CompiledQuery;
import io.kubepolicies.rego.compile.CompiledTree;
import io.kubepolicies.rego.eval.EvalOptions;
import io.kubepolicies.rego.eval.Evaluator;
import io.kubepolicies.rego.eval.QueryResult;
import io.kubepolicies.rego.plan.Expr;
import java.util.Arrays;
import java.util.List;

/** A compiled query against a policy; evaluate it as often as needed, from any thread. */
public final class PreparedQuery {
  private final CompiledTree tree;
  private final CompiledQuery query;

  PreparedQuery(CompiledTree tree, CompiledQuery query) {
    this.tree = tree;
    this.query = query;
  }

  /**
   * Evaluates the query. Evaluation errors that stop the query (conflicts, a passed deadline) are
   * thrown as {@link RegoException}; built-in errors are reported in the result in strict mode.
   */
  public QueryResult eval(EvalOptions options) {
    return new Evaluator(tree, options).run(query);
  }

  /** Where each expression of the query starts, in the order of {@link QueryResult.Row#expressions()}. */
  public List<Location> expressionLocations() {
    return Arrays.stream(query.body().exprs()).map(Expr::location).toList();
  }
}
