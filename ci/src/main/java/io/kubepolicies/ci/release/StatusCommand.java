package io.kubepolicies.ci.release;

import io.kubepolicies.server.release.ReleaseOperations;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code kube-policies status [ENV]}: what each environment runs. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show the current publication of every environment, or of ENV.")
public final class StatusCommand extends ReleaseCommand {
  @Parameters(paramLabel = "ENV", arity = "0..1", description = "One environment (default: all).")
  String environment;

  @Override
  boolean writes() {
    return false;
  }

  @Override
  void run(ReleaseOperations operations, ReleaseOutput out) {
    out.statuses(environment == null ? operations.status() : List.of(operations.status(environment)));
  }
}
