package io.kubepolicies.ci.release;

import io.kubepolicies.server.release.ReleaseOperations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code kube-policies history ENV}: every publication, promotion and rollback of ENV. */
@Command(name = "history", mixinStandardHelpOptions = true,
    description = "List every publish, promotion and rollback of ENV, oldest first: who, when, from where, "
        + "revision, sequence and gate result.")
public final class HistoryCommand extends ReleaseCommand {
  @Parameters(paramLabel = "ENV", description = "The environment.")
  String environment;

  @Override
  boolean writes() {
    return false;
  }

  @Override
  void run(ReleaseOperations operations, ReleaseOutput out) {
    out.history(environment, operations.history(environment));
  }
}
