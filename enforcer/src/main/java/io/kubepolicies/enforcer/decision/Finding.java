package io.kubepolicies.enforcer.decision;

/** One policy's complaint about a resource: {@code policy} is the control's id. */
public record Finding(String policy, String message) {
  /**
   * How findings appear in annotations and warnings: {@code policy: message}. The library's
   * messages already start with their rule's id; those are not prefixed twice.
   */
  @Override
  public String toString() {
    return message.startsWith(policy + ": ") ? message : policy + ": " + message;
  }
}
