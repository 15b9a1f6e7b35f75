package io.kubepolicies.server.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubepolicies.rego.Policy;
import io.kubepolicies.rego.builtins.Builtins;
import io.kubepolicies.rego.eval.EvalOptions;
import io.kubepolicies.rego.syntax.Parser;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.ast.RegoVersion;
import io.kubepolicies.signing.bundle.Bundle;
import io.kubepolicies.signing.bundle.BundleFile;
import io.kubepolicies.signing.bundle.ModuleFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentBundleTest {
  @TempDir
  Path root;

  private Path repository() {
    return FixtureRepository.copyTo(root);
  }

  @Test
  void bundlesTheProductionModulesUnderTheirPaths() throws BuildException {
    Path repo = repository();
    FixtureRepository.write(repo, "policies/lib/target/generated.rego", "package ignored\n");
    FixtureRepository.write(repo, "policies/lib/.scratch/draft.rego", "package ignored\n");
    Bundle bundle = EnvironmentBundle.build(repo, "dev").bundle();
    assertEquals(List.of("policies/lib/mutations/readonly_root_fs.rego", "policies/lib/policies/privileged.rego",
            "policies/lib/validating.rego", "policies/lib/workload.rego"),
        bundle.modules().stream().map(ModuleFile::path).toList());
    assertEquals(List.of(".manifest", "kube_policies/config/data.json", "policies/lib/mutations/readonly_root_fs.rego",
            "policies/lib/policies/privileged.rego", "policies/lib/validating.rego", "policies/lib/workload.rego"),
        bundle.files().stream().map(BundleFile::path).toList());
  }

  @Test
  void writesExactlyTheContractConfig() throws Exception {
    Bundle bundle = EnvironmentBundle.build(repository(), "dev").bundle();
    String config = new String(bundle.file("kube_policies/config/data.json").orElseThrow().bytes(), StandardCharsets.UTF_8);
    assertEquals("{\"allowlist\":{\"privileged\":{\"monitoring\":{\"node-exporter\":{\"expires_ns\":1814313600000000000,"
        + "\"owner\":\"team-observability\",\"reason\":\"OPS-1: needs host access\"}}}},"
        + "\"breakglass\":{\"groups\":[\"kube-policies:breakglass\"],\"username_prefixes\":[],\"usernames\":[]},"
        + "\"critical\":{\"namespaces\":[\"kube-system\"],\"service_accounts\":[],\"workloads\":[]},"
        + "\"environment\":\"dev\","
        + "\"stages\":{\"privileged\":{\"validating\":\"deny\"},\"readonly_root_fs\":{\"mutating\":\"dryrun\"}}}", config);
  }

  @Test
  void writesAManifestWithRevisionRootsAndProvenance() throws BuildException {
    EnvironmentBundle built = EnvironmentBundle.build(repository(), "dev");
    var manifest = built.bundle().manifest();
    assertEquals("local", built.sourceRevision(), "a directory outside git has no commit");
    assertTrue(built.contentHash().matches("[0-9a-f]{64}"), built.contentHash());
    assertEquals("local-" + built.contentHash().substring(0, 16), manifest.revision());
    assertEquals(List.of("kube_policies", "validating"), manifest.roots().paths());
    assertEquals(OptionalInt.of(1), manifest.regoVersion());
    assertEquals(Optional.of("{\"content_sha256\":\"" + built.contentHash() + "\",\"environment\":\"dev\","
        + "\"source_revision\":\"local\"}"), manifest.metadataJson());
  }

  @Test
  void hashesTheContentDeterministically() throws BuildException {
    Path repo = repository();
    String first = EnvironmentBundle.build(repo, "dev").contentHash();
    assertEquals(first, EnvironmentBundle.build(repo, "dev").contentHash());
    FixtureRepository.write(repo, "policies/stages.yaml",
        "environments: {dev: {privileged: {validating: warn}}, staging: {}, prod: {}}\n");
    assertNotEquals(first, EnvironmentBundle.build(repo, "dev").contentHash());
  }

  @Test
  void takesTheGitCommitAsSourceRevision() throws Exception {
    Path repo = repository();
    git(repo, "init", "-q");
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "add", ".");
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "fixture");
    String head = git(repo, "rev-parse", "HEAD");
    EnvironmentBundle built = EnvironmentBundle.build(repo, "dev");
    assertEquals(head, built.sourceRevision());
    assertEquals(head + "-" + built.contentHash().substring(0, 16), built.revision());
  }

  @Test
  void producesABundleThatDecidesWithItsOwnData() throws Exception {
    EnvironmentBundle built = EnvironmentBundle.build(repository(), "dev");
    Policy policy = Policy.compile(built.bundle().modules().stream()
        .map(m -> Parser.parseModule(m.path(), m.source(), RegoVersion.V1)).toList(), built.data(), Builtins.standard());
    String review = "{\"request\":{\"namespace\":\"%s\",\"object\":{\"spec\":{\"containers\":"
        + "[{\"name\":\"node-exporter\",\"securityContext\":{\"privileged\":true}}]}}}}";
    assertEquals("[{\"message\":\"privileged: container node-exporter is privileged\",\"policy\":\"privileged\"}]",
        Json.write(policy.prepare("data.validating.deny").eval(EvalOptions.of(Json.parse(review.formatted("apps"))))
            .rows().get(0).expressions().get(0)));
    assertEquals("[]", Json.write(policy.prepare("data.validating.deny")
            .eval(EvalOptions.of(Json.parse(review.formatted("monitoring")))).rows().get(0).expressions().get(0)),
        "the allowlisted container in monitoring is left out");
  }

  @Test
  void buildsEachEnvironmentWithItsOwnStages() throws BuildException {
    Path repo = repository();
    FixtureRepository.write(repo, "allowlists/prod.yaml", "environment: prod\n");
    EnvironmentBundle prod = EnvironmentBundle.build(repo, "prod");
    assertEquals("{\"allowlist\":{},\"breakglass\":{\"groups\":[],\"username_prefixes\":[],\"usernames\":[]},"
        + "\"critical\":{\"namespaces\":[],\"service_accounts\":[],\"workloads\":[]},\"environment\":\"prod\","
        + "\"stages\":{}}", Json.write(prod.config().toValue()));
  }

  @Test
  void rejectsAModuleThatDoesNotCompile() {
    Path repo = repository();
    FixtureRepository.write(repo, "policies/lib/broken.rego", "package kube_policies.lib.broken\n\nbad contains x if {\n\ty := 1\n}\n");
    BuildException e = assertThrows(BuildException.class, () -> EnvironmentBundle.build(repo, "dev"));
    assertTrue(e.getMessage().matches(
        "policy modules do not compile:\n  policies/lib/broken\\.rego:3:\\d+: rego_unsafe_var_error: var x is unsafe"),
        e.getMessage());
  }

  @Test
  void rejectsAModuleThatDoesNotParse() {
    Path repo = repository();
    FixtureRepository.write(repo, "policies/lib/broken.rego", "package kube_policies.lib.broken\n\nallow if {\n");
    BuildException e = assertThrows(BuildException.class, () -> EnvironmentBundle.build(repo, "dev"));
    assertTrue(e.getMessage().startsWith("policy modules do not parse:\n  policies/lib/broken.rego:"), e.getMessage());
  }

  @Test
  void rejectsAnAllowlistNamingAnUnknownPolicy() {
    Path repo = repository();
    FixtureRepository.write(repo, "allowlists/dev.yaml", """
        environment: dev
        exceptions:
          - {policy: hostpath, namespace: a, containers: [b], owner: o, reason: r, expires: 2027-01-01}
        """);
    BuildException e = assertThrows(BuildException.class, () -> EnvironmentBundle.build(repo, "dev"));
    assertEquals("the dev allowlist is invalid:\n  " + repo.resolve("allowlists/dev.yaml")
        + ":3: $.exceptions[0].policy: unknown policy \"hostpath\"", e.getMessage());
  }

  @Test
  void rejectsAnInvalidStageTable() {
    Path repo = repository();
    FixtureRepository.write(repo, "policies/stages.yaml",
        "environments: {dev: {privileged: {mutating: patch}}, staging: {}, prod: {}}\n");
    BuildException e = assertThrows(BuildException.class, () -> EnvironmentBundle.build(repo, "dev"));
    assertEquals("the stage table is invalid:\n  " + repo.resolve("policies/stages.yaml")
        + ":1: $.environments.dev.privileged.mutating: policy privileged has no mutating control (it is validating only)",
        e.getMessage());
  }

  @Test
  void requiresTheEnvironmentsAllowlist() {
    Path repo = repository();
    BuildException e = assertThrows(BuildException.class, () -> EnvironmentBundle.build(repo, "staging"));
    assertEquals("the staging allowlist is invalid:\n  " + repo.resolve("allowlists/staging.yaml") + ": no such file",
        e.getMessage());
  }

  @Test
  void rejectsAnUnknownEnvironment() {
    BuildException e = assertThrows(BuildException.class, () -> EnvironmentBundle.build(repository(), "qa"));
    assertEquals("unknown environment \"qa\" (expected one of dev, staging, prod)", e.getMessage());
  }

  @Test
  void rejectsADirectoryWithoutPolicies() {
    BuildException e = assertThrows(BuildException.class, () -> EnvironmentBundle.build(root, "dev"));
    assertEquals(root.resolve("policies/lib") + ": no such directory (is " + root + " the repository root?)",
        e.getMessage());
  }

  @Test
  void rejectsALibraryWithOnlyTests() {
    BuildException e = assertThrows(BuildException.class, () -> PolicyLibrary.of(java.util.Map.of()));
    assertEquals("no Rego modules under policies/lib", e.getMessage());
  }

  private static String git(Path dir, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertEquals(0, process.waitFor(), out);
    return out;
  }
}
