package io.kubepolicies.signing.signature;

/**
 * Where and in which order a bundle is published: the {@code environment} it is for and its
 * {@code sequence} there, which the publisher only ever increases. Rolling back means publishing the
 * older content under a new, higher sequence.
 */
public record Publication(String environment, long sequence) {
  public Publication {
    if (environment.isEmpty()) {
      throw new IllegalArgumentException("the environment must not be empty");
    }
    if (sequence < 0) {
      throw new IllegalArgumentException("the sequence must not be negative");
    }
  }
}
