package io.kubepolicies.enforcer.decision;

import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.Value;

/** Where each pod-bearing kind keeps its pod spec. */
final class PodSpecs {
  private PodSpecs() {}

  /** The pod spec of a Pod, a workload, a CronJob or a PodTemplate; null for other kinds. */
  static ObjectValue of(String kind, ObjectValue object) {
    return switch (kind) {
      case "Pod" -> at(object, "spec");
      case "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "ReplicationController" ->
          at(object, "spec", "template", "spec");
      case "CronJob" -> at(object, "spec", "jobTemplate", "spec", "template", "spec");
      case "PodTemplate" -> at(object, "template", "spec");
      default -> null;
    };
  }

  private static ObjectValue at(ObjectValue o, String... path) {
    Value v = o;
    for (String key : path) {
      if (!(v instanceof ObjectValue obj)) {
        return null;
      }
      v = obj.get(key);
    }
    return v instanceof ObjectValue result ? result : null;
  }
}
