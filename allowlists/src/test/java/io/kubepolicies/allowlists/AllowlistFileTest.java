package io.kubepolicies.allowlists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubepolicies.allowlists.document.ConfigException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AllowlistFileTest {
  private static final Set<String> KNOWN = Set.of("readonly_root_fs", "ensure_no_run_as_root", "privileged");

  private static final String VALID = """
      environment: dev
      exceptions:
        - policy: readonly_root_fs
          namespace: monitoring
          containers: [node-exporter, sidecar]
          owner: team-observability
          reason: "OPS-123: writes to /var/lib"
          expires: 2027-06-30
        - policy: privileged
          namespace: ci-runners
          containers: ["*"]
          owner: team-build
          reason: "BUILD-88: docker-in-docker"
          expires: 2027-01-31T12:30:00+02:00
      breakglass:
        groups: ["kube-policies:breakglass"]
        usernames: [alice]
        username_prefixes: ["system:serviceaccount:breakglass:"]
      critical:
        namespaces: [kube-system, kube-policies]
        service_accounts: [kube-system/kube-proxy]
        workloads: [calico-system/DaemonSet/calico-node]
      """;

  private static ConfigException rejected(String text) {
    return assertThrows(ConfigException.class, () -> AllowlistFile.parse("dev.yaml", text, KNOWN));
  }

  /** VALID with one line replaced. */
  private static String validWith(String line, String replacement) {
    if (!VALID.contains(line)) {
      throw new IllegalArgumentException("VALID has no line " + line);
    }
    return VALID.replace(line, replacement);
  }

  @Test
  void readsAValidFile() throws ConfigException {
    Allowlist allowlist = AllowlistFile.parse("dev.yaml", VALID, KNOWN);
    assertEquals("dev", allowlist.environment());
    assertEquals(List.of(
        new AllowlistEntry("readonly_root_fs", "monitoring", List.of("node-exporter", "sidecar"), "team-observability",
            "OPS-123: writes to /var/lib", Instant.parse("2027-06-30T00:00:00Z"), "2027-06-30", 3),
        new AllowlistEntry("privileged", "ci-runners", List.of("*"), "team-build", "BUILD-88: docker-in-docker",
            Instant.parse("2027-01-31T10:30:00Z"), "2027-01-31T12:30:00+02:00", 9)),
        allowlist.entries());
    assertEquals(new Breakglass(List.of("kube-policies:breakglass"), List.of("alice"),
        List.of("system:serviceaccount:breakglass:")), allowlist.breakglass());
    assertEquals(new Critical(List.of("kube-system", "kube-policies"), List.of("kube-system/kube-proxy"),
        List.of("calico-system/DaemonSet/calico-node")), allowlist.critical());
  }

  @Test
  void treatsMissingSectionsAsEmpty() throws ConfigException {
    Allowlist allowlist = AllowlistFile.parse("prod.yaml", "environment: prod\n", KNOWN);
    assertEquals(Allowlist.empty("prod").entries(), allowlist.entries());
    assertEquals(Breakglass.NONE, allowlist.breakglass());
    assertEquals(Critical.NONE, allowlist.critical());
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev.yaml", "staging.yaml", "prod.yaml"})
  void theShippedFilesAreValid(String name) throws ConfigException {
    Allowlist allowlist = AllowlistFile.load(Path.of(name));
    assertEquals(name.replace(".yaml", ""), allowlist.environment());
    assertEquals(List.of("kube-system", "kube-policies"), allowlist.critical().namespaces());
    assertEquals(List.of("kube-system/kube-proxy"), allowlist.critical().serviceAccounts());
    assertEquals(List.of("kube-policies:breakglass"), allowlist.breakglass().groups());
  }

  @Test
  void requiresTheEnvironment() {
    assertEquals("dev.yaml:1: $: missing required field \"environment\"",
        rejected("exceptions: []\n").getMessage());
  }

  @Test
  void rejectsAnUnknownEnvironment() {
    assertEquals("dev.yaml:1: $.environment: must be one of dev, staging, prod",
        rejected(validWith("environment: dev", "environment: qa")).getMessage());
  }

  @Test
  void rejectsAFileNamedForAnotherEnvironment() {
    ConfigException e = assertThrows(ConfigException.class, () -> AllowlistFile.parse("allowlists/prod.yaml", VALID, KNOWN));
    assertEquals("allowlists/prod.yaml:1: $.environment: says \"dev\" but the file is prod.yaml (expected dev.yaml)",
        e.getMessage());
  }

  @Test
  void namesAMisspelledFieldAtItsLine() {
    assertEquals("dev.yaml:3: $.exceptions[0]: missing required field \"owner\"\n"
            + "dev.yaml:6: $.exceptions[0].ownr: unknown field \"ownr\"",
        rejected(validWith("    owner: team-observability", "    ownr: team-observability")).getMessage());
  }

  @Test
  void requiresAReasonForEveryExceptionIncludingWildcards() {
    assertEquals("dev.yaml:9: $.exceptions[1]: missing required field \"reason\"",
        rejected(validWith("    reason: \"BUILD-88: docker-in-docker\"\n", "")).getMessage());
  }

  @Test
  void rejectsABlankReason() {
    assertEquals("dev.yaml:13: $.exceptions[1].reason: must not be blank",
        rejected(validWith("\"BUILD-88: docker-in-docker\"", "\"   \"")).getMessage());
  }

  @Test
  void wantsTheWildcardAlone() {
    assertEquals("dev.yaml:11: $.exceptions[1].containers: \"*\" already covers every container; list it alone",
        rejected(validWith("containers: [\"*\"]", "containers: [\"*\", dind]")).getMessage());
  }

  @Test
  void rejectsAnEmptyContainerList() {
    assertEquals("dev.yaml:11: $.exceptions[1].containers: must name at least one container (\"*\" for any)",
        rejected(validWith("containers: [\"*\"]", "containers: []")).getMessage());
  }

  @Test
  void rejectsAnInvalidContainerName() {
    assertEquals("dev.yaml:5: $.exceptions[0].containers[1]: must be a container name (lowercase letters, digits and '-') "
            + "or \"*\" for any container",
        rejected(validWith("sidecar]", "Side_Car]")).getMessage());
  }

  @Test
  void rejectsADateThatDoesNotExist() {
    assertEquals("dev.yaml:8: $.exceptions[0].expires: \"2027-02-30\" is not a valid date or time",
        rejected(validWith("expires: 2027-06-30", "expires: 2027-02-30")).getMessage());
  }

  @Test
  void rejectsATimeThatDoesNotExist() {
    assertEquals("dev.yaml:14: $.exceptions[1].expires: \"2027-01-31T25:30:00+02:00\" is not a valid date or time",
        rejected(validWith("T12:30:00", "T25:30:00")).getMessage());
  }

  @Test
  void rejectsAnExpiryInAnotherFormat() {
    assertEquals("dev.yaml:8: $.exceptions[0].expires: must be a date (2027-01-31) or an RFC 3339 time (2027-01-31T12:00:00Z)",
        rejected(validWith("expires: 2027-06-30", "expires: 30/06/2027")).getMessage());
  }

  @Test
  void rejectsAnExpiryBeyondRegoTime() {
    assertEquals("dev.yaml:8: $.exceptions[0].expires: \"2263-01-01\" is too far ahead: Rego's time.now_ns() ends in 2262",
        rejected(validWith("expires: 2027-06-30", "expires: 2263-01-01")).getMessage());
  }

  @Test
  void explainsAnUnquotedYamlBoolean() {
    assertEquals("dev.yaml:4: $.exceptions[0].namespace: boolean found, string expected "
            + "(YAML reads the unquoted no as a boolean; write \"no\" in quotes)",
        rejected(validWith("namespace: monitoring", "namespace: no")).getMessage());
  }

  @Test
  void explainsAnUnquotedYamlNumber() {
    assertEquals("dev.yaml:5: $.exceptions[0].containers[1]: integer found, string expected "
            + "(YAML reads the unquoted 0123 as a number; write \"0123\" in quotes)",
        rejected(validWith("sidecar]", "0123]")).getMessage());
  }

  @Test
  void rejectsUnknownPolicies() {
    assertEquals("dev.yaml:3: $.exceptions[0].policy: unknown policy \"readonly_rootfs\"",
        rejected(validWith("policy: readonly_root_fs", "policy: readonly_rootfs")).getMessage());
  }

  @Test
  void acceptsAnyPolicyWhenNoneAreKnown(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path file = dir.resolve("dev.yaml");
    java.nio.file.Files.writeString(file, validWith("policy: readonly_root_fs", "policy: not_yet_written"));
    assertEquals("not_yet_written", AllowlistFile.load(file).entries().get(0).policy());
  }

  @Test
  void rejectsDuplicateExceptions() {
    String duplicated = validWith("\nbreakglass:", "\n" + """
          - policy: readonly_root_fs
            namespace: monitoring
            containers: [sidecar]
            owner: someone-else
            reason: "copied"
            expires: 2028-01-01
        breakglass:""");
    assertEquals("dev.yaml:15: $.exceptions[2]: duplicate exception: policy readonly_root_fs, namespace monitoring, "
        + "container sidecar is already excepted at $.exceptions[0] (line 3)", rejected(duplicated).getMessage());
  }

  @Test
  void rejectsMalformedCriticalEntries() {
    assertEquals("dev.yaml:21: $.critical.service_accounts[0]: must be <namespace>/<service account name>, "
            + "e.g. kube-system/kube-proxy",
        rejected(validWith("[kube-system/kube-proxy]", "[kube-proxy]")).getMessage());
    assertEquals("dev.yaml:22: $.critical.workloads[0]: must be <namespace>/<Kind>/<name>, e.g. kube-system/DaemonSet/kube-proxy",
        rejected(validWith("calico-system/DaemonSet/calico-node", "calico-system/calico-node")).getMessage());
  }

  @Test
  void reportsEveryProblemAtOnce() {
    String broken = validWith("expires: 2027-06-30", "expires: 2027-02-30")
        .replace("policy: privileged", "policy: unknown_one");
    assertEquals("dev.yaml:8: $.exceptions[0].expires: \"2027-02-30\" is not a valid date or time\n"
            + "dev.yaml:9: $.exceptions[1].policy: unknown policy \"unknown_one\"",
        rejected(broken).getMessage());
  }

  @Test
  void rejectsADocumentThatIsNotAMapping() {
    assertEquals("dev.yaml:1: $: array found, object expected", rejected("- environment: dev\n").getMessage());
  }

  @Test
  void rejectsBadYaml() {
    assertEquals("dev.yaml:2: invalid YAML: mapping values are not allowed here (column 14)",
        rejected("environment: dev\nexceptions: a: b\n").getMessage());
  }
}
