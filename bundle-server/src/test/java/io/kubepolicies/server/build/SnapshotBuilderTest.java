package io.kubepolicies.server.build;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubepolicies.server.source.SourceSnapshot;
import io.kubepolicies.signing.bundle.Bundle;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Environment builds from a snapshot of this repository. */
class SnapshotBuilderTest {
  private static SourceSnapshot repository() throws Exception {
    return SourceSnapshot.load(Path.of("..").toAbsolutePath().normalize(), "abc123");
  }

  @Test
  void buildsEachEnvironmentWithTheSnapshotsLabelAsSourceRevision() throws Exception {
    SourceSnapshot source = repository();
    for (String environment : new String[] {"dev", "staging", "prod"}) {
      Bundle bundle = new SnapshotBuilder().build(source, environment);
      String metadata = bundle.manifest().metadataJson().orElseThrow();
      assertTrue(metadata.contains("\"source_revision\":\"abc123\""), metadata);
      assertTrue(metadata.contains("\"environment\":\"" + environment + "\""), metadata);
      assertTrue(bundle.file(EnvironmentBundle.CONFIG_PATH).isPresent());
    }
  }

  @Test
  void unknownEnvironmentIsABuildError() throws Exception {
    BuildException e = assertThrows(BuildException.class, () -> new SnapshotBuilder().build(repository(), "qa"));
    assertTrue(e.getMessage().contains("unknown environment \"qa\""), e.getMessage());
  }

  @Test
  void snapshotWithoutTheLibraryIsABuildError() {
    SourceSnapshot empty = SourceSnapshot.of(Map.of(), "x");
    BuildException e = assertThrows(BuildException.class, () -> new SnapshotBuilder().build(empty, "dev"));
    assertTrue(e.getMessage().contains("policies/lib"), e.getMessage());
  }
}
