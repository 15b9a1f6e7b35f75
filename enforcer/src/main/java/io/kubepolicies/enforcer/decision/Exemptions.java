package io.kubepolicies.enforcer.decision;

import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The two allowlists checked before any policy runs: the critical allowlist (workloads the cluster
 * and the guardrail itself need: never denied, never mutated) and the breakglass allowlist
 * (operators who may bypass the policies). Read once per bundle from
 * {@code data.kube_policies.config}; lookups are hash lookups except username prefixes.
 */
final class Exemptions {
  private static final String SERVICE_ACCOUNT_PREFIX = "system:serviceaccount:";

  private final Set<String> criticalNamespaces;
  private final Set<String> criticalServiceAccounts;
  private final Set<String> criticalWorkloads;
  private final Set<String> breakglassGroups;
  private final Set<String> breakglassUsers;
  private final List<String> breakglassPrefixes;

  private Exemptions(ObjectValue critical, ObjectValue breakglass) {
    criticalNamespaces = strings(critical, "namespaces");
    criticalServiceAccounts = strings(critical, "service_accounts");
    criticalWorkloads = strings(critical, "workloads");
    breakglassGroups = strings(breakglass, "groups");
    breakglassUsers = strings(breakglass, "usernames");
    breakglassPrefixes = List.copyOf(strings(breakglass, "username_prefixes"));
  }

  /** From the bundle's {@code kube_policies.config}; missing parts mean nobody is exempt. */
  static Exemptions from(ObjectValue data) {
    ObjectValue config = object(object(data, "kube_policies"), "config");
    return new Exemptions(object(config, "critical"), object(config, "breakglass"));
  }

  private static ObjectValue object(ObjectValue o, String key) {
    return o.get(key) instanceof ObjectValue v ? v : ObjectValue.EMPTY;
  }

  private static Set<String> strings(ObjectValue o, String key) {
    Set<String> out = new HashSet<>();
    if (o.get(key) instanceof ArrayValue a) {
      for (Value v : a.elements()) {
        if (v instanceof StringValue s) {
          out.add(s.value());
        }
      }
    }
    return out;
  }

  /** What makes the request critical ({@code namespace}, {@code service_account}, {@code workload}), or null. */
  String critical(AdmissionReview r) {
    List<String> matched = new ArrayList<>();
    if (criticalNamespaces.contains(r.namespace())) {
      matched.add("namespace");
    }
    if (!criticalServiceAccounts.isEmpty() && isCriticalServiceAccount(r)) {
      matched.add("service_account");
    }
    if (!criticalWorkloads.isEmpty() && isCriticalWorkload(r)) {
      matched.add("workload");
    }
    return matched.isEmpty() ? null : String.join(",", matched);
  }

  /** The identity types that put the requester on the breakglass allowlist, or null. */
  String breakglass(AdmissionReview r) {
    List<String> matched = new ArrayList<>();
    for (String g : r.groups()) {
      if (breakglassGroups.contains(g)) {
        matched.add("group");
        break;
      }
    }
    if (breakglassUsers.contains(r.username())) {
      matched.add("username");
    }
    for (String prefix : breakglassPrefixes) {
      if (!prefix.isEmpty() && r.username().startsWith(prefix)) {
        matched.add("username_prefix");
        break;
      }
    }
    return matched.isEmpty() ? null : String.join(",", matched);
  }

  /** The requester or the workload's pod service account; the requester first, as it needs no walk of the object. */
  private boolean isCriticalServiceAccount(AdmissionReview r) {
    String requester = requesterServiceAccount(r);
    return requester != null && criticalServiceAccounts.contains(requester)
        || criticalServiceAccounts.contains(r.namespace() + "/" + serviceAccount(r));
  }

  private boolean isCriticalWorkload(AdmissionReview r) {
    if (criticalWorkloads.contains(r.namespace() + "/" + r.kind() + "/" + r.name())) {
      return true;
    }
    ObjectValue meta = r.object().get("metadata") instanceof ObjectValue m ? m : ObjectValue.EMPTY;
    if (meta.get("ownerReferences") instanceof ArrayValue owners) {
      for (Value owner : owners.elements()) {
        if (owner instanceof ObjectValue o && o.get("kind") instanceof StringValue k && o.get("name") instanceof StringValue n
            && criticalWorkloads.contains(r.namespace() + "/" + k.value() + "/" + n.value())) {
          return true;
        }
      }
    }
    return false;
  }

  /** The service account the workload's pods run as ({@code default} when unset). */
  private static String serviceAccount(AdmissionReview r) {
    ObjectValue spec = PodSpecs.of(r.kind(), r.object());
    if (spec != null && spec.get("serviceAccountName") instanceof StringValue s && !s.value().isEmpty()) {
      return s.value();
    }
    return "default";
  }

  /** {@code ns/name} when the requester is a service account, else null. */
  private static String requesterServiceAccount(AdmissionReview r) {
    String user = r.username();
    if (!user.startsWith(SERVICE_ACCOUNT_PREFIX)) {
      return null;
    }
    String rest = user.substring(SERVICE_ACCOUNT_PREFIX.length());
    int colon = rest.indexOf(':');
    return colon < 0 ? null : rest.substring(0, colon) + "/" + rest.substring(colon + 1);
  }
}
