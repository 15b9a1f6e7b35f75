package io.kubepolicies.allowlists;

import java.util.List;

/**
 * What is never denied and never mutated, so the cluster and the guardrail itself can always be
 * repaired: whole namespaces, service accounts ({@code ns/name}) and workloads ({@code ns/Kind/name}).
 */
public record Critical(List<String> namespaces, List<String> serviceAccounts, List<String> workloads) {
  public static final Critical NONE = new Critical(List.of(), List.of(), List.of());

  public Critical {
    namespaces = List.copyOf(namespaces);
    serviceAccounts = List.copyOf(serviceAccounts);
    workloads = List.copyOf(workloads);
  }
}
