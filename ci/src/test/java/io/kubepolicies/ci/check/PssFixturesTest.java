package io.kubepolicies.ci.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubepolicies.ci.support.Cli;
import io.kubepolicies.rego.eval.EvalOptions;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import io.kubepolicies.server.build.BuildException;
import io.kubepolicies.server.build.PolicyLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code check --pss} over the repository's own library decides each fixture under
 * src/test/resources/pss/ as Kubernetes' Pod Security Admission (policy version "latest", 1.35+)
 * does at that level: a pass and a fail fixture (or several) per control. For each fixture the
 * table names the controls that deny it at baseline and at restricted; an empty set means allowed.
 * At restricted, a restricted control replaces the baseline control it overrides, as in PSA.
 */
class PssFixturesTest {
  private static final String REPOSITORY = "..";
  private static final String FIXTURES = "src/test/resources/pss";

  private record Expected(Set<String> baseline, Set<String> restricted) {}

  private static Expected allowed() {
    return new Expected(Set.of(), Set.of());
  }

  /** A baseline control's failure: the same control denies at both levels. */
  private static Expected baseline(String control) {
    return new Expected(Set.of(control), Set.of(control));
  }

  /** A baseline failure that, at restricted, the overriding restricted control reports instead. */
  private static Expected baseline(String control, String atRestricted) {
    return new Expected(Set.of(control), Set.of(atRestricted));
  }

  private static Expected restricted(String control) {
    return new Expected(Set.of(), Set.of(control));
  }

  private static final Map<String, Expected> EXPECTED = Map.ofEntries(
      Map.entry("host_process/pass.yaml", allowed()),
      Map.entry("host_process/fail-pod.yaml", baseline("host_process")),
      Map.entry("host_process/fail-container.yaml", baseline("host_process")),
      Map.entry("host_namespaces/pass.yaml", allowed()),
      Map.entry("host_namespaces/fail-hostnetwork.yaml", baseline("host_namespaces")),
      Map.entry("host_namespaces/fail-hostpid.yaml", baseline("host_namespaces")),
      Map.entry("host_namespaces/fail-hostipc.yaml", baseline("host_namespaces")),
      Map.entry("privileged/pass.yaml", allowed()),
      Map.entry("privileged/fail.yaml", baseline("privileged")),
      Map.entry("privileged/fail-init.yaml", baseline("privileged")),
      Map.entry("capabilities_baseline/pass.yaml", allowed()),
      Map.entry("capabilities_baseline/fail.yaml", baseline("capabilities_baseline", "capabilities_restricted")),
      Map.entry("capabilities_baseline/fail-init.yaml", baseline("capabilities_baseline", "capabilities_restricted")),
      Map.entry("host_path_volumes/pass.yaml", allowed()),
      Map.entry("host_path_volumes/fail.yaml", baseline("host_path_volumes", "restricted_volumes")),
      Map.entry("host_ports/pass.yaml", allowed()),
      Map.entry("host_ports/fail.yaml", baseline("host_ports")),
      Map.entry("host_ports/fail-init.yaml", baseline("host_ports")),
      Map.entry("host_probes/pass.yaml", allowed()),
      Map.entry("host_probes/fail-probe.yaml", baseline("host_probes")),
      Map.entry("host_probes/fail-hook.yaml", baseline("host_probes")),
      Map.entry("apparmor/pass.yaml", allowed()),
      Map.entry("apparmor/fail-annotation.yaml", baseline("apparmor")),
      Map.entry("apparmor/fail-field.yaml", baseline("apparmor")),
      Map.entry("selinux/pass.yaml", allowed()),
      Map.entry("selinux/fail-type.yaml", baseline("selinux")),
      Map.entry("selinux/fail-user.yaml", baseline("selinux")),
      Map.entry("selinux/fail-role.yaml", baseline("selinux")),
      Map.entry("proc_mount/pass.yaml", allowed()),
      Map.entry("proc_mount/fail.yaml", baseline("proc_mount", "proc_mount_restricted")),
      Map.entry("seccomp_baseline/pass.yaml", allowed()),
      Map.entry("seccomp_baseline/fail-pod.yaml", baseline("seccomp_baseline", "seccomp_restricted")),
      Map.entry("seccomp_baseline/fail-container.yaml", baseline("seccomp_baseline", "seccomp_restricted")),
      Map.entry("sysctls/pass.yaml", allowed()),
      Map.entry("sysctls/fail.yaml", baseline("sysctls")),
      Map.entry("restricted_volumes/pass.yaml", allowed()),
      Map.entry("restricted_volumes/fail.yaml", restricted("restricted_volumes")),
      Map.entry("allow_privilege_escalation/pass.yaml", allowed()),
      Map.entry("allow_privilege_escalation/pass-windows.yaml", allowed()),
      Map.entry("allow_privilege_escalation/fail.yaml", restricted("allow_privilege_escalation")),
      Map.entry("allow_privilege_escalation/fail-unset.yaml", restricted("allow_privilege_escalation")),
      Map.entry("run_as_non_root/pass.yaml", allowed()),
      Map.entry("run_as_non_root/pass-user-namespace.yaml", allowed()),
      Map.entry("run_as_non_root/fail-unset.yaml", restricted("run_as_non_root")),
      Map.entry("run_as_non_root/fail-container.yaml", restricted("run_as_non_root")),
      Map.entry("run_as_user/pass.yaml", allowed()),
      Map.entry("run_as_user/fail-pod.yaml", restricted("run_as_user")),
      Map.entry("run_as_user/fail-container.yaml", restricted("run_as_user")),
      Map.entry("seccomp_restricted/pass.yaml", allowed()),
      Map.entry("seccomp_restricted/fail.yaml", restricted("seccomp_restricted")),
      Map.entry("seccomp_restricted/windows-exempt.yaml", new Expected(Set.of("seccomp_baseline"), Set.of())),
      Map.entry("capabilities_restricted/pass.yaml", allowed()),
      Map.entry("capabilities_restricted/fail-no-drop.yaml", restricted("capabilities_restricted")),
      Map.entry("capabilities_restricted/fail-add.yaml", restricted("capabilities_restricted")),
      Map.entry("capabilities_restricted/windows-exempt.yaml", new Expected(Set.of("capabilities_baseline"), Set.of())),
      Map.entry("proc_mount_restricted/pass.yaml", allowed()),
      Map.entry("proc_mount_restricted/fail.yaml", restricted("proc_mount_restricted")));

  @Test
  void everyFixtureHasAnExpectation() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of(FIXTURES))) {
      assertEquals(new TreeSet<>(EXPECTED.keySet()), files.filter(Files::isRegularFile)
          .map(file -> Path.of(FIXTURES).relativize(file).toString().replace('\\', '/'))
          .collect(Collectors.toCollection(TreeSet::new)));
    }
  }

  @Test
  void everyPssControlOfTheLibraryHasAPassAndAFailFixture() throws BuildException {
    Value found = PolicyLibrary.load(Path.of(REPOSITORY)).compile(ObjectValue.EMPTY)
        .prepare("{id | data.kube_policies.policies[id].metadata.pss in {\"baseline\", \"restricted\"}}")
        .eval(EvalOptions.of(null)).rows().get(0).expressions().get(0);
    Set<String> controls = new TreeSet<>();
    ((SetValue) found).sorted().forEach(id -> controls.add(((StringValue) id).value()));
    Set<String> withPass = new TreeSet<>();
    Set<String> withFail = new TreeSet<>();
    EXPECTED.forEach((fixture, expected) -> {
      String control = fixture.substring(0, fixture.indexOf('/'));
      (fixture.contains("/fail") ? withFail : withPass).add(control);
    });
    assertEquals(19, controls.size(), "the library's PSS controls: " + controls);
    assertEquals(controls, withPass);
    assertEquals(controls, withFail);
  }

  @Test
  void baselineDecidesLikePodSecurityAdmission() {
    assertEquals(expected(PssLevel.BASELINE), decided("baseline"));
  }

  @Test
  void restrictedDecidesLikePodSecurityAdmission() {
    assertEquals(expected(PssLevel.RESTRICTED), decided("restricted"));
  }

  private static Map<String, Set<String>> expected(PssLevel level) {
    Map<String, Set<String>> out = new TreeMap<>();
    EXPECTED.forEach((fixture, e) -> out.put(fixture, level == PssLevel.BASELINE ? e.baseline() : e.restricted()));
    return out;
  }

  /** Fixture → the controls that denied it (empty when allowed), from {@code check -o json}. */
  private static Map<String, Set<String>> decided(String level) {
    Cli.Run run = Cli.run("check", "--repository", REPOSITORY, "--pss", level, "-o", "json", FIXTURES);
    Map<String, Set<String>> out = new TreeMap<>();
    for (Value item : ((ArrayValue) ((ObjectValue) Json.parse(run.out())).get(StringValue.of("results"))).elements()) {
      ObjectValue result = (ObjectValue) item;
      String file = ((StringValue) result.get(StringValue.of("file"))).value().substring(FIXTURES.length() + 1);
      Set<String> deniedBy = new TreeSet<>();
      for (Value finding : ((ArrayValue) result.get(StringValue.of("denied"))).elements()) {
        deniedBy.add(((StringValue) ((ObjectValue) finding).get(StringValue.of("policy"))).value());
      }
      boolean allowed = result.get(StringValue.of("allowed")).equals(BooleanValue.TRUE);
      assertEquals(deniedBy.isEmpty(), allowed, file + ": allowed exactly when nothing denies");
      out.put(file, deniedBy);
    }
    assertEquals(out.values().stream().allMatch(Set::isEmpty) ? 0 : 1, run.exit(), run.err());
    return out;
  }
}
