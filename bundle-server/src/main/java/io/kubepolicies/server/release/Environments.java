package io.kubepolicies.server.release;

import io.kubepolicies.server.release.ReleaseException.Reason;
import io.kubepolicies.server.store.Layout;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/** The environments in promotion order: a revision is published to the first and promoted one step at a time. */
public record Environments(List<String> order) {
  public static final Environments DEFAULT = new Environments(List.of("dev", "staging", "prod"));

  public Environments {
    order = List.copyOf(order);
    if (order.isEmpty()) {
      throw new IllegalArgumentException("at least one environment is required");
    }
    order.forEach(Layout::checkEnvironment);
    if (new HashSet<>(order).size() != order.size()) {
      throw new IllegalArgumentException("environments are listed twice: " + order);
    }
  }

  public String first() {
    return order.get(0);
  }

  /** The environment a revision must have run in before it may be promoted to {@code environment}. */
  public Optional<String> below(String environment) {
    int index = indexOf(environment);
    return index == 0 ? Optional.empty() : Optional.of(order.get(index - 1));
  }

  public String check(String environment) {
    indexOf(environment);
    return environment;
  }

  private int indexOf(String environment) {
    int index = order.indexOf(environment);
    if (index < 0) {
      throw new ReleaseException(Reason.NOT_FOUND, "unknown environment \"" + environment + "\" (known: "
          + String.join(", ", order) + ")");
    }
    return index;
  }
}
