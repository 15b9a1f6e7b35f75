package io.kubepolicies.enforcer.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.kubepolicies.enforcer.bundle.ActiveBundle;
import io.kubepolicies.enforcer.config.AdmissionConfig;
import io.kubepolicies.enforcer.config.ConfigException;
import io.kubepolicies.enforcer.config.ServerConfig;
import io.kubepolicies.enforcer.decision.Webhook;
import io.kubepolicies.enforcer.log.DecisionLog;
import io.kubepolicies.enforcer.metrics.EnforcerMetrics;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;

/**
 * The HTTPS server: the two admission webhooks, {@code /healthz} (the process is up), {@code /readyz}
 * (a verified bundle is active) and {@code /metrics}. There is no plain-HTTP connector.
 */
public final class WebhookServer implements AutoCloseable {
  public static final String VALIDATING_PATH = "/v1/admit/validating";
  public static final String MUTATING_PATH = "/v1/admit/mutating";
  private static final String JSON = "application/json";

  private final Javalin app;

  private WebhookServer(Javalin app) {
    this.app = app;
  }

  public static WebhookServer start(ServerConfig server, ReloadingTls tls, AdmissionConfig admission,
      Supplier<ActiveBundle> bundles, EnforcerMetrics metrics, DecisionLog log, Clock clock) throws ConfigException {
    Semaphore slots = new Semaphore(Math.max(2, 2 * Runtime.getRuntime().availableProcessors()), true);
    AdmissionEndpoint validating = new AdmissionEndpoint(Webhook.VALIDATING, admission, bundles, metrics, log, clock, slots);
    AdmissionEndpoint mutating = new AdmissionEndpoint(Webhook.MUTATING, admission, bundles, metrics, log, clock, slots);
    Javalin app = Javalin.create(cfg -> {
      cfg.startup.showJavalinBanner = false;
      cfg.startup.showOldJavalinVersionWarning = false;
      cfg.http.prefer405over404 = true;
      cfg.jetty.addConnector((jetty, httpConfig) -> {
        HttpConfiguration https = new HttpConfiguration(httpConfig);
        https.addCustomizer(new SecureRequestCustomizer());
        https.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(jetty,
            new SslConnectionFactory(tls.factory(), HttpVersion.HTTP_1_1.asString()), new HttpConnectionFactory(https));
        connector.setHost(server.host());
        connector.setPort(server.port());
        return connector;
      });
      cfg.routes.post(VALIDATING_PATH, validating);
      cfg.routes.post(MUTATING_PATH, mutating);
      cfg.routes.get("/healthz", ctx -> json(ctx, 200, ObjectValue.builder().put("status", StringValue.of("ok")).build()));
      cfg.routes.get("/readyz", ctx -> ready(ctx, bundles.get()));
      cfg.routes.get("/metrics", ctx -> {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        metrics.scrape(out);
        ctx.contentType(metrics.contentType()).result(out.toByteArray());
      });
    });
    try {
      app.start();
    } catch (RuntimeException e) {
      app.stop();
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new ConfigException("cannot listen on " + server.host() + ":" + server.port() + ": " + cause.getMessage(), e);
    }
    return new WebhookServer(app);
  }

  private static void ready(Context ctx, ActiveBundle bundle) {
    if (bundle == null) {
      json(ctx, 503, ObjectValue.builder().put("ready", BooleanValue.FALSE)
          .put("reason", StringValue.of("no verified policy bundle is active yet")).build());
      return;
    }
    json(ctx, 200, ObjectValue.builder().put("ready", BooleanValue.TRUE)
        .put("environment", StringValue.of(bundle.environment()))
        .put("revision", StringValue.of(bundle.revision()))
        .put("sequence", NumberValue.of(bundle.sequence())).build());
  }

  private static void json(Context ctx, int code, ObjectValue body) {
    ctx.status(code).contentType(JSON).result(Json.write(body).getBytes(StandardCharsets.UTF_8));
  }

  /** The port the HTTPS connector listens on (the real one when 0 was configured). */
  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }
}
