package io.kubepolicies.enforcer.server;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.kubepolicies.enforcer.bundle.ActiveBundle;
import io.kubepolicies.enforcer.config.AdmissionConfig;
import io.kubepolicies.enforcer.decision.AdmissionResponses;
import io.kubepolicies.enforcer.decision.AdmissionReview;
import io.kubepolicies.enforcer.decision.Decision;
import io.kubepolicies.enforcer.decision.MalformedReviewException;
import io.kubepolicies.enforcer.decision.Webhook;
import io.kubepolicies.enforcer.log.DecisionLog;
import io.kubepolicies.enforcer.log.DecisionRecord;
import io.kubepolicies.enforcer.metrics.EnforcerMetrics;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One admission webhook: reads the AdmissionReview (refusing an oversized or malformed one with a
 * JSON message, never a stack trace), decides on the bundle active when the request arrived, and
 * answers with the review's uid. Whatever goes wrong while deciding is decided by the failure mode.
 */
final class AdmissionEndpoint implements Handler {
  /** The audit annotation naming the bundle revision that decided. */
  static final String REVISION_ANNOTATION = "bundle_revision";
  private static final Logger LOG = LoggerFactory.getLogger(AdmissionEndpoint.class);
  private static final String JSON = "application/json";

  private final Webhook webhook;
  private final AdmissionConfig config;
  private final Supplier<ActiveBundle> bundles;
  private final EnforcerMetrics metrics;
  private final DecisionLog log;
  private final Clock clock;
  private final Semaphore slots;

  /**
   * {@code slots} bounds how many evaluations run at once (shared by both webhooks): evaluation is
   * pure CPU, so beyond a few per core more threads only slice the CPU finer, delaying every request
   * and starving the bundle poller, while queued requests wait within their deadline.
   */
  AdmissionEndpoint(Webhook webhook, AdmissionConfig config, Supplier<ActiveBundle> bundles, EnforcerMetrics metrics,
      DecisionLog log, Clock clock, Semaphore slots) {
    this.slots = slots;
    this.webhook = webhook;
    this.config = config;
    this.bundles = bundles;
    this.metrics = metrics;
    this.log = log;
    this.clock = clock;
  }

  @Override
  public void handle(Context ctx) {
    long start = System.nanoTime();
    AdmissionReview review;
    try {
      review = AdmissionReview.parse(body(ctx));
    } catch (TooLargeException e) {
      refuse(ctx, 400, "RequestEntityTooLarge", e.getMessage(), start);
      return;
    } catch (MalformedReviewException e) {
      refuse(ctx, 400, "BadRequest", e.getMessage(), start);
      return;
    }
    // Read once: this request decides on this bundle, whatever is swapped in meanwhile.
    ActiveBundle bundle = bundles.get();
    Decision decision = decide(bundle, review, start + config.deadline().toNanos());
    String revision = bundle == null ? "none" : bundle.revision();
    ObjectValue response = AdmissionResponses.render(decision, Map.of(REVISION_ANNOTATION, revision));
    ctx.status(200).contentType(JSON).result(Json.write(response).getBytes(StandardCharsets.UTF_8));
    long nanos = System.nanoTime() - start;
    String verdict = decision.allowed() ? "allowed" : "denied";
    metrics.decided(decision);
    metrics.request(webhook.entrypoint(), verdict, 200, nanos);
    log.record(new DecisionRecord(clock.instant(), review.uid(), webhook.entrypoint(), review.operation(),
        review.kind(), review.namespace(), review.name(), review.username(), verdict, decision.outcome().label(),
        decision.rules(), nanos, revision, review.dryRun(), decision.error()));
  }

  private Decision decide(ActiveBundle bundle, AdmissionReview review, long deadline) {
    if (bundle == null) {
      return Decision.failed(review, webhook, config.failureMode(), "no verified policy bundle is active yet");
    }
    try {
      if (!slots.tryAcquire(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
        return Decision.failed(review, webhook, config.failureMode(),
            "the deadline passed while waiting for an evaluation slot");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Decision.failed(review, webhook, config.failureMode(), "interrupted");
    }
    try {
      return bundle.decider().decide(review, webhook, config.failureMode(), deadline);
    } finally {
      slots.release();
    }
  }

  private byte[] body(Context ctx) throws TooLargeException, MalformedReviewException {
    long declared = ctx.req().getContentLengthLong();
    int max = config.maxRequestBytes();
    if (declared > max) {
      throw new TooLargeException("request body of " + declared + " bytes is over the limit of " + max + " bytes");
    }
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] body = in.readNBytes(max + 1);
      if (body.length > max) {
        throw new TooLargeException("request body is over the limit of " + max + " bytes");
      }
      if (body.length == 0) {
        throw new MalformedReviewException("request body is empty");
      }
      return body;
    } catch (IOException e) {
      throw new MalformedReviewException("cannot read the request body: " + e.getMessage());
    }
  }

  private void refuse(Context ctx, int code, String reason, String message, long start) {
    ObjectValue status = ObjectValue.builder()
        .put("apiVersion", StringValue.of("v1"))
        .put("kind", StringValue.of("Status"))
        .put("status", StringValue.of("Failure"))
        .put("code", NumberValue.of(code))
        .put("reason", StringValue.of(reason))
        .put("message", StringValue.of(message))
        .build();
    ctx.status(code).contentType(JSON).result(Json.write(status).getBytes(StandardCharsets.UTF_8));
    metrics.request(webhook.entrypoint(), "invalid", code, System.nanoTime() - start);
    LOG.warn("refused a {} admission request with HTTP {}: {}", webhook.entrypoint(), code, message);
  }

  private static final class TooLargeException extends Exception {
    private static final long serialVersionUID = 1L;

    TooLargeException(String message) {
      super(message);
    }
  }
}
