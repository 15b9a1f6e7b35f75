package io.kubepolicies.allowlists;

import java.time.Instant;
import java.util.List;

/**
 * One exception: {@code policy} does not apply to {@code containers} (or to any container, {@code "*"})
 * in {@code namespace} until {@code expires}.
 *
 * @param expiresText the expiry as written in the file
 * @param line the line the exception starts on in its file (0 when not read from a file)
 */
public record AllowlistEntry(String policy, String namespace, List<String> containers, String owner, String reason,
    Instant expires, String expiresText, int line) {

  public static final String ANY_CONTAINER = "*";

  public AllowlistEntry {
    containers = List.copyOf(containers);
  }
}
