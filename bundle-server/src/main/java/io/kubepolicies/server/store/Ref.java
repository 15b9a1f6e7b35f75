package io.kubepolicies.server.store;

/** One publication: a sequence of an environment and the revision it carries. */
public record Ref(String environment, long sequence, String revision) {
  @Override
  public String toString() {
    return environment + "#" + sequence + " (" + revision + ")";
  }
}
