package io.kubepolicies.server.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import io.kubepolicies.server.api.Bodies.PromoteRequest;
import io.kubepolicies.server.api.Bodies.RollbackRequest;
import io.kubepolicies.server.gate.GateResult;
import io.kubepolicies.server.release.ReleaseException;
import io.kubepolicies.server.release.ReleaseOperations;
import io.kubepolicies.server.release.Releases;
import io.kubepolicies.server.source.SourceSnapshot;
import io.kubepolicies.server.store.StoreException;
import io.kubepolicies.server.store.StoreJson;
import io.kubepolicies.signing.BundleException;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bundle-server's HTTP API. Every {@code /v1} request needs {@code Authorization: Bearer <token>};
 * reads need the {@code viewer} role, changes {@code release-engineer}. Answers and errors are JSON
 * ({@link Bodies.Error}: a stable code and a message).
 * <pre>
 * GET  /healthz                              no authentication; {"status": "ok"}
 * GET  /v1/environments                      status of every environment
 * GET  /v1/environments/{env}                status of one
 * GET  /v1/environments/{env}/history        its history records, oldest first
 * POST /v1/publish                           body: a source snapshot archive (application/gzip)
 * POST /v1/environments/{env}/promote        body: {"revision": "..."} or empty
 * POST /v1/environments/{env}/rollback       body: {"sequence": N} or empty
 * </pre>
 */
public final class ApiServer implements AutoCloseable {
  /** Source snapshots are limited to 64 MiB uncompressed, so their archives are smaller still. */
  private static final long MAX_REQUEST_BYTES = 64L << 20;
  private static final String PRINCIPAL = "principal";
  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

  private final Javalin app;
  private final String scheme;
  private final String host;

  private ApiServer(Javalin app, String scheme, String host) {
    this.app = app;
    this.scheme = scheme;
    this.host = host;
  }

  /** Serves on {@code host:port} (port 0: any free port), over TLS when {@code tls} is given. */
  public static ApiServer start(Releases releases, Tokens tokens, String host, int port, Optional<TlsFiles> tls)
      throws IOException {
    SslContextFactory.Server ssl = tls.isPresent() ? tls.get().sslContextFactory() : null;
    StoreJson json = new StoreJson();
    Javalin app = Javalin.create(cfg -> {
      cfg.startup.showJavalinBanner = false;
      cfg.startup.showOldJavalinVersionWarning = false;
      cfg.http.maxRequestSize = MAX_REQUEST_BYTES;
      cfg.jetty.addConnector((server, httpConfig) -> {
        ServerConnector connector;
        if (ssl == null) {
          connector = new ServerConnector(server, new HttpConnectionFactory(httpConfig));
        } else {
          HttpConfiguration https = new HttpConfiguration(httpConfig);
          https.addCustomizer(new SecureRequestCustomizer());
          connector = new ServerConnector(server, new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()),
              new HttpConnectionFactory(https));
        }
        connector.setHost(host);
        connector.setPort(port);
        return connector;
      });
      Routes routes = new Routes(releases, json);
      cfg.routes.beforeMatched(ctx -> authorize(ctx, tokens));
      cfg.routes.get("/healthz", ctx -> ctx.contentType("application/json").result("{\"status\":\"ok\"}"));
      cfg.routes.get("/v1/environments", routes::statusAll, Role.VIEWER);
      cfg.routes.get("/v1/environments/{env}", routes::status, Role.VIEWER);
      cfg.routes.get("/v1/environments/{env}/history", routes::history, Role.VIEWER);
      cfg.routes.post("/v1/publish", routes::publish, Role.RELEASE_ENGINEER);
      cfg.routes.post("/v1/environments/{env}/promote", routes::promote, Role.RELEASE_ENGINEER);
      cfg.routes.post("/v1/environments/{env}/rollback", routes::rollback, Role.RELEASE_ENGINEER);
      cfg.routes.exception(ApiError.class, (e, ctx) -> error(ctx, json, e.status(), e.code(), e.getMessage(), null));
      cfg.routes.exception(ReleaseException.class, (e, ctx) -> error(ctx, json, status(e.reason()),
          e.reason().name().toLowerCase(Locale.ROOT), e.getMessage(), e.gate().orElse(null)));
      cfg.routes.exception(StoreException.class, (e, ctx) -> {
        LOG.warn("store error on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
        error(ctx, json, 502, "store_unavailable", e.getMessage(), null);
      });
      cfg.routes.exception(Exception.class, (e, ctx) -> {
        LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
        error(ctx, json, 500, "internal", "internal error; see the server log", null);
      });
      cfg.routes.error(404, ctx -> {
        String type = ctx.res().getContentType();
        if (type == null || !type.startsWith("application/json")) {
          error(ctx, json, 404, "not_found", "no such endpoint: " + ctx.method() + " " + ctx.path(), null);
        }
      });
      cfg.routes.error(405, ctx -> error(ctx, json, 405, "invalid", "method not allowed: " + ctx.method() + " " + ctx.path(), null));
    });
    try {
      app.start();
    } catch (RuntimeException e) {
      throw new IOException("cannot serve the bundle-server API on " + host + ":" + port + ": " + e.getMessage(), e);
    }
    return new ApiServer(app, ssl == null ? "http" : "https", host);
  }

  public int port() {
    return app.port();
  }

  public String url() {
    String shown = host.contains(":") ? "[" + host + "]" : host;
    return scheme + "://" + shown + ":" + port();
  }

  @Override
  public void close() {
    app.stop();
  }

  private static void authorize(Context ctx, Tokens tokens) {
    Set<RouteRole> roles = ctx.routeRoles();
    if (roles.isEmpty()) {
      return;
    }
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw new ApiError(401, "unauthorized", "authentication required: send Authorization: Bearer <token>");
    }
    Principal principal = tokens.authenticate(header.substring(7).trim()).orElseThrow(() -> {
      ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
      return new ApiError(401, "unauthorized", "the bearer token is not valid");
    });
    Role required = (Role) roles.iterator().next();
    if (!principal.role().allows(required)) {
      throw new ApiError(403, "forbidden", principal.name() + " has the " + principal.role().id() + " role; "
          + ctx.method() + " " + ctx.path() + " needs " + required.id());
    }
    ctx.attribute(PRINCIPAL, principal);
  }

  private static int status(ReleaseException.Reason reason) {
    return switch (reason) {
      case CONFLICT, REFUSED -> 409;
      case GATE_FAILED -> 422;
      case NOT_FOUND -> 404;
      case INVALID -> 400;
    };
  }

  private static void error(Context ctx, StoreJson json, int status, String code, String message,
      GateResult gate) {
    ctx.status(status).contentType("application/json").result(json.write(new Bodies.Error(code, message, gate)));
  }

  /** The handlers, each acting as the authenticated principal. */
  private record Routes(Releases releases, StoreJson json) {
    private ReleaseOperations as(Context ctx) {
      Principal principal = ctx.attribute(PRINCIPAL);
      return releases.as(principal.name());
    }

    private void respond(Context ctx, int status, Object body) {
      ctx.status(status).contentType("application/json").result(json.write(body));
    }

    void statusAll(Context ctx) {
      respond(ctx, 200, new Bodies.StatusList(as(ctx).status()));
    }

    void status(Context ctx) {
      respond(ctx, 200, as(ctx).status(ctx.pathParam("env")));
    }

    void history(Context ctx) {
      String environment = ctx.pathParam("env");
      respond(ctx, 200, new Bodies.History(environment, as(ctx).history(environment)));
    }

    void publish(Context ctx) {
      SourceSnapshot source;
      try {
        source = SourceSnapshot.read(ctx.bodyAsBytes());
      } catch (BundleException e) {
        throw new ApiError(400, "invalid", "the body is not a source snapshot archive: " + e.getMessage());
      }
      respond(ctx, 201, as(ctx).publish(source));
    }

    void promote(Context ctx) {
      PromoteRequest request = body(ctx, PromoteRequest.class, new PromoteRequest(null));
      respond(ctx, 201, as(ctx).promote(ctx.pathParam("env"), Optional.ofNullable(request.revision())));
    }

    void rollback(Context ctx) {
      RollbackRequest request = body(ctx, RollbackRequest.class, new RollbackRequest(null));
      OptionalLong sequence = request.sequence() == null ? OptionalLong.empty() : OptionalLong.of(request.sequence());
      respond(ctx, 201, as(ctx).rollback(ctx.pathParam("env"), sequence));
    }

    private <T> T body(Context ctx, Class<T> type, T empty) {
      byte[] body = ctx.bodyAsBytes();
      if (body.length == 0) {
        return empty;
      }
      try {
        return json.read(body, type, "request body");
      } catch (IOException e) {
        throw new ApiError(400, "invalid", e.getMessage());
      }
    }
  }
}
