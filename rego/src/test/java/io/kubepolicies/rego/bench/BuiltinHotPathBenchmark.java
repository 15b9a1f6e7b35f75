package io.kubepolicies.rego.bench;

import io.kubepolicies.rego.builtins.BuiltinFunction;
import io.kubepolicies.rego.builtins.Builtins;
import io.kubepolicies.rego.builtins.TestContext;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
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
 * The pattern-compiling built-ins as a policy calls them on every admission request: the pattern is a
 * constant of the policy, the subject changes with each request. Each {@code *SamePattern} benchmark
 * has a {@code *FreshPattern} twin whose pattern is new on every call (an extra alternative that
 * never matches, or a template comment), so every call compiles; with {@code -prof gc} the
 * difference in {@code gc.alloc.rate.norm} is what the caches save per call.
 * Run: {@code mvn -pl rego -am -Pbench verify -DskipTests -Dbench.args="BuiltinHotPathBenchmark -prof gc"}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BuiltinHotPathBenchmark {
  /** A DNS-1123 subdomain, as pod-security and naming policies check it. */
  private static final String NAME_PATTERN = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";
  private static final String IMAGE_GLOB = "registry.example.com/{platform,apps}/**";
  private static final String MESSAGE_TEMPLATE = "container {{.name}} in {{.namespace}} uses {{.image}}, not from an allowed registry";
  private static final int SUBJECTS = 1024;

  /** One table for the whole run, as a compiled policy holds one. */
  private final Builtins builtins = Builtins.standard();
  private final TestContext ctx = new TestContext();
  private final Value namePattern = StringValue.of(NAME_PATTERN);
  private final Value imageGlob = StringValue.of(IMAGE_GLOB);
  private final Value imageDelimiters = ArrayValue.of(StringValue.of("/"));
  private final Value messageTemplate = StringValue.of(MESSAGE_TEMPLATE);

  private BuiltinFunction regexMatch;
  private BuiltinFunction globMatch;
  private BuiltinFunction renderTemplate;
  private StringValue[] names;
  private StringValue[] images;
  private ObjectValue[] templateVars;
  private int request;
  private long generation;

  @Setup
  public void setUp() {
    regexMatch = builtins.get("regex.match").function();
    globMatch = builtins.get("glob.match").function();
    renderTemplate = builtins.get("strings.render_template").function();
    names = new StringValue[SUBJECTS];
    images = new StringValue[SUBJECTS];
    templateVars = new ObjectValue[SUBJECTS];
    for (int i = 0; i < SUBJECTS; i++) {
      names[i] = StringValue.of("web-" + i + ".frontend");
      images[i] = StringValue.of((i % 2 == 0 ? "registry.example.com/apps/web:" : "docker.io/library/web:") + i);
      templateVars[i] = ObjectValue.builder()
          .put("name", names[i]).put("namespace", StringValue.of("team-" + i % 7)).put("image", images[i]).build();
    }
    expect(2, BooleanValue.TRUE, this::regexMatchSamePattern, this::regexMatchFreshPattern);
    expect(2, BooleanValue.TRUE, this::globMatchSamePattern, this::globMatchFreshPattern);
    expect(3, BooleanValue.FALSE, this::globMatchSamePattern, this::globMatchFreshPattern);
    expect(5, StringValue.of("container web-5.frontend in team-5 uses docker.io/library/web:5, not from an allowed registry"),
        this::renderTemplateSameTemplate, this::renderTemplateFreshTemplate);
  }

  /** Both variants answer {@code expected} for subject {@code i}, so they measure the same work. */
  private void expect(int i, Value expected, Supplier<Value> same, Supplier<Value> fresh) {
    for (Supplier<Value> variant : List.of(same, fresh)) {
      request = i - 1;
      Value got = variant.get();
      if (!expected.equals(got)) {
        throw new IllegalStateException("benchmark built-in gave " + got + " for subject " + i + ", not " + expected);
      }
    }
  }

  private int next() {
    request = (request + 1) & (SUBJECTS - 1);
    return request;
  }

  /** A pattern no earlier call used: {@code prefix}, a new number, {@code suffix}. */
  private StringValue fresh(String prefix, String suffix) {
    return StringValue.of(prefix + generation++ + suffix);
  }

  @Benchmark
  public Value regexMatchSamePattern() {
    return regexMatch.call(ctx, new Value[] {namePattern, names[next()]});
  }

  @Benchmark
  public Value regexMatchFreshPattern() {
    return regexMatch.call(ctx, new Value[] {fresh(NAME_PATTERN + "|^#", ""), names[next()]});
  }

  @Benchmark
  public Value globMatchSamePattern() {
    return globMatch.call(ctx, new Value[] {imageGlob, imageDelimiters, images[next()]});
  }

  @Benchmark
  public Value globMatchFreshPattern() {
    return globMatch.call(ctx, new Value[] {fresh("registry.example.com/{platform,apps,unused", "}/**"), imageDelimiters, images[next()]});
  }

  @Benchmark
  public Value renderTemplateSameTemplate() {
    return renderTemplate.call(ctx, new Value[] {messageTemplate, templateVars[next()]});
  }

  @Benchmark
  public Value renderTemplateFreshTemplate() {
    return renderTemplate.call(ctx, new Value[] {fresh(MESSAGE_TEMPLATE + "{{/* ", " */}}"), templateVars[next()]});
  }
}
