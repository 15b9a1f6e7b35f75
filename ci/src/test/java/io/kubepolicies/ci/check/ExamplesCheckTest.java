package io.kubepolicies.ci.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubepolicies.ci.support.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check} over the repository's own library, stages and allowlists, with the manifests in examples/. */
class ExamplesCheckTest {
  private static final String REPOSITORY = "..";
  private static final String EXAMPLES = "../examples/";
  private static final Pattern DENYING_POLICY = Pattern.compile("^  deny +([a-z_]+): ", Pattern.MULTILINE);

  private static Cli.Run check(String... args) {
    String[] full = new String[args.length + 3];
    full[0] = "check";
    full[1] = "--repository";
    full[2] = REPOSITORY;
    System.arraycopy(args, 0, full, 3, args.length);
    return Cli.run(full);
  }

  @Test
  void restrictedAcceptsKubernetesMinimalRestrictedPod() {
    Cli.Run run = check("--pss", "restricted", EXAMPLES + "pod-restricted-minimal.yaml");
    assertEquals(0, run.exit(), run.out() + run.err());
    assertEquals(EXAMPLES + "pod-restricted-minimal.yaml: Pod team-a/restricted-minimal: allowed (no policy applies)\n"
        + "checked 1 resource: 1 allowed, 0 denied\n", run.out());
  }

  @Test
  void patchMutationsTurnTheSeedPodIntoOneProdAllows(@TempDir Path dir) throws IOException {
    Cli.Run patched = check("--env", "prod", "--patched", EXAMPLES + "pod-fixed-by-mutations.yaml");
    assertEquals(0, patched.exit(), patched.err());
    Path fixed = dir.resolve("fixed.yaml");
    Files.writeString(fixed, patched.out());
    Cli.Run run = check("--env", "prod", fixed.toString());
    assertEquals(0, run.exit(), run.out());
    assertEquals(fixed + ": Pod team-a/fixed-by-mutations: allowed (no policy applies)\n"
        + "checked 1 resource: 1 allowed, 0 denied\n", run.out(), "nothing is left to patch, warn about or deny");
  }

  @Test
  void theSeedPodIsDeniedByEveryPssControlAtRestricted() {
    Cli.Run run = check("--pss", "restricted", EXAMPLES + "pod-violating-all-policies.yaml");
    assertEquals(1, run.exit(), run.err());
    assertEquals(new TreeSet<>(Arrays.asList("allow_privilege_escalation", "apparmor", "capabilities_restricted",
            "host_namespaces", "host_ports", "host_probes", "host_process", "privileged", "proc_mount_restricted",
            "restricted_volumes", "run_as_non_root", "run_as_user", "seccomp_restricted", "selinux", "sysctls")),
        denyingPolicies(run.out()), "every restricted-level check (baseline ones their restricted versions replace "
            + "excluded) denies it");
  }

  @Test
  void patchingTheSeedPodLeavesOnlyWhatNoMutationCanFix(@TempDir Path dir) throws IOException {
    Cli.Run original = check("--env", "prod", "--patched", EXAMPLES + "pod-violating-all-policies.yaml");
    Path patched = dir.resolve("patched.yaml");
    Files.writeString(patched, original.out());
    Cli.Run run = check("--env", "prod", patched.toString());
    assertEquals(1, run.exit(), run.err());
    assertTrue(!run.out().contains("\n  patch "), "the patched pod needs no further patch:\n" + run.out());
    assertEquals(denyingPolicies(original.err()), denyingPolicies(run.out()),
        "check already validates the patched object, so patching first changes no denial");
    assertTrue(denyingPolicies(run.out()).containsAll(Set.of("host_namespaces", "privileged", "host_path_volumes",
        "sysctls", "selinux")), run.out());
  }

  private static Set<String> denyingPolicies(String report) {
    Set<String> policies = new TreeSet<>();
    Matcher m = DENYING_POLICY.matcher(report);
    while (m.find()) {
      policies.add(m.group(1));
    }
    return policies;
  }
}
