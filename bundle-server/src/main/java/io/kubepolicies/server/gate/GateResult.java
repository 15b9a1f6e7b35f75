package io.kubepolicies.server.gate;

import java.util.ArrayList;
import java.util.List;

/** The outcome of the gate: every check that ran, and whether all passed. */
public record GateResult(boolean passed, List<GateCheck> checks) {
  public GateResult {
    checks = List.copyOf(checks);
  }

  public static GateResult of(List<GateCheck> checks) {
    return new GateResult(checks.stream().allMatch(GateCheck::passed), checks);
  }

  public GateResult and(GateResult more) {
    List<GateCheck> all = new ArrayList<>(checks);
    all.addAll(more.checks);
    return of(all);
  }

  /** The failed checks and their failures, one per line, for error messages. */
  public String describeFailures() {
    StringBuilder out = new StringBuilder();
    for (GateCheck check : checks) {
      if (check.passed()) {
        continue;
      }
      out.append(check.name()).append(": ").append(check.summary());
      check.failures().forEach(f -> out.append("\n  ").append(f));
      out.append('\n');
    }
    return out.toString().stripTrailing();
  }
}
