package io.kubepolicies.ci.check;

import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import java.util.Optional;

/**
 * One Kubernetes object read from a manifest, or from an AdmissionReview (a recorded request,
 * replayed as it is).
 *
 * @param file the file as named on the command line (or found under a directory named there)
 * @param review the AdmissionReview the object came in, if it came in one
 */
public record Resource(String file, ObjectValue object, Optional<ObjectValue> review) {

  public static Resource manifest(String file, ObjectValue object) {
    return new Resource(file, object, Optional.empty());
  }

  public String kind() {
    return text(object, "kind");
  }

  public String apiVersion() {
    return text(object, "apiVersion");
  }

  public String name() {
    return text(metadata(), "name");
  }

  /** The namespace the request or the manifest names; empty when neither names one. */
  public String namespace() {
    String requested = review.map(r -> r.get(StringValue.of("request")) instanceof ObjectValue request
        ? text(request, "namespace") : "").orElse("");
    return requested.isEmpty() ? text(metadata(), "namespace") : requested;
  }

  private ObjectValue metadata() {
    return object.get("metadata") instanceof ObjectValue m ? m : ObjectValue.EMPTY;
  }

  private static String text(ObjectValue o, String key) {
    return o.get(key) instanceof StringValue s ? s.value() : "";
  }
}
