package io.kubepolicies.allowlists;

import java.util.List;

/** Identities whose requests bypass every policy (and are annotated as breakglass use). */
public record Breakglass(List<String> groups, List<String> usernames, List<String> usernamePrefixes) {
  public static final Breakglass NONE = new Breakglass(List.of(), List.of(), List.of());

  public Breakglass {
    groups = List.copyOf(groups);
    usernames = List.copyOf(usernames);
    usernamePrefixes = List.copyOf(usernamePrefixes);
  }
}
