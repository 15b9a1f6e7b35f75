package io.kubepolicies.ci.release;

import io.kubepolicies.server.release.ReleaseOperations;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kube-policies promote ENV}: promote a revision from the environment below, rebuilt and signed for ENV. */
@Command(name = "promote", mixinStandardHelpOptions = true,
    description = {"Promote a revision into ENV from the environment below it (dev -> staging -> prod).",
        "The revision must be or have been current there for the soak time; it is rebuilt with ENV's stages and "
            + "allowlist, gated again and signed with ENV's key."})
public final class PromoteCommand extends ReleaseCommand {
  @Parameters(paramLabel = "ENV", description = "The environment to promote into.")
  String environment;

  @Option(names = "--revision", paramLabel = "REV", description = "The revision (default: the one current below).")
  String revision;

  @Override
  boolean writes() {
    return true;
  }

  @Override
  void run(ReleaseOperations operations, ReleaseOutput out) {
    out.record(operations.promote(environment, Optional.ofNullable(revision)));
  }
}
