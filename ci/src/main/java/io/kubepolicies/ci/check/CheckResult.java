package io.kubepolicies.ci.check;

import io.kubepolicies.enforcer.decision.Decision;
import io.kubepolicies.enforcer.decision.Finding;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the enforcer would answer for creating one resource: the mutating webhook's decision, then
 * the validating webhook's decision on the object as patched (the API server runs them in that order).
 *
 * @param namespace the namespace the resource is created in
 * @param patched the manifest with the patch-mode operations applied (the manifest itself when there are none)
 * @param error why the patches could not be applied, if they could not
 */
public record CheckResult(Resource resource, String namespace, Decision mutation, Decision validation,
    ObjectValue patched, Optional<String> error) {

  /**
   * Why the answer is what it is: an exemption or failure of either webhook, else {@code EVALUATED}
   * when any policy fired (patches included) and {@code DEFAULT_ALLOW} when none did.
   */
  public Decision.Outcome outcome() {
    for (Decision decision : List.of(mutation, validation)) {
      if (decision.outcome() != Decision.Outcome.EVALUATED && decision.outcome() != Decision.Outcome.DEFAULT_ALLOW) {
        return decision.outcome();
      }
    }
    boolean quiet = mutation.outcome() == Decision.Outcome.DEFAULT_ALLOW
        && validation.outcome() == Decision.Outcome.DEFAULT_ALLOW;
    return quiet ? Decision.Outcome.DEFAULT_ALLOW : Decision.Outcome.EVALUATED;
  }

  /** The matched critical or breakglass identity types, when an exemption decided. */
  public String exemption() {
    return validation.exemption() != null ? validation.exemption() : mutation.exemption();
  }

  public boolean allowed() {
    return mutation.allowed() && validation.allowed() && error.isEmpty();
  }

  public List<Finding> denied() {
    return validation.denied();
  }

  public List<Finding> warned() {
    return validation.warned();
  }

  public List<Finding> monitored() {
    return validation.monitored();
  }

  /** Patch-mode operations, each with the policy that wants it. */
  public List<Value> patches() {
    return mutation.patch();
  }

  /** Dryrun-mode operations: what would be patched. */
  public List<Value> dryrun() {
    return mutation.dryrun();
  }

  /** Evaluation errors of either webhook and a patch that does not apply, in that order. */
  public List<String> errors() {
    List<String> errors = new ArrayList<>();
    Optional.ofNullable(mutation.error()).ifPresent(e -> errors.add("mutating: " + e));
    error.ifPresent(errors::add);
    Optional.ofNullable(validation.error()).ifPresent(e -> errors.add("validating: " + e));
    return errors;
  }
}
