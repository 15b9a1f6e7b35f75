package io.kubepolicies.rego.eval;

import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.value.Value;
import java.util.List;
import java.util.Map;

/**
 * The solutions of a query. Each row binds the query's variables and holds the value of each of
 * its expressions. {@code error} is the first built-in error when strict built-in errors are on
 * (the rows found are kept beside it), otherwise null.
 */
public record QueryResult(List<Row> rows, RegoError error) {

  /** One solution. */
  public record Row(Map<String, Value> bindings, List<Value> expressions) {}

  public boolean isUndefined() {
    return rows.isEmpty();
  }
}
