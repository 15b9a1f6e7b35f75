package io.kubepolicies.enforcer.decision;

/** Which admission webhook asks: validating policies decide, mutating policies patch. */
public enum Webhook {
  VALIDATING("validating"),
  MUTATING("mutating");

  private final String entrypoint;

  Webhook(String entrypoint) {
    this.entrypoint = entrypoint;
  }

  /** The Rego package whose sets answer this webhook ({@code data.validating}, {@code data.mutating}). */
  public String entrypoint() {
    return entrypoint;
  }
}
