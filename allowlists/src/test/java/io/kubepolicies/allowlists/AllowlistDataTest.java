package io.kubepolicies.allowlists;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubepolicies.rego.value.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllowlistDataTest {
  private static final Allowlist ALLOWLIST = new Allowlist("dev.yaml", "dev", List.of(
      new AllowlistEntry("readonly_root_fs", "monitoring", List.of("node-exporter", "sidecar"), "team-observability",
          "OPS-123", Instant.parse("2027-06-30T00:00:00Z"), "2027-06-30", 3),
      new AllowlistEntry("readonly_root_fs", "ci", List.of("*"), "team-build", "BUILD-88",
          Instant.parse("2027-02-28T18:00:00Z"), "2027-02-28T18:00:00Z", 9),
      new AllowlistEntry("privileged", "monitoring", List.of("node-exporter"), "team-observability", "OPS-124",
          Instant.parse("2027-03-31T00:00:00Z"), "2027-03-31", 15)),
      new Breakglass(List.of("kube-policies:breakglass"), List.of(), List.of("system:serviceaccount:bg:")),
      new Critical(List.of("kube-system"), List.of("kube-system/kube-proxy"), List.of("calico-system/DaemonSet/calico-node")));

  @Test
  void nestsExceptionsByPolicyNamespaceAndContainer() {
    assertEquals("{\"privileged\":{\"monitoring\":{\"node-exporter\":"
            + "{\"expires_ns\":1806451200000000000,\"owner\":\"team-observability\",\"reason\":\"OPS-124\"}}},"
            + "\"readonly_root_fs\":{"
            + "\"ci\":{\"*\":{\"expires_ns\":1803837600000000000,\"owner\":\"team-build\",\"reason\":\"BUILD-88\"}},"
            + "\"monitoring\":{"
            + "\"node-exporter\":{\"expires_ns\":1814313600000000000,\"owner\":\"team-observability\",\"reason\":\"OPS-123\"},"
            + "\"sidecar\":{\"expires_ns\":1814313600000000000,\"owner\":\"team-observability\",\"reason\":\"OPS-123\"}}}}",
        Json.write(AllowlistData.exceptions(ALLOWLIST)));
  }

  @Test
  void keepsSubSecondExpiries() {
    Allowlist precise = new Allowlist("dev.yaml", "dev", List.of(new AllowlistEntry("p", "n", List.of("c"), "o", "r",
        Instant.parse("2027-01-01T00:00:00.5Z"), "2027-01-01T00:00:00.5Z", 1)), Breakglass.NONE, Critical.NONE);
    assertEquals("{\"p\":{\"n\":{\"c\":{\"expires_ns\":1798761600500000000,\"owner\":\"o\",\"reason\":\"r\"}}}}",
        Json.write(AllowlistData.exceptions(precise)));
  }

  @Test
  void writesBreakglassAndCriticalWithEveryField() {
    assertEquals("{\"groups\":[\"kube-policies:breakglass\"],\"username_prefixes\":[\"system:serviceaccount:bg:\"],"
        + "\"usernames\":[]}", Json.write(AllowlistData.breakglass(ALLOWLIST)));
    assertEquals("{\"namespaces\":[\"kube-system\"],\"service_accounts\":[\"kube-system/kube-proxy\"],"
        + "\"workloads\":[\"calico-system/DaemonSet/calico-node\"]}", Json.write(AllowlistData.critical(ALLOWLIST)));
  }

  @Test
  void writesAnEmptyAllowlistAsEmptyParts() {
    Allowlist empty = Allowlist.empty("prod");
    assertEquals("{}", Json.write(AllowlistData.exceptions(empty)));
    assertEquals("{\"groups\":[],\"username_prefixes\":[],\"usernames\":[]}", Json.write(AllowlistData.breakglass(empty)));
    assertEquals("{\"namespaces\":[],\"service_accounts\":[],\"workloads\":[]}", Json.write(AllowlistData.critical(empty)));
  }
}
