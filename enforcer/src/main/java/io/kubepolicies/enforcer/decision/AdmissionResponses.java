package io.kubepolicies.enforcer.decision;

import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Writes a Decision as the {@code admission.k8s.io/v1} AdmissionReview the kube-apiserver expects. */
public final class AdmissionResponses {
  private AdmissionResponses() {}

  public static ObjectValue render(Decision d) {
    return render(d, Map.of());
  }

  /** The same, with {@code extraAnnotations} (e.g. the bundle revision that decided) after the decision's own. */
  public static ObjectValue render(Decision d, Map<String, String> extraAnnotations) {
    ObjectValue.Builder response = ObjectValue.builder()
        .put("uid", StringValue.of(d.uid()))
        .put("allowed", BooleanValue.of(d.allowed()));
    if (!d.allowed()) {
      response.put("status", ObjectValue.builder()
          .put("code", NumberValue.of(403))
          .put("reason", StringValue.of("Forbidden"))
          .put("message", StringValue.of(d.denialMessage()))
          .build());
    }
    List<String> warnings = d.warnings();
    if (!warnings.isEmpty()) {
      response.put("warnings", ArrayValue.of(warnings.stream().map(w -> (Value) StringValue.of(w)).toList()));
    }
    if (!d.patch().isEmpty()) {
      byte[] patch = Json.write(ArrayValue.of(Decision.operations(d.patch()))).getBytes(StandardCharsets.UTF_8);
      response.put("patchType", StringValue.of("JSONPatch"));
      response.put("patch", StringValue.of(Base64.getEncoder().encodeToString(patch)));
    }
    ObjectValue.Builder annotations = ObjectValue.builder();
    d.auditAnnotations().forEach((k, v) -> annotations.put(k, StringValue.of(v)));
    extraAnnotations.forEach((k, v) -> annotations.put(k, StringValue.of(v)));
    ObjectValue built = annotations.build();
    if (!built.isEmpty()) {
      response.put("auditAnnotations", built);
    }
    return ObjectValue.builder()
        .put("apiVersion", StringValue.of(AdmissionReview.API_VERSION))
        .put("kind", StringValue.of("AdmissionReview"))
        .put("response", response.build())
        .build();
  }
}
