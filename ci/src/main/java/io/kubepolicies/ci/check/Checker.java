package io.kubepolicies.ci.check;

import io.kubepolicies.enforcer.decision.AdmissionReview;
import io.kubepolicies.enforcer.decision.Decider;
import io.kubepolicies.enforcer.decision.Decision;
import io.kubepolicies.enforcer.decision.FailureMode;
import io.kubepolicies.enforcer.decision.MalformedReviewException;
import io.kubepolicies.enforcer.decision.Webhook;
import io.kubepolicies.rego.builtins.jsonpath.JsonPatch;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.Value;
import java.util.Optional;

/**
 * Puts each resource through the enforcer's decision path as the API server would: the mutating
 * webhook first, its patches applied, then the validating webhook on the result. Evaluation errors
 * fail closed, so a broken policy shows up as a denial with its error.
 */
final class Checker {
  private final Decider decider;

  Checker(Decider decider) {
    this.decider = decider;
  }

  CheckResult check(Resource resource) {
    Decision mutation = decider.decide(review(resource, resource.object()), Webhook.MUTATING, FailureMode.CLOSED, 0);
    ObjectValue patched = resource.object();
    Optional<String> error = Optional.empty();
    if (!mutation.patch().isEmpty()) {
      Value applied = JsonPatch.apply(resource.object(), ArrayValue.of(Decision.operations(mutation.patch())));
      if (applied instanceof ObjectValue object) {
        patched = object;
      } else {
        error = Optional.of("the patch-mode operations do not apply to the object (RFC 6902)");
      }
    }
    Decision validation = decider.decide(review(resource, patched), Webhook.VALIDATING, FailureMode.CLOSED, 0);
    return new CheckResult(resource, AdmissionRequests.namespaceOf(resource), mutation, validation, patched, error);
  }

  private static AdmissionReview review(Resource resource, ObjectValue object) {
    try {
      return AdmissionReview.of(AdmissionRequests.review(resource, object));
    } catch (MalformedReviewException e) {
      throw new IllegalStateException("a review built or read here is always well formed", e);
    }
  }
}
