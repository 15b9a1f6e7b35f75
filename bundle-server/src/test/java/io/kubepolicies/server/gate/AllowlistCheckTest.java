package io.kubepolicies.server.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubepolicies.server.source.SourceSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The allowlist gate check over this repository's own library and allowlists. */
class AllowlistCheckTest {
  private static final String VALID = """
      environment: dev
      exceptions:
        - policy: readonly_root_fs
          namespace: monitoring
          containers: [node-exporter]
          owner: team-observability
          reason: "OPS-123"
          expires: 2027-06-30
      """;

  private static Map<String, byte[]> repository;

  @BeforeAll
  static void load() throws IOException {
    repository = SourceSnapshot.load(Path.of("..").toAbsolutePath().normalize(), "test").files();
  }

  private static GateCheck check(String path, String content) {
    Map<String, byte[]> files = new TreeMap<>(repository);
    files.put(path, content.getBytes(StandardCharsets.UTF_8));
    return new AllowlistCheck().check(SourceSnapshot.of(files, "test"));
  }

  @Test
  void repositoryAllowlistsPass() {
    GateCheck check = new AllowlistCheck().check(SourceSnapshot.of(repository, "test"));
    assertTrue(check.passed(), check.failures().toString());
    assertEquals("3 files", check.summary());
  }

  @Test
  void validFilePasses() {
    assertTrue(check("allowlists/dev.yaml", VALID).passed());
  }

  @Test
  void unknownPolicyFailsNamingFileAndLine() {
    GateCheck check = check("allowlists/dev.yaml", VALID.replace("readonly_root_fs", "no_such_policy"));
    assertFalse(check.passed());
    assertEquals(AllowlistCheck.NAME, check.name());
    assertTrue(check.failures().get(0).startsWith("allowlists/dev.yaml:"), check.failures().toString());
    assertTrue(check.failures().toString().contains("no_such_policy"), check.failures().toString());
  }

  @Test
  void schemaViolationFails() {
    GateCheck check = check("allowlists/staging.yaml", VALID.replace("environment: dev", "environment: staging")
        .replace("    owner: team-observability\n", ""));
    assertFalse(check.passed());
    assertTrue(check.failures().toString().contains("allowlists/staging.yaml"), check.failures().toString());
  }

  @Test
  void fileNamedForAnotherEnvironmentFails() {
    GateCheck check = check("allowlists/prod.yaml", VALID);
    assertFalse(check.passed());
    assertTrue(check.failures().toString().contains("prod"), check.failures().toString());
  }

  @Test
  void unparsableLibraryIsReportedInsteadOfGuessingPolicyIds() {
    GateCheck check = check("policies/lib/broken.rego", "package broken\n\nallow if {\n");
    assertFalse(check.passed());
    assertTrue(check.summary().contains("does not parse"), check.summary());
  }
}
