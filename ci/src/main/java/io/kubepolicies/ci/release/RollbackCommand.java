package io.kubepolicies.ci.release;

import io.kubepolicies.server.release.ReleaseOperations;
import java.util.OptionalLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kube-policies rollback ENV}: republish an earlier publication of ENV as a new sequence. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
    description = {"Roll ENV back to an earlier publication: its exact content, signed again under a new, higher "
        + "sequence so that enforcers accept it."})
public final class RollbackCommand extends ReleaseCommand {
  @Parameters(paramLabel = "ENV", description = "The environment to roll back.")
  String environment;

  @Option(names = "--to-sequence", paramLabel = "N",
      description = "The publication to go back to (default: the latest one with a revision other than the current).")
  Long sequence;

  @Override
  boolean writes() {
    return true;
  }

  @Override
  void run(ReleaseOperations operations, ReleaseOutput out) {
    out.record(operations.rollback(environment, sequence == null ? OptionalLong.empty() : OptionalLong.of(sequence)));
  }
}
