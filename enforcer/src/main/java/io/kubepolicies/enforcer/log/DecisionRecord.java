package io.kubepolicies.enforcer.log;

import java.time.Instant;
import java.util.List;

/**
 * One line of the decision log. {@code decision} is {@code allowed} or {@code denied};
 * {@code outcome} says why (evaluated, default_allow, critical, breakglass, fail_open, fail_closed);
 * {@code dryRun} marks requests the API server will not persist.
 */
public record DecisionRecord(Instant time, String uid, String webhook, String operation, String kind, String namespace,
    String name, String user, String decision, String outcome, List<String> rules, long latencyNanos,
    String bundleRevision, boolean dryRun, String error) {
  public DecisionRecord {
    rules = List.copyOf(rules);
  }
}
