package io.kubepolicies.server.build;

import io.kubepolicies.server.release.BundleBuilder;
import io.kubepolicies.server.source.SourceSnapshot;
import io.kubepolicies.signing.bundle.Bundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Builds an environment's bundle from a source snapshot with {@link EnvironmentBundle}, which
 * reads a repository tree: the snapshot is written to a temporary directory for the build, and its
 * label (the git commit it was taken from) is the bundle's source revision.
 */
public final class SnapshotBuilder implements BundleBuilder {
  @Override
  public Bundle build(SourceSnapshot source, String environment) throws BuildException, IOException {
    Path root = Files.createTempDirectory("kube-policies-build");
    try {
      source.extractTo(root);
      return EnvironmentBundle.build(root, environment, source.label()).bundle();
    } finally {
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
    }
  }
}
