package io.kubepolicies.enforcer.decision;

/** What an evaluation error or an overrun deadline decides: allow (fail open) or deny (fail closed). */
public enum FailureMode {
  OPEN,
  CLOSED
}
