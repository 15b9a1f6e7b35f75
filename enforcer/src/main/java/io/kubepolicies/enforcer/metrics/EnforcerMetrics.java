package io.kubepolicies.enforcer.metrics;

import io.kubepolicies.enforcer.bundle.ActiveBundle;
import io.kubepolicies.enforcer.bundle.BundleFailure;
import io.kubepolicies.enforcer.decision.Decision;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;

/** The enforcer's Prometheus metrics (names and labels: {@code docs/enforcer.md}), in a registry of its own. */
public final class EnforcerMetrics {
  private static final double NANOS_PER_SECOND = 1e9;
  // Sub-millisecond resolution at the low end: most decisions take well under a millisecond.
  private static final double[] LATENCY_BUCKETS = {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
      0.1, 0.25, 0.5, 1, 2.5, 5};

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
  private final Counter requests = Counter.builder().name("kube_policies_requests_total")
      .help("Admission requests by endpoint, decision (allowed, denied, invalid) and HTTP status code")
      .labelNames("endpoint", "decision", "code").register(registry);
  private final Counter decisions = Counter.builder().name("kube_policies_decisions_total")
      .help("Decisions by webhook and outcome (evaluated, default_allow, critical, breakglass, fail_open, fail_closed)")
      .labelNames("webhook", "outcome").register(registry);
  private final Counter ruleMatches = Counter.builder().name("kube_policies_rule_matches_total")
      .help("Requests a rule fired on, by rule and mode (deny, warn, monitor, patch, dryrun)")
      .labelNames("rule", "mode").register(registry);
  private final Counter breakglass = Counter.builder().name("kube_policies_breakglass_uses_total")
      .help("Requests let through by the breakglass allowlist, by webhook").labelNames("webhook").register(registry);
  private final Counter failureMode = Counter.builder().name("kube_policies_failure_mode_decisions_total")
      .help("Requests decided by the failure mode after an evaluation error, an overrun deadline or no bundle, by mode")
      .labelNames("webhook", "mode").register(registry);
  private final Counter dryRuns = Counter.builder().name("kube_policies_dry_run_requests_total")
      .help("Requests marked dryRun by the API server, by webhook").labelNames("webhook").register(registry);
  private final Histogram evaluation = Histogram.builder().name("kube_policies_evaluation_duration_seconds")
      .help("Time spent evaluating the policies of one request").classicOnly()
      .classicUpperBounds(LATENCY_BUCKETS).labelNames("webhook").register(registry);
  private final Histogram requestLatency = Histogram.builder().name("kube_policies_request_duration_seconds")
      .help("Time from receiving an admission request to having answered it").classicOnly()
      .classicUpperBounds(LATENCY_BUCKETS).labelNames("endpoint").register(registry);
  private final Info bundleInfo = Info.builder().name("kube_policies_bundle")
      .help("The active bundle").labelNames("environment", "revision", "sequence").register(registry);
  private final Gauge bundleSequence = Gauge.builder().name("kube_policies_bundle_sequence")
      .help("Sequence of the active bundle (-1: none)").register(registry);
  private final Gauge lastActivation = Gauge.builder().name("kube_policies_bundle_last_activation_timestamp_seconds")
      .help("When a bundle was last activated (Unix time; 0: never)").register(registry);
  private final Counter bundleFailures = Counter.builder().name("kube_policies_bundle_failures_total")
      .help("Bundle fetches and activations that failed, by reason").labelNames("reason").register(registry);
  private final Counter polls = Counter.builder().name("kube_policies_bundle_polls_total")
      .help("Polls of the bundle pointer by result (not_modified, unchanged, activated, rejected, failed)")
      .labelNames("result").register(registry);
  private final Counter tlsReloads = Counter.builder().name("kube_policies_tls_reloads_total")
      .help("Reloads of the serving certificate after its files changed, by result").labelNames("result")
      .register(registry);
  private final Counter logDropped = Counter.builder().name("kube_policies_decision_log_dropped_total")
      .help("Decision log lines dropped because the writer fell behind").register(registry);

  public EnforcerMetrics() {
    bundleSequence.set(-1);
    for (BundleFailure reason : BundleFailure.values()) {
      bundleFailures.labelValues(reason.label());
    }
  }

  public void request(String endpoint, String decision, int code, long nanos) {
    requests.labelValues(endpoint, decision, Integer.toString(code)).inc();
    requestLatency.labelValues(endpoint).observe(nanos / NANOS_PER_SECOND);
  }

  public void decided(Decision d) {
    String webhook = d.webhook().entrypoint();
    decisions.labelValues(webhook, d.outcome().label()).inc();
    if (d.dryRunRequest()) {
      dryRuns.labelValues(webhook).inc();
    }
    switch (d.outcome()) {
      case BREAKGLASS -> breakglass.labelValues(webhook).inc();
      case FAIL_OPEN -> failureMode.labelValues(webhook, "open").inc();
      case FAIL_CLOSED -> failureMode.labelValues(webhook, "closed").inc();
      case EVALUATED, DEFAULT_ALLOW -> evaluation.labelValues(webhook).observe(d.evaluationNanos() / NANOS_PER_SECOND);
      case CRITICAL -> { }
    }
    d.rulesByMode().forEach((mode, rules) -> rules.forEach(rule -> ruleMatches.labelValues(rule, mode).inc()));
  }

  public void bundleActivated(ActiveBundle b) {
    bundleInfo.setLabelValues(b.environment(), b.revision(), Long.toString(b.sequence()));
    bundleSequence.set(b.sequence());
    lastActivation.set(b.activatedAt().toEpochMilli() / 1000.0);
  }

  public void bundleFailed(BundleFailure reason) {
    bundleFailures.labelValues(reason.label()).inc();
  }

  public void polled(String result) {
    polls.labelValues(result).inc();
  }

  public void tlsReloaded(boolean ok) {
    tlsReloads.labelValues(ok ? "ok" : "failed").inc();
  }

  public void decisionLogDropped() {
    logDropped.inc();
  }

  public String contentType() {
    return writer.getContentType();
  }

  public void scrape(OutputStream out) throws IOException {
    writer.write(out, registry.scrape());
  }
}
