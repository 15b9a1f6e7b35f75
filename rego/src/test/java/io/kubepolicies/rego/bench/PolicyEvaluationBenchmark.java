package io.kubepolicies.rego.bench;

import io.kubepolicies.rego.Policy;
import io.kubepolicies.rego.PreparedQuery;
import io.kubepolicies.rego.ast.RegoVersion;
import io.kubepolicies.rego.eval.EvalOptions;
import io.kubepolicies.rego.eval.QueryResult;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.Value;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One admission decision's worth of Rego: eleven pod-security checks ({@code bench/policy.rego})
 * over a 5 KB Pod AdmissionReview, as the enforcer runs them. {@code parseAndEvaluate} includes
 * reading the request body; {@code evaluate} starts from the parsed input.
 * Run: {@code mvn -pl rego -am -Pbench verify -DskipTests}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PolicyEvaluationBenchmark {
  private PreparedQuery query;
  private byte[] body;
  private Value input;

  @Setup
  public void setUp() throws IOException {
    String policy = resource("bench/policy.rego");
    body = resource("bench/pod-review.json").getBytes(StandardCharsets.UTF_8);
    input = Json.parse(body);
    query = Policy.compile(Map.of("policy.rego", policy), RegoVersion.V1, ObjectValue.EMPTY).prepare("data.bench.deny");
    QueryResult check = query.eval(EvalOptions.of(input));
    if (check.rows().size() != 1) {
      throw new IllegalStateException("benchmark policy is undefined for its input");
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = PolicyEvaluationBenchmark.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Benchmark
  public QueryResult evaluate() {
    return query.eval(EvalOptions.of(input));
  }

  @Benchmark
  public QueryResult parseAndEvaluate() {
    return query.eval(EvalOptions.of(Json.parse(body)));
  }
}
