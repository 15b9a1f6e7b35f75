package io.kubepolicies.allowlists;

import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An allowlist as the parts of {@code data.kube_policies.config} that Rego reads: {@code allowlist}
 * nested policy → namespace → container so that a lookup is two or three object accesses,
 * {@code breakglass} and {@code critical} as lists.
 */
public final class AllowlistData {
  private AllowlistData() {}

  /** {@code {policy: {namespace: {container or "*": {"expires_ns", "owner", "reason"}}}}}. */
  public static ObjectValue exceptions(Allowlist allowlist) {
    Map<String, Map<String, Map<String, Value>>> tree = new TreeMap<>();
    for (AllowlistEntry entry : allowlist.entries()) {
      Map<String, Value> byContainer = tree.computeIfAbsent(entry.policy(), p -> new TreeMap<>())
          .computeIfAbsent(entry.namespace(), n -> new TreeMap<>());
      ObjectValue terms = ObjectValue.builder()
          .put("expires_ns", NumberValue.of(Expiry.nanos(entry.expires())))
          .put("owner", StringValue.of(entry.owner()))
          .put("reason", StringValue.of(entry.reason()))
          .build();
      entry.containers().forEach(container -> byContainer.put(container, terms));
    }
    ObjectValue.Builder out = ObjectValue.builder();
    tree.forEach((policy, namespaces) -> {
      ObjectValue.Builder byNamespace = ObjectValue.builder();
      namespaces.forEach((namespace, containers) -> byNamespace.put(namespace, object(containers)));
      out.put(policy, byNamespace.build());
    });
    return out.build();
  }

  public static ObjectValue breakglass(Allowlist allowlist) {
    Breakglass breakglass = allowlist.breakglass();
    return ObjectValue.builder()
        .put("groups", strings(breakglass.groups()))
        .put("usernames", strings(breakglass.usernames()))
        .put("username_prefixes", strings(breakglass.usernamePrefixes()))
        .build();
  }

  public static ObjectValue critical(Allowlist allowlist) {
    Critical critical = allowlist.critical();
    return ObjectValue.builder()
        .put("namespaces", strings(critical.namespaces()))
        .put("service_accounts", strings(critical.serviceAccounts()))
        .put("workloads", strings(critical.workloads()))
        .build();
  }

  private static ObjectValue object(Map<String, Value> members) {
    ObjectValue.Builder out = ObjectValue.builder();
    members.forEach(out::put);
    return out.build();
  }

  private static ArrayValue strings(List<String> items) {
    return ArrayValue.of(items.stream().map(StringValue::of).toList());
  }
}
