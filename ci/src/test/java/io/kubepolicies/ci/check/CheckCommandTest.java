package io.kubepolicies.ci.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubepolicies.ci.support.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} end to end through picocli, over a small stand-in library
 * (src/test/resources/check/repository) that follows CONTRACT.md.
 */
class CheckCommandTest {
  private static final String REPO = "src/test/resources/check/repository";
  private static final String MANIFESTS = "src/test/resources/check/manifests";
  private static final String PRIVILEGED = MANIFESTS + "/privileged-pod.yaml";
  private static final String WRITABLE = MANIFESTS + "/writable-pod.yaml";
  private static final String COMPLIANT = MANIFESTS + "/compliant-pod.json";
  private static final String BUNDLE = "src/test/resources/check/more/bundle.yaml";

  private static Cli.Run check(String... args) {
    return checkIn(REPO, args);
  }

  private static Cli.Run checkIn(String repository, String... args) {
    List<String> full = new ArrayList<>(List.of("check", "--repository", repository));
    full.addAll(List.of(args));
    return Cli.run(full.toArray(String[]::new));
  }

  @Test
  void deniesAPrivilegedPodInProd() {
    Cli.Run run = check("--env", "prod", PRIVILEGED);
    assertEquals(1, run.exit(), run.err());
    assertEquals(PRIVILEGED + ": Pod default/web: denied\n"
        + "  deny     privileged: Resource Pod/default/web (container=web) is privileged\n"
        + "checked 1 resource: 0 allowed, 1 denied\n", run.out());
    assertEquals("", run.err());
  }

  @Test
  void checksAgainstProdByDefault() {
    assertEquals(check("--env", "prod", PRIVILEGED).out(), check(PRIVILEGED).out());
  }

  @Test
  void followsTheEnvironmentsStages() {
    Cli.Run run = check("--env", "dev", PRIVILEGED, WRITABLE);
    assertEquals(0, run.exit(), run.err());
    assertEquals(PRIVILEGED + ": Pod default/web: allowed\n"
        + "  warn     privileged: Resource Pod/default/web (container=web) is privileged\n"
        + WRITABLE + ": Pod shop/writer: allowed\n"
        + "  monitor  readonly_root_fs: Resource Pod/shop/writer (container=app) has a writable root file system\n"
        + "  monitor  readonly_root_fs: Resource Pod/shop/writer (container=sidecar) has a writable root file system\n"
        + "  dryrun   readonly_root_fs: add /spec/containers/0/securityContext {\"readOnlyRootFilesystem\":true}\n"
        + "  dryrun   readonly_root_fs: add /spec/containers/1/securityContext/readOnlyRootFilesystem true\n"
        + "checked 2 resources: 2 allowed, 0 denied\n", run.out());
  }

  @Test
  void validatesTheObjectAsPatchedLikeTheApiServer() {
    Cli.Run run = check("--env", "prod", WRITABLE);
    assertEquals(0, run.exit(), run.err());
    assertEquals(WRITABLE + ": Pod shop/writer: allowed\n"
        + "  patch    readonly_root_fs: add /spec/containers/0/securityContext {\"readOnlyRootFilesystem\":true}\n"
        + "  patch    readonly_root_fs: add /spec/containers/1/securityContext/readOnlyRootFilesystem true\n"
        + "checked 1 resource: 1 allowed, 0 denied\n", run.out());
  }

  @Test
  void printsThePatchedManifestsAsYaml() {
    Cli.Run run = check("--env", "prod", "--patched", WRITABLE, COMPLIANT);
    assertEquals(0, run.exit(), run.err());
    assertEquals("""
        apiVersion: v1
        kind: Pod
        metadata:
          labels:
            public: "yes"
            version: "1.10"
          name: writer
          namespace: shop
        spec:
          containers:
          - image: shop:1
            name: app
            securityContext:
              readOnlyRootFilesystem: true
          - image: proxy:2
            name: sidecar
            securityContext:
              allowPrivilegeEscalation: false
              readOnlyRootFilesystem: true
          securityContext:
            runAsNonRoot: true
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: ok
          namespace: shop
        spec:
          containers:
          - image: shop:1
            name: app
            securityContext:
              readOnlyRootFilesystem: true
          securityContext:
            runAsNonRoot: true
        """, run.out());
    assertTrue(run.err().endsWith("checked 2 resources: 2 allowed, 0 denied\n"), "the report moves to stderr: " + run.err());
  }

  @Test
  void patchedManifestsPassTheirOwnCheck(@TempDir Path dir) throws IOException {
    Path fixed = dir.resolve("fixed.yaml");
    Files.writeString(fixed, check("--env", "prod", "--patched", WRITABLE).out());
    Cli.Run run = check("--env", "prod", fixed.toString());
    assertEquals(0, run.exit(), run.out());
    assertEquals(fixed + ": Pod shop/writer: allowed (no policy applies)\nchecked 1 resource: 1 allowed, 0 denied\n",
        run.out());
  }

  @Test
  void writesJson() {
    Cli.Run run = check("--env", "prod", "-o", "json", PRIVILEGED, WRITABLE);
    assertEquals(1, run.exit(), run.err());
    assertEquals("{\"results\":["
        + "{\"allowed\":false,"
        + "\"denied\":[{\"message\":\"privileged: Resource Pod/default/web (container=web) is privileged\",\"policy\":\"privileged\"}],"
        + "\"dryrun\":[],\"errors\":[],\"file\":\"" + PRIVILEGED + "\",\"kind\":\"Pod\",\"monitored\":[],\"name\":\"web\","
        + "\"namespace\":\"default\",\"outcome\":\"evaluated\",\"patches\":[],\"warned\":[]},"
        + "{\"allowed\":true,\"denied\":[],\"dryrun\":[],\"errors\":[],\"file\":\"" + WRITABLE + "\",\"kind\":\"Pod\","
        + "\"monitored\":[],\"name\":\"writer\",\"namespace\":\"shop\",\"outcome\":\"evaluated\",\"patches\":["
        + "{\"container\":\"app\",\"op\":\"add\",\"path\":\"/spec/containers/0/securityContext\",\"policy\":\"readonly_root_fs\","
        + "\"value\":{\"readOnlyRootFilesystem\":true}},"
        + "{\"container\":\"sidecar\",\"op\":\"add\",\"path\":\"/spec/containers/1/securityContext/readOnlyRootFilesystem\","
        + "\"policy\":\"readonly_root_fs\",\"value\":true}],\"warned\":[]}]}\n", run.out());
  }

  @Test
  void addsThePatchedManifestToJsonWhenAsked() {
    Cli.Run run = check("-o", "json", "--patched", COMPLIANT);
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains(",\"patched\":{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"ok\","
        + "\"namespace\":\"shop\"},\"spec\":"), run.out());
  }

  @Test
  void readsDirectoriesMultipleDocumentsListsAndAliases() {
    Cli.Run run = check("--env", "prod", "src/test/resources/check/more");
    assertEquals(0, run.exit(), run.err());
    assertEquals(BUNDLE + ": Pod monitoring/first: allowed (no policy applies)\n"
        + BUNDLE + ": Deployment monitoring/second: allowed (no policy applies)\n"
        + BUNDLE + ": ConfigMap default/settings: allowed (no policy applies)\n"
        + BUNDLE + ": Pod kube-system/system: allowed (critical allowlist: namespace)\n"
        + "checked 4 resources: 4 allowed, 0 denied\n", run.out());
  }

  @Test
  void replaysARecordedAdmissionReview() {
    String recorded = "src/test/resources/check/reviews/recorded.json";
    Cli.Run run = check("--env", "prod", recorded);
    assertEquals(1, run.exit(), run.err());
    assertEquals(recorded + ": Pod shop/web: denied\n"
        + "  deny     privileged: Resource Pod/shop/web (container=web) is privileged\n"
        + "  patch    readonly_root_fs: add /spec/containers/0/securityContext/readOnlyRootFilesystem true\n"
        + "checked 1 resource: 0 allowed, 1 denied\n", run.out());
  }

  @Test
  void refusesAnAdmissionReviewWithoutUid(@TempDir Path dir) throws IOException {
    Path review = dir.resolve("review.json");
    Files.writeString(review, "{\"apiVersion\": \"admission.k8s.io/v1\", \"kind\": \"AdmissionReview\", "
        + "\"request\": {\"object\": {\"kind\": \"Pod\"}}}");
    Cli.Run run = check(review.toString());
    assertEquals(2, run.exit());
    assertEquals("error: " + review + ": document 1: AdmissionReview request has no uid\n", run.err());
  }

  @Test
  void pssBaselineDeniesOnlyBaselineControls() {
    Cli.Run run = check("--pss", "baseline", PRIVILEGED, WRITABLE, BUNDLE);
    assertEquals(1, run.exit(), run.err());
    assertEquals(PRIVILEGED + ": Pod default/web: denied\n"
        + "  deny     privileged: Resource Pod/default/web (container=web) is privileged\n"
        + WRITABLE + ": Pod shop/writer: allowed (no policy applies)\n"
        + BUNDLE + ": Pod monitoring/first: denied\n"
        + "  deny     privileged: Resource Pod/monitoring/first (container=node-exporter) is privileged\n"
        + BUNDLE + ": Deployment monitoring/second: denied\n"
        + "  deny     privileged: Resource Deployment/monitoring/second (container=node-exporter) is privileged\n"
        + BUNDLE + ": ConfigMap default/settings: allowed (no policy applies)\n"
        + BUNDLE + ": Pod kube-system/system: denied\n"
        + "  deny     privileged: Resource Pod/kube-system/system (container=root) is privileged\n"
        + "checked 6 resources: 2 allowed, 4 denied\n", run.out(), "no allowlists, no critical namespaces, no mutations");
  }

  @Test
  void pssRestrictedIncludesBaseline() {
    Cli.Run run = check("--pss", "restricted", BUNDLE);
    assertEquals(1, run.exit(), run.err());
    assertTrue(run.out().endsWith(BUNDLE + ": Pod kube-system/system: denied\n"
        + "  deny     privileged: Resource Pod/kube-system/system (container=root) is privileged\n"
        + "  deny     run_as_non_root: Resource Pod/kube-system/system must set securityContext.runAsNonRoot\n"
        + "checked 4 resources: 1 allowed, 3 denied\n"), run.out());
  }

  @Test
  void warnsAboutExceptionsExpiringWithinTwoWeeks(@TempDir Path dir) throws IOException {
    Path repo = copy(Path.of(REPO), dir.resolve("repo"));
    String soon = Instant.now().plus(3, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
    Files.writeString(repo.resolve("allowlists/staging.yaml"), """
        environment: staging
        exceptions:
          - policy: privileged
            namespace: monitoring
            containers: ["*"]
            owner: team-observability
            reason: "OPS-2: migration"
            expires: %s
          - policy: privileged
            namespace: batch
            containers: [loader]
            owner: team-data
            reason: "DATA-9: moved to the new loader"
            expires: 2020-01-01
        """.formatted(soon));
    Cli.Run run = checkIn(repo.toString(), "--env", "staging", COMPLIANT);
    assertEquals(0, run.exit(), run.err());
    String file = repo.resolve("allowlists/staging.yaml").toString();
    assertEquals("warning: " + file + ":9: exception for policy privileged in namespace batch (containers loader, "
            + "owner team-data) expired 2020-01-01 and no longer applies\n"
            + "warning: " + file + ":3: exception for policy privileged in namespace monitoring (containers *, "
            + "owner team-observability) expires " + soon + " (in 3 days)\n", run.err());
  }

  @Test
  void refusesAMissingFile() {
    Cli.Run run = check("nope.yaml");
    assertEquals(2, run.exit());
    assertEquals("error: nope.yaml: no such file or directory\n", run.err());
    assertEquals("", run.out());
  }

  @Test
  void refusesBadYamlWithItsLine(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n   labels: {}\n");
    Cli.Run run = check(bad.toString());
    assertEquals(2, run.exit());
    assertEquals("error: " + bad + ":5: invalid YAML: mapping values are not allowed here (column 10)\n", run.err());
  }

  @Test
  void refusesBadJson(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"kind\": \"Pod\",}");
    Cli.Run run = check(bad.toString());
    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith("error: " + bad + ": invalid JSON: "), run.err());
  }

  @Test
  void refusesADocumentThatIsNoKubernetesObject(@TempDir Path dir) throws IOException {
    Path list = dir.resolve("list.yaml");
    Files.writeString(list, "apiVersion: v1\nkind: List\nitems:\n  - {kind: Pod, metadata: {name: a}}\n  - just text\n");
    Cli.Run run = check(list.toString());
    assertEquals(2, run.exit());
    assertEquals("error: " + list + ": document 1, item 2 is not a Kubernetes object (it has no kind)\n", run.err());
  }

  @Test
  void refusesAnUnknownEnvironment() {
    Cli.Run run = check("--env", "qa", COMPLIANT);
    assertEquals(2, run.exit());
    assertEquals("error: unknown environment \"qa\" (expected one of dev, staging, prod)\n", run.err());
  }

  @Test
  void refusesARepositoryWithoutPolicies(@TempDir Path dir) {
    Cli.Run run = checkIn(dir.toString(), COMPLIANT);
    assertEquals(2, run.exit());
    assertEquals("error: " + dir.resolve("policies/lib") + ": no such directory (is " + dir
        + " the repository root?)\n", run.err());
  }

  @Test
  void refusesEnvAndPssTogether() {
    Cli.Run run = check("--env", "prod", "--pss", "baseline", COMPLIANT);
    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith("Error: --env=ENV, --pss=LEVEL are mutually exclusive (specify only one)\n"), run.err());
  }

  @Test
  void refusesAnUnknownPssLevel() {
    Cli.Run run = check("--pss", "strict", COMPLIANT);
    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith("Invalid value for option '--pss': expected baseline or restricted, not 'strict'\n"),
        run.err());
  }

  @Test
  void refusesAnUnknownFormat() {
    Cli.Run run = check("-o", "yaml", COMPLIANT);
    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith("Invalid value for option '--output': expected text or json, not 'yaml'\n"), run.err());
  }

  @Test
  void needsSomethingToCheck() {
    Cli.Run run = check();
    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith("Missing required parameter: 'FILE_OR_DIR'"), run.err());
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
    return to;
  }
}
