package io.kubepolicies.server.gate;

import java.util.List;

/**
 * One check of the gate.
 *
 * @param summary one line, e.g. "42 passed, 1 failed"
 * @param failures what failed, one entry per problem (empty when passed)
 */
public record GateCheck(String name, boolean passed, String summary, List<String> failures) {
  public GateCheck {
    failures = List.copyOf(failures);
  }

  public static GateCheck pass(String name, String summary) {
    return new GateCheck(name, true, summary, List.of());
  }

  public static GateCheck fail(String name, String summary, List<String> failures) {
    return new GateCheck(name, false, summary, failures);
  }
}
