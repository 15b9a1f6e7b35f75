package io.kubepolicies.rego.eval;

import io.kubepolicies.rego.ast.Location;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.Value;
import java.util.function.Consumer;

/**
 * How to run one query. {@code input} null means input is undefined. {@code deadlineNanos} is a
 * {@link System#nanoTime()} instant after which evaluation stops with {@code eval_cancel_error} (0 = none).
 * {@code nowNanos} fixes {@code time.now_ns()} (0 = the wall clock at the start of the query).
 * {@code coverage}, when set, receives the location of every expression evaluated and of every rule
 * head that produced a value.
 */
public record EvalOptions(Value input, boolean strictBuiltinErrors, long deadlineNanos, Consumer<String> printer,
    boolean networkAllowed, long nowNanos, Value runtime, Consumer<Location> coverage) {

  public static EvalOptions of(Value input) {
    return new EvalOptions(input, false, 0, s -> {}, false, 0, ObjectValue.EMPTY, null);
  }

  public EvalOptions withStrictBuiltinErrors(boolean strict) {
    return new EvalOptions(input, strict, deadlineNanos, printer, networkAllowed, nowNanos, runtime, coverage);
  }

  public EvalOptions withDeadline(long deadline) {
    return new EvalOptions(input, strictBuiltinErrors, deadline, printer, networkAllowed, nowNanos, runtime, coverage);
  }

  public EvalOptions withPrinter(Consumer<String> out) {
    return new EvalOptions(input, strictBuiltinErrors, deadlineNanos, out, networkAllowed, nowNanos, runtime, coverage);
  }

  public EvalOptions withNetwork(boolean allowed) {
    return new EvalOptions(input, strictBuiltinErrors, deadlineNanos, printer, allowed, nowNanos, runtime, coverage);
  }

  public EvalOptions withNow(long now) {
    return new EvalOptions(input, strictBuiltinErrors, deadlineNanos, printer, networkAllowed, now, runtime, coverage);
  }

  public EvalOptions withRuntime(Value value) {
    return new EvalOptions(input, strictBuiltinErrors, deadlineNanos, printer, networkAllowed, nowNanos, value, coverage);
  }

  public EvalOptions withCoverage(Consumer<Location> sink) {
    return new EvalOptions(input, strictBuiltinErrors, deadlineNanos, printer, networkAllowed, nowNanos, runtime, sink);
  }
}
