package io.kubepolicies.ci.check;

import io.kubepolicies.enforcer.decision.AdmissionReview;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.NullValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Wraps a manifest's object in the AdmissionReview the API server would send for creating it: the
 * namespace filled in ({@code default} when the manifest names none, as {@code kubectl apply} does),
 * group/version/kind and resource from the object, and an ordinary authenticated user.
 */
final class AdmissionRequests {
  static final String DEFAULT_NAMESPACE = "default";
  static final String USERNAME = "kube-policies-check";

  /** Kinds without a namespace, among those a manifest commonly holds. */
  private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "Node", "PersistentVolume", "ClusterRole",
      "ClusterRoleBinding", "CustomResourceDefinition", "StorageClass", "PriorityClass", "RuntimeClass", "IngressClass",
      "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "ValidatingAdmissionPolicy",
      "ValidatingAdmissionPolicyBinding", "APIService", "CSIDriver", "CSINode", "VolumeAttachment");

  private static final StringValue REQUEST = StringValue.of("request");
  private static final StringValue OBJECT = StringValue.of("object");

  private AdmissionRequests() {}

  /** The namespace the object is created in; empty for cluster-scoped kinds. */
  static String namespaceOf(Resource resource) {
    if (resource.review().isPresent()) {
      return resource.namespace();
    }
    if (CLUSTER_SCOPED.contains(resource.kind())) {
      return "";
    }
    return resource.namespace().isEmpty() ? DEFAULT_NAMESPACE : resource.namespace();
  }

  /**
   * The review of {@code object} (the resource's own, or a patched one): the recorded review with
   * that object, or a CREATE review of it.
   */
  static Value review(Resource resource, ObjectValue object) {
    return resource.review()
        .map(review -> (Value) review.with(REQUEST, ((ObjectValue) review.get(REQUEST)).with(OBJECT, object)))
        .orElseGet(() -> create(resource, object));
  }

  private static Value create(Resource resource, ObjectValue object) {
    String namespace = namespaceOf(resource);
    ObjectValue placed = namespace.isEmpty() ? object : object.with(StringValue.of("metadata"),
        metadata(object).with(StringValue.of("namespace"), StringValue.of(namespace)));
    GroupVersion groupVersion = GroupVersion.of(resource.apiVersion());
    ObjectValue kind = ObjectValue.builder()
        .put("group", StringValue.of(groupVersion.group()))
        .put("version", StringValue.of(groupVersion.version()))
        .put("kind", StringValue.of(resource.kind()))
        .build();
    ObjectValue request = ObjectValue.builder()
        .put("uid", StringValue.of(uid(resource)))
        .put("kind", kind)
        .put("resource", ObjectValue.builder()
            .put("group", StringValue.of(groupVersion.group()))
            .put("version", StringValue.of(groupVersion.version()))
            .put("resource", StringValue.of(plural(resource.kind())))
            .build())
        .put("requestKind", kind)
        .put("name", StringValue.of(resource.name()))
        .put("namespace", StringValue.of(namespace))
        .put("operation", StringValue.of("CREATE"))
        .put("userInfo", ObjectValue.builder()
            .put("username", StringValue.of(USERNAME))
            .put("groups", ArrayValue.of(StringValue.of("system:authenticated")))
            .build())
        .put("object", placed)
        .put("oldObject", NullValue.NULL)
        .put("dryRun", BooleanValue.FALSE)
        .put("options", ObjectValue.builder()
            .put("apiVersion", StringValue.of("meta.k8s.io/v1"))
            .put("kind", StringValue.of("CreateOptions"))
            .build())
        .build();
    return ObjectValue.builder()
        .put("apiVersion", StringValue.of(AdmissionReview.API_VERSION))
        .put("kind", StringValue.of("AdmissionReview"))
        .put("request", request)
        .build();
  }

  private static ObjectValue metadata(ObjectValue object) {
    return object.get("metadata") instanceof ObjectValue m ? m : ObjectValue.EMPTY;
  }

  /** An apiVersion split up: {@code apps/v1} is group apps, version v1; {@code v1} is the core group (""). */
  private record GroupVersion(String group, String version) {
    static GroupVersion of(String apiVersion) {
      int slash = apiVersion.indexOf('/');
      return slash < 0 ? new GroupVersion("", apiVersion)
          : new GroupVersion(apiVersion.substring(0, slash), apiVersion.substring(slash + 1));
    }
  }

  /** The resource name the API server uses for a kind: lower case, English plural. */
  private static String plural(String kind) {
    String lower = kind.toLowerCase(Locale.ROOT);
    if (lower.endsWith("s") || lower.endsWith("x") || lower.endsWith("ch") || lower.endsWith("sh")) {
      return lower + "es";
    }
    if (lower.endsWith("y") && !lower.matches(".*[aeiou]y")) {
      return lower.substring(0, lower.length() - 1) + "ies";
    }
    return lower + "s";
  }

  /** Stable per resource, so two runs over the same files produce the same reviews. */
  private static String uid(Resource resource) {
    String identity = resource.file() + "\n" + resource.kind() + "\n" + resource.namespace() + "\n" + resource.name();
    return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
