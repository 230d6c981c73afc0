package com.creditgate.gateway;

import com.creditgate.gateway.accounts.AccountRoutes;
import com.creditgate.gateway.admin.AdminRoutes;
import com.creditgate.gateway.admin.ModelUploadGate;
import com.creditgate.gateway.config.GatewayConfig;
import com.creditgate.gateway.events.EventRoutes;
import com.creditgate.gateway.holds.HoldRoutes;
import com.creditgate.gateway.http.ApiAuth;
import com.creditgate.gateway.http.BodyIntake;
import com.creditgate.gateway.http.FailureHandler;
import com.creditgate.gateway.http.HeadReadDeadline;
import com.creditgate.gateway.http.OpenApiRoutes;
import com.creditgate.gateway.http.OpenApiValidation;
import com.creditgate.gateway.http.RequestFrame;
import com.creditgate.gateway.http.RouteModule;
import com.creditgate.gateway.idempotency.IdempotentCommands;
import com.creditgate.gateway.ledger.AccountLedger;
import com.creditgate.gateway.ledger.LedgerAccess;
import com.creditgate.gateway.ledger.LedgerReevaluation;
import com.creditgate.gateway.limitcheck.LimitCheckRoutes;
import com.creditgate.gateway.ops.RequestTimer;
import com.creditgate.gateway.ops.endpoints.HealthRoutes;
import com.creditgate.gateway.ops.endpoints.MetricsRoutes;
import com.creditgate.gateway.report.ReportRoutes;
import com.creditgate.gateway.reviews.BatchReview;
import com.creditgate.gateway.reviews.ReviewRoutes;
import com.creditgate.gateway.runtime.GatewayServices;
import com.creditgate.gateway.runtime.StorageClients;
import com.creditgate.gateway.store.AccountStore;
import com.creditgate.gateway.store.postgres.PgFailures;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.ext.web.Router;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One HTTP API instance per event loop: owns its Postgres pool, Redis client and their circuit breakers
 * (opened in {@link #start}, closed in {@link #stop}) and serves every route on the shared port. The router's
 * first handler ({@link RequestFrame}) times every request and sheds past the in-flight bound, before any I/O.
 */
public final class ApiVerticle extends VerticleBase {
  private final GatewayServices services;
  private StorageClients storage;
  private AtomicInteger inflight;
  private HttpServer server;

  public ApiVerticle(GatewayServices services) {
    this.services = services;
  }

  @Override
  public Future<?> start() {
    storage = StorageClients.open(vertx, context, services);
    AccountStore store = storage.accounts();
    LedgerAccess access = ledgerAccess();
    Router router = Router.router(vertx);
    GatewayConfig config = services.config();
    ApiAuth auth = new ApiAuth(config);
    RequestTimer timer = new RequestTimer(services.metrics());
    inflight = services.metrics().inflightCounter();
    router.route().handler(new RequestFrame(timer, services.lifecycle(), config.inflightMaxPerVerticle(), inflight,
        services.metrics()));
    router.route("/v1/*").handler(auth.clients());
    router.route("/v1/*").handler(services.rateLimit());
    router.route("/admin/*").handler(auth.admin());
    // A route with a path parameter is a regex that Vert.x matches (a Matcher allocated) for every request that
    // reaches it, before it looks at the method: none may stand before the hot path. Hence a prefix route here,
    // and the limit-check and hold routes mounted first after the body handler.
    router.route(HttpMethod.PUT, ModelUploadGate.PREFIX + "*").handler(new ModelUploadGate(services.modelUploads(),
        config.faults().modelUploadMaxBytes()));
    router.route().handler(new BodyIntake(vertx, config.bodyLimitBytes(), config.faults().modelUploadMaxBytes(),
        config.faults().requestBodyTimeoutMillis()));
    IdempotentCommands commands = new IdempotentCommands(storage.pool(), access.writeDeadlineMillis());
    List<RouteModule> hotPath = List.of(
        new LimitCheckRoutes(store, services.engine(), services.clock(), services.auditLog(), services.metrics(),
            new LedgerReevaluation(access)),
        new HoldRoutes(access, commands, services.config().money()));
    hotPath.forEach(module -> module.mount(router));
    OpenApiValidation.mount(router, services.openApi());
    List<RouteModule> modules = new ArrayList<>(List.of(
        new HealthRoutes(storage.probes(), services.engine(), config.requestDeadlineMillis(), services.lifecycle(),
            services.l1()::size),
        new MetricsRoutes(services.metrics()),
        new OpenApiRoutes(services.openApi()),
        new AccountRoutes(services.engine(), access)));
    modules.addAll(ledgerRoutes(access, commands));
    modules.forEach(module -> module.mount(router));
    timer.registerRoutes(router);
    router.route().failureHandler(new FailureHandler(PgFailures::unavailable));
    router.route().last().handler(ctx -> ctx.fail(404));
    HttpServerOptions options = new HttpServerOptions()
        .setHost(config.httpHost()).setPort(config.httpPort())
        .setTcpNoDelay(true).setCompressionSupported(false).setTracingPolicy(TracingPolicy.ALWAYS)
        // Idle means nothing READ for the timeout: every answer is written within seconds of its request, so a
        // connection that writes is one that read. An all-idle timeout also watched writes, at the cost of a
        // promise and a listener on every response (Netty's IdleStateHandler).
        .setReadIdleTimeout(config.faults().httpIdleTimeoutSeconds()).setIdleTimeoutUnit(TimeUnit.SECONDS)
        // no WebSocket API: without compression to negotiate, Vert.x puts no WebSocket extension handler in front of
        // every HTTP exchange
        .setPerMessageWebSocketCompressionSupported(false).setPerFrameWebSocketCompressionSupported(false)
        .setHttp2ClearTextEnabled(false); // HTTP/1.1 only: no h2c detour around the head deadline
    return vertx.createHttpServer(options)
        .connectionHandler(new HeadReadDeadline(config.faults().headerReadTimeoutMillis()))
        .requestHandler(router).listen()
        .onSuccess(s -> server = s);
  }

  @Override
  public Future<?> stop() {
    Future<Void> closing = server == null ? Future.succeededFuture()
        : server.shutdown(services.config().shutdownGraceMillis(), TimeUnit.MILLISECONDS);
    return closing.eventually(() -> {
      services.metrics().removeInflightCounter(inflight);
      return storage == null ? Future.succeededFuture() : storage.close();
    });
  }

  /**
   * What the money features share: this verticle's pool and tiered store, a ledger step, the clock and the
   * money-write deadline. Built once in {@link #start}: one per verticle, as {@link LedgerAccess} says.
   */
  private LedgerAccess ledgerAccess() {
    return new LedgerAccess(storage.pool(), new AccountLedger(services.engine()), storage.tiered(), services.clock(),
        services.config().faults().writeDeadlineMillis());
  }

  /** Money and admin routes other than holds (mounted with the hot path). */
  private List<RouteModule> ledgerRoutes(LedgerAccess access, IdempotentCommands commands) {
    return List.of(
        new AdminRoutes(vertx, services, storage,
            new BatchReview(storage.pool(), access.ledger(), services.clock(),
                services.config().money().batchReviewPageSize(), storage.tiered()::refresh)),
        new EventRoutes(access, commands),
        new ReviewRoutes(access, commands),
        new ReportRoutes(storage.pool(), access.ledger(), services.clock()));
  }
}
