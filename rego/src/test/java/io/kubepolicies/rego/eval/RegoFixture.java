package io.kubepolicies.rego.eval;

import io.kubepolicies.rego.Policy;
import io.kubepolicies.rego.ast.RegoVersion;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Compiles Rego source and evaluates queries for evaluator tests. */
final class RegoFixture {
  private RegoFixture() {}

  static Policy policy(String... modules) {
    return policyWithData("{}", modules);
  }

  static Policy policyWithData(String dataJson, String... modules) {
    Map<String, String> sources = new java.util.LinkedHashMap<>();
    for (int i = 0; i < modules.length; i++) {
      sources.put("test-" + i + ".rego", modules[i]);
    }
    return Policy.compile(sources, RegoVersion.V1, (ObjectValue) Json.parse(dataJson));
  }

  /** The values bound to {@code x} across all solutions of {@code query}. */
  static List<Value> values(Policy policy, String query, Value input) {
    QueryResult result = policy.prepare(query).eval(EvalOptions.of(input));
    List<Value> out = new ArrayList<>();
    result.rows().forEach(r -> out.add(r.bindings().get("x")));
    return out;
  }

  /** The single value of {@code x} in {@code query}, or null when undefined. */
  static Value value(Policy policy, String query, Value input) {
    List<Value> all = values(policy, query, input);
    if (all.size() > 1) {
      throw new AssertionError("more than one solution: " + all);
    }
    return all.isEmpty() ? null : all.get(0);
  }

  static Value json(String text) {
    return Json.parse(text);
  }
}
