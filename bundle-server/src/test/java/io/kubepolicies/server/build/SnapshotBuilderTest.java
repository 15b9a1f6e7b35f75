package io.kubepolicies.server.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubepolicies.server.source.SourceSnapshot;
import io.kubepolicies.server.testing.Fixtures;
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

  @Test
  void problemsNameTheSnapshotsFiles() {
    SourceSnapshot badStages = Fixtures.withFile("v1", "policies/stages.yaml",
        "environments: {dev: {nope: {validating: deny}}, staging: {}, prod: {}}\n");
    BuildException stages = assertThrows(BuildException.class, () -> new SnapshotBuilder().build(badStages, "dev"));
    assertEquals("the stage table is invalid:\n  policies/stages.yaml:1: $.environments.dev.nope: unknown policy \"nope\"",
        stages.getMessage());

    Map<String, byte[]> files = Fixtures.files("v1");
    files.remove("allowlists/staging.yaml");
    SourceSnapshot noAllowlist = SourceSnapshot.of(files, "x");
    BuildException allowlist = assertThrows(BuildException.class, () -> new SnapshotBuilder().build(noAllowlist, "staging"));
    assertEquals("the staging allowlist is invalid:\n  allowlists/staging.yaml: no such file", allowlist.getMessage());
  }

  @Test
  void aModuleThatIsNotUtf8IsABuildError() {
    Map<String, byte[]> files = Fixtures.files("v1");
    files.put("policies/lib/latin1.rego", new byte[] {'#', ' ', (byte) 0xE9, '\n'});
    SourceSnapshot source = SourceSnapshot.of(files, "x");
    BuildException e = assertThrows(BuildException.class, () -> new SnapshotBuilder().build(source, "dev"));
    assertEquals("policy modules cannot be read:\n  policies/lib/latin1.rego: not valid UTF-8", e.getMessage());
  }
}
