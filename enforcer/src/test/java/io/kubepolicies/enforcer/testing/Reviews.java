package io.kubepolicies.enforcer.testing;

/** AdmissionReview requests as the kube-apiserver sends them. */
public final class Reviews {
  private Reviews() {}

  /** A Pod CREATE by a plain user. */
  public static String pod(String uid, String namespace, String labels, String spec) {
    return pod(uid, namespace, "alice", "[\"system:authenticated\"]", labels, spec, false);
  }

  public static String pod(String uid, String namespace, String user, String groups, String labels, String spec,
      boolean dryRun) {
    return """
        {"apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview", "request": {
          "uid": "%s", "kind": {"group": "", "version": "v1", "kind": "Pod"},
          "resource": {"group": "", "version": "v1", "resource": "pods"},
          "requestKind": {"group": "", "version": "v1", "kind": "Pod"},
          "requestResource": {"group": "", "version": "v1", "resource": "pods"},
          "name": "web", "namespace": "%s", "operation": "CREATE",
          "userInfo": {"username": "%s", "uid": "1", "groups": %s},
          "object": {"apiVersion": "v1", "kind": "Pod",
            "metadata": {"name": "web", "namespace": "%s", "labels": %s},
            "spec": %s},
          "oldObject": null, "dryRun": %s,
          "options": {"apiVersion": "meta.k8s.io/v1", "kind": "CreateOptions"}}}"""
        .formatted(uid, namespace, user, groups, namespace, labels, spec, dryRun);
  }

  /** A compliant container spec: a pinned image with a security context. */
  public static final String GOOD_SPEC = """
      {"securityContext": {"runAsNonRoot": true}, "containers": [{"name": "app", "image": "registry.example/app:1.4.2",
        "securityContext": {"readOnlyRootFilesystem": true}}]}""";

  /** A container on the latest tag: the test policy denies it. */
  public static final String LATEST_SPEC = """
      {"securityContext": {"runAsNonRoot": true}, "containers": [{"name": "app", "image": "nginx:latest",
        "securityContext": {"readOnlyRootFilesystem": true}}]}""";
}
