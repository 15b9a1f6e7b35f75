package io.kubepolicies.enforcer.decision;

import io.kubepolicies.rego.Policy;
import io.kubepolicies.rego.PreparedQuery;
import io.kubepolicies.rego.RegoException;
import io.kubepolicies.rego.ast.Module;
import io.kubepolicies.rego.ast.RegoVersion;
import io.kubepolicies.rego.syntax.Parser;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.signing.bundle.Bundle;
import io.kubepolicies.signing.bundle.ModuleFile;
import io.kubepolicies.rego.builtins.Builtins;
import io.kubepolicies.rego.eval.EvalOptions;
import io.kubepolicies.rego.eval.QueryResult;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an AdmissionReview into a Decision: the one decision path shared by the enforcer's
 * webhooks and {@code kube-policies check}. Compiled once per bundle and then shared, read-only,
 * by all request threads.
 *
 * <p>Order of checks: the critical allowlist (never denied, never mutated), the breakglass
 * allowlist (bypass), then the policies ({@code data.validating} or {@code data.mutating}). A
 * request no policy fires on is a {@code default-allow}. Anything that keeps the policies from
 * deciding decides by the failure mode.
 */
public final class Decider {
  private static final Logger LOG = LoggerFactory.getLogger(Decider.class);

  private final Map<Webhook, PreparedQuery> queries;
  private final Exemptions exemptions;

  private Decider(Map<Webhook, PreparedQuery> queries, Exemptions exemptions) {
    this.queries = queries;
    this.exemptions = exemptions;
  }

  /**
   * Compiles a bundle as it will be enforced: each module parsed in its manifest's Rego version,
   * with the bundle's merged data. Throws {@link RegoException} when it does not compile.
   */
  public static Decider compile(Bundle bundle) {
    List<Module> modules = new ArrayList<>();
    for (ModuleFile file : bundle.modules()) {
      RegoVersion version = file.regoVersion().orElse(1) == 0 ? RegoVersion.V0 : RegoVersion.V1;
      modules.add(Parser.parseModule(file.path(), file.source(), version));
    }
    Value data = Json.parse(bundle.data().toBytes());
    return compile(modules, data instanceof ObjectValue o ? o : ObjectValue.EMPTY);
  }

  /** Compiles modules and data; throws {@link RegoException} when they do not compile. */
  public static Decider compile(List<Module> modules, ObjectValue data) {
    Policy policy = Policy.compile(modules, data, Builtins.standard());
    Map<Webhook, PreparedQuery> queries = new EnumMap<>(Webhook.class);
    for (Webhook webhook : Webhook.values()) {
      queries.put(webhook, policy.prepare("x := data." + webhook.entrypoint()));
    }
    return new Decider(queries, Exemptions.from(data));
  }

  /**
   * Decides one request. {@code deadlineNanos} is a {@link System#nanoTime()} instant (0 = none).
   * Whatever stops the policies from deciding (an evaluation error, the deadline passing, malformed
   * policy output, a defect) decides by {@code failureMode}; this never throws.
   */
  public Decision decide(AdmissionReview review, Webhook webhook, FailureMode failureMode, long deadlineNanos) {
    try {
      return judge(review, webhook, failureMode, deadlineNanos);
    } catch (RuntimeException | StackOverflowError e) {
      // A defect or a pathological input must still get the answer the operator chose.
      LOG.error("evaluation of request {} failed unexpectedly", review.uid(), e);
      return Decision.failed(review, webhook, failureMode, "internal error: " + e);
    }
  }

  private Decision judge(AdmissionReview review, Webhook webhook, FailureMode failureMode, long deadlineNanos) {
    String critical = exemptions.critical(review);
    if (critical != null) {
      return exempt(review, webhook, Decision.Outcome.CRITICAL, critical);
    }
    String breakglass = exemptions.breakglass(review);
    if (breakglass != null) {
      return exempt(review, webhook, Decision.Outcome.BREAKGLASS, breakglass);
    }
    long start = System.nanoTime();
    ObjectValue sets;
    try {
      EvalOptions options = EvalOptions.of(review.input()).withStrictBuiltinErrors(true).withDeadline(deadlineNanos);
      QueryResult result = queries.get(webhook).eval(options);
      if (result.error() != null) {
        throw new RegoException(result.error());
      }
      sets = result.rows().isEmpty() || !(result.rows().get(0).bindings().get("x") instanceof ObjectValue o)
          ? ObjectValue.EMPTY : o;
    } catch (RegoException e) {
      return Decision.failed(review, webhook, failureMode, e.first().toString());
    }
    try {
      return webhook == Webhook.VALIDATING
          ? validated(review, sets, System.nanoTime() - start)
          : mutated(review, sets, System.nanoTime() - start);
    } catch (IllegalStateException e) {
      return Decision.failed(review, webhook, failureMode, e.getMessage());
    }
  }

  private static Decision validated(AdmissionReview review, ObjectValue sets, long nanos) {
    List<Finding> denied = findings(sets.get("deny"));
    List<Finding> warned = findings(sets.get("warn"));
    List<Finding> monitored = findings(sets.get("monitor"));
    boolean quiet = denied.isEmpty() && warned.isEmpty() && monitored.isEmpty();
    return new Decision(review.uid(), Webhook.VALIDATING, denied.isEmpty(),
        quiet ? Decision.Outcome.DEFAULT_ALLOW : Decision.Outcome.EVALUATED, denied, warned, monitored, List.of(),
        List.of(), null, null, review.dryRun(), nanos);
  }

  private static Decision mutated(AdmissionReview review, ObjectValue sets, long nanos) {
    List<Value> patch = Patches.checked(members(sets.get("patch")));
    List<Value> dryrun = Patches.checked(members(sets.get("dryrun")));
    boolean quiet = patch.isEmpty() && dryrun.isEmpty();
    return new Decision(review.uid(), Webhook.MUTATING, true,
        quiet ? Decision.Outcome.DEFAULT_ALLOW : Decision.Outcome.EVALUATED, List.of(), List.of(), List.of(), patch,
        dryrun, null, null, review.dryRun(), nanos);
  }

  private static Decision exempt(AdmissionReview review, Webhook webhook, Decision.Outcome outcome, String matched) {
    return new Decision(review.uid(), webhook, true, outcome, List.of(), List.of(), List.of(), List.of(), List.of(),
        matched, null, review.dryRun(), 0);
  }

  private static List<Value> members(Value set) {
    return set instanceof SetValue s ? s.sorted() : List.of();
  }

  /** {@code {"policy", "message"}} objects; anything else in the set is a broken policy. */
  private static List<Finding> findings(Value set) {
    List<Finding> out = new ArrayList<>();
    for (Value v : members(set)) {
      if (!(v instanceof ObjectValue o) || !(o.get("policy") instanceof StringValue p)
          || !(o.get("message") instanceof StringValue m)) {
        throw new IllegalStateException("validating policy produced a malformed finding: " + v);
      }
      out.add(new Finding(p.value(), m.value()));
    }
    return out;
  }
}
