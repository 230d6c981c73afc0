package com.creditgate.gateway;

import com.creditgate.gateway.admin.RiskConfigReloader;
import com.creditgate.gateway.audit.AuditMetrics;
import com.creditgate.gateway.audit.AuditWriter;
import com.creditgate.gateway.audit.DecisionAuditLog;
import com.creditgate.gateway.config.ConfigLoader;
import com.creditgate.gateway.config.GatewayConfig;
import com.creditgate.gateway.holds.HoldSweeper;
import com.creditgate.gateway.http.ApiVerticle;
import com.creditgate.gateway.reviews.BatchReviewScheduler;
import com.creditgate.gateway.reviews.OutboxRelay;
import com.creditgate.gateway.http.ClientRateLimit;
import com.creditgate.gateway.http.OpenApiDocument;
import com.creditgate.gateway.ops.GatewayMetrics;
import com.creditgate.gateway.risk.RiskEngine;
import com.creditgate.gateway.risk.RiskEngineLoader;
import com.creditgate.gateway.store.cache.AccountL1Cache;
import com.creditgate.gateway.store.cache.InvalidationSubscriber;
import com.creditgate.gateway.store.embedded.EmbeddedAccountStore;
import com.creditgate.gateway.store.embedded.SyntheticPopulation;
import com.creditgate.gateway.store.postgres.Migrations;
import com.creditgate.gateway.store.postgres.PgPools;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: loads the model, prepares storage (migrations, or the embedded population), and
 * deploys the verticles. {@link #stop} undeploys them in reverse order.
 */
public final class Gateway {
  private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
  private static final long EMBEDDED_SEED = 20_261_122L;

  private final Vertx vertx;
  private final GatewayServices services;
  private final List<String> deployments = new ArrayList<>();

  private Gateway(Vertx vertx, GatewayServices services) {
    this.vertx = vertx;
    this.services = services;
  }

  /** Starts a gateway on {@code vertx}; the future completes when it serves HTTP. */
  public static Future<Gateway> start(Vertx vertx, GatewayConfig config, Clock clock) {
    return vertx.executeBlocking(() -> prepareServices(config, clock))
        .compose(services -> prepareStorage(vertx, services).map(v -> new Gateway(vertx, services)))
        .compose(gateway -> gateway.deploy().map(gateway));
  }

  /** The shared services, for tests and admin tooling. */
  public GatewayServices services() {
    return services;
  }

  /**
   * Graceful stop: readiness goes down, then every verticle is undeployed newest first: the API verticles
   * stop accepting and let in-flight requests finish (up to {@code SHUTDOWN_GRACE_MILLIS}), the audit writer
   * flushes, clients close.
   */
  public Future<Void> stop() {
    services.lifecycle().startDraining();
    Future<Void> chain = Future.succeededFuture();
    for (int i = deployments.size() - 1; i >= 0; i--) {
      String id = deployments.get(i);
      chain = chain.compose(v -> vertx.undeploy(id));
    }
    return chain.onComplete(done -> services.metrics().close());
  }

  private Future<Void> deploy() {
    GatewayConfig config = services.config();
    Future<Void> subscriber = config.redisUrls().isEmpty() ? Future.succeededFuture()
        : vertx.deployVerticle(new InvalidationSubscriber(config, services.l1())).map(this::remember);
    Future<Void> background = config.embedded() ? Future.succeededFuture()
        : vertx.deployVerticle(new AuditWriter(services.auditLog(), config.money(), () -> PgPools.create(vertx, config),
            services.clock()))
            .map(this::remember)
            .compose(v -> vertx.deployVerticle(new HoldSweeper(services))).map(this::remember)
            .compose(v -> vertx.deployVerticle(new RiskConfigReloader(services))).map(this::remember)
            .compose(v -> config.redisUrls().isEmpty() ? Future.<Void>succeededFuture()
                : vertx.deployVerticle(new OutboxRelay(services)).map(this::remember))
            .compose(v -> config.money().batchReviewIntervalSeconds() == 0 ? Future.<Void>succeededFuture()
                : vertx.deployVerticle(new BatchReviewScheduler(services)).map(this::remember));
    return subscriber.compose(v -> background).compose(v -> vertx.deployVerticle(() -> new ApiVerticle(services),
            new DeploymentOptions().setInstances(config.verticleInstances())))
        .map(this::remember)
        .onSuccess(v -> LOG.info("CreditGate listening on {}:{} with {} API verticles", config.httpHost(),
            config.httpPort(), config.verticleInstances()));
  }

  private Void remember(String deploymentId) {
    deployments.add(deploymentId);
    return null;
  }

  private static GatewayServices prepareServices(GatewayConfig config, Clock clock) {
    RiskEngine engine = RiskEngineLoader.load(config.modelResource());
    AccountL1Cache l1 = new AccountL1Cache(config.l1MaxAccounts(), config.l1TtlMillis());
    EmbeddedAccountStore embedded = config.embedded() ? seed(config, engine, clock) : null;
    DecisionAuditLog auditLog = config.embedded() ? DecisionAuditLog.toLogOnly()
        : DecisionAuditLog.toPostgres(config.money().auditQueueMax());
    GatewayMetrics metrics = new GatewayMetrics();
    AuditMetrics.bind(metrics.registry(), auditLog, engine);
    ClientRateLimit rateLimit = new ClientRateLimit(config.ops(), metrics, System::nanoTime);
    return new GatewayServices(config, engine, l1, embedded, clock, metrics, rateLimit, OpenApiDocument.load(),
        auditLog, new Lifecycle());
  }

  private static Future<Void> prepareStorage(Vertx vertx, GatewayServices services) {
    if (services.config().embedded()) {
      return Future.succeededFuture();
    }
    Pool pool = PgPools.create(vertx, services.config());
    return Migrations.apply(vertx, pool).eventually(pool::close);
  }

  private static EmbeddedAccountStore seed(GatewayConfig config, RiskEngine engine, Clock clock) {
    EmbeddedAccountStore store = new EmbeddedAccountStore();
    SyntheticPopulation population = new SyntheticPopulation(EMBEDDED_SEED, engine, clock.instant());
    for (int n = 1; n <= config.embeddedAccounts(); n++) {
      var record = population.next(n);
      store.save(record, 0);
    }
    String banner = "=".repeat(78);
    LOG.warn(banner);
    LOG.warn("EMBEDDED MODE: no PG_URL configured. Accounts live in memory and vanish on exit.");
    LOG.warn("Seeded {} synthetic accounts: {} .. {}", store.size(), SyntheticPopulation.accountId(1),
        SyntheticPopulation.accountId(config.embeddedAccounts()));
    if (config.demoCredentials()) {
      LOG.warn("Demo client API key: {}   demo admin token: {}", ConfigLoader.DEMO_API_KEY,
          ConfigLoader.DEMO_ADMIN_TOKEN);
    }
    LOG.warn("Set PG_URL (and REDIS_URL) to use the real services.");
    LOG.warn(banner);
    return store;
  }
}
