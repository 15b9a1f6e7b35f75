package io.kubepolicies.allowlists;

import java.time.Duration;

/** An exception that has expired or soon will; {@code left} is negative once it has. */
public record ExpiryNotice(String file, AllowlistEntry entry, Duration left) {

  public boolean expired() {
    return left.isNegative() || left.isZero();
  }

  /** One line for a person: where, what, who owns it and when it ends. */
  @Override
  public String toString() {
    String when = expired()
        ? "expired " + entry.expiresText() + " and no longer applies"
        : "expires " + entry.expiresText() + " (" + inWords(left) + ")";
    return file + ":" + entry.line() + ": exception for policy " + entry.policy() + " in namespace "
        + entry.namespace() + " (containers " + String.join(", ", entry.containers()) + ", owner "
        + entry.owner() + ") " + when;
  }

  private static String inWords(Duration left) {
    long days = left.toDays();
    if (days >= 1) {
      return "in " + days + (days == 1 ? " day" : " days");
    }
    long hours = left.toHours();
    return hours >= 1 ? "in " + hours + (hours == 1 ? " hour" : " hours") : "in less than an hour";
  }
}
