package io.kubepolicies.allowlists;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpiryNoticeTest {
  private static final Instant NOW = Instant.parse("2027-01-20T12:00:00Z");
  private static final Duration TWO_WEEKS = Duration.ofDays(14);

  private static AllowlistEntry entry(String policy, String expires, int line) {
    Instant at = expires.length() == 10 ? Instant.parse(expires + "T00:00:00Z") : Instant.parse(expires);
    return new AllowlistEntry(policy, "monitoring", List.of("node-exporter"), "team-observability", "OPS-1", at, expires, line);
  }

  private static List<String> notices(AllowlistEntry... entries) {
    Allowlist allowlist = new Allowlist("allowlists/prod.yaml", "prod", List.of(entries), Breakglass.NONE, Critical.NONE);
    return allowlist.expiringWithin(TWO_WEEKS, NOW).stream().map(ExpiryNotice::toString).toList();
  }

  @Test
  void listsExceptionsEndingWithinTheWindowSoonestFirst() {
    assertEquals(List.of(
            "allowlists/prod.yaml:9: exception for policy b in namespace monitoring (containers node-exporter, "
                + "owner team-observability) expires 2027-01-23 (in 2 days)",
            "allowlists/prod.yaml:3: exception for policy a in namespace monitoring (containers node-exporter, "
                + "owner team-observability) expires 2027-02-03 (in 13 days)"),
        notices(entry("a", "2027-02-03", 3), entry("b", "2027-01-23", 9), entry("c", "2027-02-04", 15)));
  }

  @Test
  void reportsExpiredExceptions() {
    assertEquals(List.of("allowlists/prod.yaml:3: exception for policy a in namespace monitoring (containers node-exporter, "
            + "owner team-observability) expired 2027-01-20 and no longer applies"),
        notices(entry("a", "2027-01-20", 3)));
  }

  @Test
  void countsTheLastDayInHours() {
    assertEquals(List.of("allowlists/prod.yaml:3: exception for policy a in namespace monitoring (containers node-exporter, "
            + "owner team-observability) expires 2027-01-21T01:00:00Z (in 13 hours)"),
        notices(entry("a", "2027-01-21T01:00:00Z", 3)));
  }

  @Test
  void leavesOutExceptionsEndingExactlyAtTheWindowsEdge() {
    assertEquals(List.of(), notices(entry("a", "2027-02-03T12:00:00Z", 3)));
  }
}
