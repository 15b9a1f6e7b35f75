package io.kubepolicies.enforcer.decision;

import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What kube-policies answers for one admission request, and why. {@code patch} holds the RFC 6902
 * operations to apply (mutating, patch mode); {@code dryrun} the ones that would have been applied.
 * {@code exemption} names the matched identity types (breakglass) or what matched (critical).
 */
public record Decision(String uid, Webhook webhook, boolean allowed, Outcome outcome, List<Finding> denied,
    List<Finding> warned, List<Finding> monitored, List<Value> patch, List<Value> dryrun, String exemption,
    String error, boolean dryRunRequest, long evaluationNanos) {

  /** Why the answer is what it is. */
  public enum Outcome {
    /** The policies were evaluated and at least one fired. */
    EVALUATED,
    /** The request triggers no policy. */
    DEFAULT_ALLOW,
    /** The workload is on the critical allowlist: never denied, never mutated. */
    CRITICAL,
    /** The requester is on the breakglass allowlist: policies are bypassed. */
    BREAKGLASS,
    /** Evaluation failed and the failure mode is open. */
    FAIL_OPEN,
    /** Evaluation failed and the failure mode is closed. */
    FAIL_CLOSED;

    private final String label = name().toLowerCase(Locale.ROOT);

    /** The name metrics and the decision log use ({@code default_allow}). */
    public String label() {
      return label;
    }
  }

  public Decision {
    denied = List.copyOf(denied);
    warned = List.copyOf(warned);
    monitored = List.copyOf(monitored);
    patch = List.copyOf(patch);
    dryrun = List.copyOf(dryrun);
  }

  /**
   * The answer when the policies could not decide (an evaluation error, an overrun deadline, no
   * bundle at all): allowed or denied by {@code mode}, with {@code error} as the reason. Like an
   * exemption, it carries no evaluation time: only decisions the policies made are timed.
   */
  public static Decision failed(AdmissionReview review, Webhook webhook, FailureMode mode, String error) {
    boolean open = mode == FailureMode.OPEN;
    return new Decision(review.uid(), webhook, open, open ? Outcome.FAIL_OPEN : Outcome.FAIL_CLOSED,
        List.of(), List.of(), List.of(), List.of(), List.of(), null, error, review.dryRun(), 0);
  }

  /** The audit annotations of the response, as the design names them. */
  public Map<String, String> auditAnnotations() {
    Map<String, String> a = new LinkedHashMap<>();
    switch (outcome) {
      case CRITICAL -> a.put("critical", exemption);
      case BREAKGLASS -> a.put("breakglass_authorized", exemption);
      case DEFAULT_ALLOW -> a.put("default-allow", "request triggers no policy");
      case FAIL_OPEN -> a.put("failing-open", error);
      case FAIL_CLOSED -> a.put("failing-closed", error);
      case EVALUATED -> {
        List<Finding> all = new ArrayList<>(denied);
        all.addAll(warned);
        all.addAll(monitored);
        List<String> rules = all.stream().map(Finding::toString).collect(Collectors.toList());
        patchPolicies(patch).forEach(p -> rules.add(p + ": patch"));
        patchPolicies(dryrun).forEach(p -> rules.add(p + ": dryrun"));
        put(a, "all_rules", rules);
        put(a, "denied", denied.stream().map(Finding::toString).toList());
        put(a, "warned", warned.stream().map(Finding::toString).toList());
        put(a, "monitored", monitored.stream().map(Finding::toString).toList());
        if (!dryrun.isEmpty()) {
          a.put("dryrun_patch", Json.write(ArrayValue.of(operations(dryrun))));
        }
      }
    }
    return a;
  }

  private static void put(Map<String, String> a, String key, List<String> items) {
    if (!items.isEmpty()) {
      a.put(key, String.join(", ", items));
    }
  }

  /** The policies that contributed operations, in first-seen order. */
  private static List<String> patchPolicies(List<Value> ops) {
    return ops.stream().map(op -> Patches.policy(op)).distinct().toList();
  }

  /** The operations without their bookkeeping fields, ready to send as a JSON Patch. */
  public static List<Value> operations(List<Value> ops) {
    return ops.stream().map(Patches::operation).toList();
  }

  /** The warnings of the response: one per warn-mode finding. */
  public List<String> warnings() {
    return warned.stream().map(Finding::toString).toList();
  }

  /** The status message of a denial. */
  public String denialMessage() {
    if (outcome == Outcome.FAIL_CLOSED) {
      return "kube-policies could not evaluate the request and fails closed: " + error;
    }
    return "denied by kube-policies: " + denied.stream().map(Finding::toString).collect(Collectors.joining("; "));
  }

  /**
   * The policies that fired, by mode ({@code deny}, {@code warn}, {@code monitor}, {@code patch},
   * {@code dryrun}), each once in first-seen order; modes nothing fired in are left out.
   */
  public Map<String, List<String>> rulesByMode() {
    Map<String, List<String>> byMode = new LinkedHashMap<>();
    putIfAny(byMode, "deny", findingPolicies(denied));
    putIfAny(byMode, "warn", findingPolicies(warned));
    putIfAny(byMode, "monitor", findingPolicies(monitored));
    putIfAny(byMode, "patch", patchPolicies(patch));
    putIfAny(byMode, "dryrun", patchPolicies(dryrun));
    return byMode;
  }

  private static void putIfAny(Map<String, List<String>> byMode, String mode, List<String> rules) {
    if (!rules.isEmpty()) {
      byMode.put(mode, rules);
    }
  }

  private static List<String> findingPolicies(List<Finding> findings) {
    return findings.stream().map(Finding::policy).distinct().toList();
  }

  /** Every policy that fired, in any mode, each once (for the decision log). */
  public List<String> rules() {
    return rulesByMode().values().stream().flatMap(List::stream).distinct().toList();
  }
}
