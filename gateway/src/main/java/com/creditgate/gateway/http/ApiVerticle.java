package com.creditgate.gateway.http;

import com.creditgate.gateway.GatewayServices;
import com.creditgate.gateway.accounts.AccountRoutes;
import com.creditgate.gateway.config.GatewayConfig;
import com.creditgate.gateway.limitcheck.LimitCheckRoutes;
import com.creditgate.gateway.ops.DependencyProbe;
import com.creditgate.gateway.ops.HealthRoutes;
import com.creditgate.gateway.ops.MetricsRoutes;
import com.creditgate.gateway.ops.RequestTimer;
import com.creditgate.gateway.report.ReportRoutes;
import com.creditgate.gateway.store.AccountStore;
import com.creditgate.gateway.store.cache.DependencyBreaker;
import com.creditgate.gateway.store.cache.TieredAccountStore;
import com.creditgate.gateway.store.postgres.PgAccountRepository;
import com.creditgate.gateway.store.postgres.PgPools;
import com.creditgate.gateway.store.redis.RedisAccountCache;
import com.creditgate.gateway.store.redis.RedisClients;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.redis.client.Redis;
import io.vertx.sqlclient.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One HTTP API instance per event loop: owns its Postgres pool, Redis client and their circuit breakers
 * (opened in {@link #start}, closed in {@link #stop}) and serves every route on the shared port. The router
 * times every request, then sheds past the in-flight bound, before any I/O.
 */
public final class ApiVerticle extends VerticleBase {
  private final GatewayServices services;
  private final List<DependencyProbe> probes = new ArrayList<>();
  private final List<DependencyBreaker> breakers = new ArrayList<>();
  private AtomicInteger inflight;
  private Pool pool;
  private Redis redis;
  private HttpServer server;

  public ApiVerticle(GatewayServices services) {
    this.services = services;
  }

  @Override
  public Future<?> start() {
    AccountStore store = openStore();
    Router router = Router.router(vertx);
    GatewayConfig config = services.config();
    ApiAuth auth = new ApiAuth(config);
    RequestTimer timer = new RequestTimer(services.metrics());
    inflight = services.metrics().inflightCounter();
    router.route().handler(timer);
    router.route().handler(new InflightLimit(config.inflightMaxPerVerticle(), inflight, services.metrics()));
    router.route("/v1/*").handler(auth.clients());
    router.route("/v1/*").handler(services.rateLimit());
    router.route("/admin/*").handler(auth.admin());
    router.route().handler(BodyHandler.create(false).setBodyLimit(config.bodyLimitBytes()));
    OpenApiValidation.mount(router, services.openApi());
    List<RouteModule> modules = List.of(
        new HealthRoutes(probes, services.engine(), config.requestDeadlineMillis()),
        new MetricsRoutes(services.metrics()),
        new OpenApiRoutes(services.openApi()),
        new AccountRoutes(store, services.engine(), services.clock()),
        new LimitCheckRoutes(store, services.engine(), services.clock(), services.metrics()),
        new ReportRoutes(store, services.engine(), services.clock()));
    modules.forEach(module -> module.mount(router));
    timer.registerRoutes(router);
    router.route().failureHandler(new FailureHandler());
    router.route().last().handler(ctx -> ctx.fail(404));
    HttpServerOptions options = new HttpServerOptions()
        .setHost(config.httpHost()).setPort(config.httpPort())
        .setTcpNoDelay(true).setCompressionSupported(false);
    return vertx.createHttpServer(options).requestHandler(router).listen()
        .onSuccess(s -> server = s);
  }

  @Override
  public Future<?> stop() {
    Future<Void> closing = server == null ? Future.succeededFuture() : server.close();
    return closing.eventually(() -> {
      services.metrics().removeInflightCounter(inflight);
      breakers.forEach(DependencyBreaker::close);
      if (redis != null) {
        redis.close();
      }
      return pool == null ? Future.succeededFuture() : pool.close();
    });
  }

  private AccountStore openStore() {
    GatewayConfig config = services.config();
    if (config.embedded()) {
      return services.embeddedStore();
    }
    pool = PgPools.create(vertx, config);
    PgAccountRepository repository = new PgAccountRepository(pool);
    DependencyBreaker pgBreaker = breaker("postgres");
    probes.add(new DependencyProbe("postgres", repository::ping, pgBreaker::state));
    RedisAccountCache l2 = null;
    DependencyBreaker redisBreaker = null;
    if (config.redisUrls().isPresent()) {
      redis = RedisClients.create(vertx, config);
      l2 = new RedisAccountCache(redis, config.redisKeyPrefix(), config.l2TtlSeconds(), config.requestDeadlineMillis());
      redisBreaker = breaker("redis");
      probes.add(new DependencyProbe("redis", l2::ping, redisBreaker::state));
    }
    return new TieredAccountStore(context, services.l1(), l2, repository, redisBreaker, pgBreaker,
        services.metrics());
  }

  private DependencyBreaker breaker(String dependency) {
    GatewayConfig config = services.config();
    DependencyBreaker breaker = new DependencyBreaker(vertx, dependency, config.ops().breakerMaxFailures(),
        config.requestDeadlineMillis(), config.ops().breakerResetMillis(), services.metrics().breaker(dependency));
    breakers.add(breaker);
    return breaker;
  }
}
