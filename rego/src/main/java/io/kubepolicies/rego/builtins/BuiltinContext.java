package io.kubepolicies.rego.builtins;

import io.kubepolicies.rego.value.Value;
import java.util.function.Function;

/**
 * What a built-in may ask of the query it runs in. Everything here is scoped to one query, so that
 * e.g. {@code time.now_ns()} and {@code rand.intn} give the same answer throughout a query, as in OPA.
 */
public interface BuiltinContext {
  /** The time the query started, in nanoseconds since the epoch; fixed for the whole query. */
  long nowNanos();

  /**
   * A per-query memo: the first call computes the value for {@code key}, later calls in the same
   * query get the same value (used by {@code rand.intn}, {@code uuid.rfc4122}).
   */
  Value memo(Object key, Function<Object, Value> compute);

  /** Whether built-ins that reach the network ({@code http.send}, {@code net.lookup_ip_addr}) may do so. */
  boolean networkAllowed();

  /** The value of {@code opa.runtime()}: an object with {@code env}, {@code version} and the like. */
  Value runtime();

  /** Throws if the query's deadline has passed or it was cancelled; long-running built-ins call this. */
  void checkCancelled();
}
