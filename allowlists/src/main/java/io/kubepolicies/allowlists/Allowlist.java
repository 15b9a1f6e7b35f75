package io.kubepolicies.allowlists;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One environment's allowlist file, checked.
 *
 * @param file where it was read from, as named to the loader ("" when built in code)
 */
public record Allowlist(String file, String environment, List<AllowlistEntry> entries, Breakglass breakglass,
    Critical critical) {

  public Allowlist {
    entries = List.copyOf(entries);
  }

  /** No exceptions, no breakglass identities, nothing critical. */
  public static Allowlist empty(String environment) {
    return new Allowlist("", environment, List.of(), Breakglass.NONE, Critical.NONE);
  }

  /** The exceptions that have expired by {@code now} or expire within {@code window} after it, soonest first. */
  public List<ExpiryNotice> expiringWithin(Duration window, Instant now) {
    Instant horizon = now.plus(window);
    return entries.stream()
        .filter(entry -> entry.expires().isBefore(horizon))
        .sorted((a, b) -> a.expires().compareTo(b.expires()))
        .map(entry -> new ExpiryNotice(file, entry, Duration.between(now, entry.expires())))
        .toList();
  }
}
