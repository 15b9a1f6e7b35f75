package io.kubepolicies.ci.release;

import io.kubepolicies.server.build.SourceRevision;
import io.kubepolicies.server.release.ReleaseOperations;
import io.kubepolicies.server.source.SourceSnapshot;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kube-policies publish}: gate, build, sign and publish the working tree to the first environment. */
@Command(name = "publish", mixinStandardHelpOptions = true,
    description = {"Gate, build, sign and publish policies/ and allowlists/ to the first environment (dev).",
        "The gate compiles every module and runs every Rego test; if anything fails nothing is published."})
public final class PublishCommand extends ReleaseCommand {
  @Option(names = "--source", paramLabel = "DIR", defaultValue = ".",
      description = "Repository root holding policies/ and allowlists/ (default: the current directory).")
  Path source;

  @Option(names = "--source-revision", paramLabel = "REV",
      description = "Names the source in the revision (default: the git commit, or \"local\").")
  String sourceRevision;

  @Override
  boolean writes() {
    return true;
  }

  @Override
  void run(ReleaseOperations operations, ReleaseOutput out) throws IOException {
    String label = sourceRevision != null ? sourceRevision : SourceRevision.of(source);
    out.record(operations.publish(SourceSnapshot.load(source, label)));
  }
}
