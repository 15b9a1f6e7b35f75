package io.kubepolicies.ci.bench;

import io.kubepolicies.enforcer.decision.AdmissionReview;
import io.kubepolicies.enforcer.decision.Decider;
import io.kubepolicies.enforcer.decision.Decision;
import io.kubepolicies.enforcer.decision.FailureMode;
import io.kubepolicies.enforcer.decision.MalformedReviewException;
import io.kubepolicies.enforcer.decision.Webhook;
import io.kubepolicies.server.build.EnvironmentBundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One admission decision with the production guardrail library: the repository's policies and
 * allowlists built for an environment exactly as the bundle-server builds them, decided by the
 * enforcer's {@link Decider}, on the enforcer's typical Pod review (parsing included).
 * Run from the repository root: {@code mvn -B install -DskipTests}, then
 * {@code mvn -pl ci -Pbench verify -DskipTests}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecisionBenchmark {
  @Param({"prod"})
  public String environment;

  private Decider decider;
  private byte[] compliant;
  private byte[] violating;

  @Setup
  public void setUp() throws Exception {
    Path root = repositoryRoot();
    decider = Decider.compile(EnvironmentBundle.build(root, environment).bundle());
    compliant = Files.readAllBytes(root.resolve("enforcer/src/test/resources/typical-pod-review.json"));
    violating = Files.readAllBytes(root.resolve("examples/admission-review-pod.json"));
  }

  private static Path repositoryRoot() throws IOException {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("policies/lib"))) {
        return p;
      }
    }
    throw new IOException("run the benchmark inside the repository");
  }

  private Decision decide(byte[] body, Webhook webhook) throws MalformedReviewException {
    return decider.decide(AdmissionReview.parse(body), webhook, FailureMode.CLOSED, 0);
  }

  @Benchmark
  public Decision validateTypicalPod() throws MalformedReviewException {
    return decide(compliant, Webhook.VALIDATING);
  }

  @Benchmark
  public Decision mutateTypicalPod() throws MalformedReviewException {
    return decide(compliant, Webhook.MUTATING);
  }

  @Benchmark
  public Decision validatePodViolatingEverything() throws MalformedReviewException {
    return decide(violating, Webhook.VALIDATING);
  }
}
