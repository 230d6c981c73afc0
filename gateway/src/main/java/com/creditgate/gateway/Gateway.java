package com.creditgate.gateway;

import com.creditgate.common.Check;
import com.creditgate.gateway.admin.RiskConfigReloader;
import com.creditgate.gateway.audit.AuditMetrics;
import com.creditgate.gateway.audit.AuditWriter;
import com.creditgate.gateway.audit.DecisionAuditLog;
import com.creditgate.gateway.config.FaultLimits;
import com.creditgate.gateway.config.GatewayConfig;
import com.creditgate.gateway.holds.HoldSweeper;
import com.creditgate.gateway.http.ClientRateLimit;
import com.creditgate.gateway.http.OpenApiDocument;
import com.creditgate.gateway.ops.GatewayMetrics;
import com.creditgate.gateway.ops.Lifecycle;
import com.creditgate.gateway.reviews.BatchReviewScheduler;
import com.creditgate.gateway.reviews.OutboxRelay;
import com.creditgate.gateway.risk.RiskEngine;
import com.creditgate.gateway.risk.RiskEngineLoader;
import com.creditgate.gateway.runtime.GatewayServices;
import com.creditgate.gateway.store.cache.AccountL1Cache;
import com.creditgate.gateway.store.cache.InvalidationSubscriber;
import com.creditgate.gateway.store.postgres.Migrations;
import com.creditgate.gateway.store.postgres.PgPools;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: loads the model, migrates Postgres (the embedded one too: see {@code Main}) and
 * deploys the verticles. {@link #stop} undeploys them in reverse order.
 *
 * <p>The {@link AuditWriter} runs on a Vert.x instance of its own ({@link #auditVertx}: one event loop), never on
 * {@code vertx}'s. Vert.x hands out event loops round robin, so on {@code vertx} it shared a loop with an API
 * verticle (as did its pool's connections, with the other): building a batch's columns and encoding them on the
 * wire held that loop for about a millisecond per batch, 20 times a second at peak (a thread-split profile:
 * 5.8 % of one API loop, 3.4 % of the other), and every request behind it waited. On a loop of its own the batch is
 * work the OS schedules beside the API loops, preemptible, not a stall in front of them.
 */
public final class Gateway {
  private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

  private final Vertx vertx;
  private final Vertx auditVertx;
  private final GatewayServices services;
  /** How to stop each deployment, in deployment order. */
  private final List<Supplier<Future<Void>>> deployments = new ArrayList<>();

  private Gateway(Vertx vertx, Vertx auditVertx, GatewayServices services) {
    this.vertx = vertx;
    this.auditVertx = auditVertx;
    this.services = services;
  }

  /** Starts a gateway on {@code vertx}; the future completes when it serves HTTP. */
  public static Future<Gateway> start(Vertx vertx, GatewayConfig config, Clock clock) {
    Check.that(config.pgUrl().isPresent(), "the gateway needs PG_URL; Main starts the embedded Postgres without it");
    Vertx auditVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
        .setInternalBlockingPoolSize(1).setPreferNativeTransport(true));
    return vertx.executeBlocking(() -> prepareServices(config, clock))
        .compose(services -> prepareStorage(vertx, services).map(v -> new Gateway(vertx, auditVertx, services)))
        .compose(gateway -> gateway.deploy().map(gateway))
        .onFailure(e -> auditVertx.close());
  }

  /** The Vert.x instance the audit writer runs on (one event loop, none of the API's), for tests. */
  public Vertx auditVertx() {
    return auditVertx;
  }

  /** The shared services, for tests and admin tooling. */
  public GatewayServices services() {
    return services;
  }

  /**
   * Graceful stop: readiness answers 503 DRAINING at once while requests are still served for
   * {@code SHUTDOWN_DRAIN_DELAY_MILLIS} (every answer with {@code Connection: close}, so load balancers and
   * keep-alive clients move away), then every verticle is undeployed newest first: the API verticles stop
   * accepting and let in-flight requests finish (up to {@code SHUTDOWN_GRACE_MILLIS}), the audit writer flushes,
   * clients close.
   */
  public Future<Void> stop() {
    services.lifecycle().startDraining();
    Promise<Void> drained = Promise.promise();
    long drainDelayMillis = services.config().faults().drainDelayMillis();
    if (drainDelayMillis == 0) {
      drained.complete();
    } else {
      vertx.setTimer(drainDelayMillis, id -> drained.complete());
    }
    Future<Void> chain = drained.future();
    for (int i = deployments.size() - 1; i >= 0; i--) {
      Supplier<Future<Void>> undeploy = deployments.get(i);
      chain = chain.compose(v -> undeploy.get());
    }
    return chain.eventually(auditVertx::close).onComplete(done -> services.metrics().close());
  }

  private Future<Void> deploy() {
    GatewayConfig config = services.config();
    Future<Void> subscriber = config.redisUrls().isEmpty() ? Future.succeededFuture()
        : vertx.deployVerticle(new InvalidationSubscriber(config, services.l1())).map(this::remember);
    Future<Void> background = auditVertx.deployVerticle(
            new AuditWriter(services.auditLog(), config.money(), () -> PgPools.create(auditVertx, config),
            services.clock()))
        .map(id -> remember(auditVertx, id))
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
    return remember(vertx, deploymentId);
  }

  private Void remember(Vertx owner, String deploymentId) {
    deployments.add(() -> owner.undeploy(deploymentId));
    return null;
  }

  private static GatewayServices prepareServices(GatewayConfig config, Clock clock) {
    RiskEngine engine = RiskEngineLoader.load(config.modelResource());
    AccountL1Cache l1 = new AccountL1Cache(config.l1MaxAccounts(), config.l1TtlMillis());
    DecisionAuditLog auditLog = DecisionAuditLog.toPostgres(config.money().auditQueueMax());
    GatewayMetrics metrics = new GatewayMetrics();
    AuditMetrics.bind(metrics.registry(), auditLog, engine);
    ClientRateLimit rateLimit = new ClientRateLimit(config.ops(), metrics, System::nanoTime);
    return new GatewayServices(config, engine, l1, clock, metrics, rateLimit, OpenApiDocument.load(),
        auditLog, new Lifecycle(), new Semaphore(config.faults().modelUploadsInFlightMax()));
  }

  private static Future<Void> prepareStorage(Vertx vertx, GatewayServices services) {
    long giveUpAtNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(services.config().faults().startupMaxMillis());
    return reachPostgres(vertx, services.config(), 1, FaultLimits.STARTUP_BACKOFF_MIN_MILLIS, giveUpAtNanos)
        .compose(v -> {
          Pool pool = PgPools.create(vertx, services.config());
          return Migrations.apply(vertx, pool).eventually(pool::close);
        });
  }

  /**
   * Waits until Postgres answers a round trip, each attempt bounded by {@code STARTUP_ATTEMPT_TIMEOUT_MILLIS}
   * (a server that accepts TCP and never answers would otherwise hold the start forever), pausing with doubling
   * backoff up to {@code STARTUP_BACKOFF_MAX_MILLIS} between attempts, and fails the start (the process exits 1)
   * after {@code STARTUP_MAX_MILLIS}. Migrations run only once it answered and are not cut short.
   */
  private static Future<Void> reachPostgres(Vertx vertx, GatewayConfig config, int attempt, long backoffMillis,
      long giveUpAtNanos) {
    Pool pool = PgPools.create(vertx, config);
    return pool.query("SELECT 1").execute().timeout(config.faults().startupAttemptMillis(), TimeUnit.MILLISECONDS)
        .<Void>mapEmpty()
        .eventually(() -> {
          pool.close();
          return Future.succeededFuture();
        })
        .recover(failure -> {
          long remainingMillis = TimeUnit.NANOSECONDS.toMillis(giveUpAtNanos - System.nanoTime());
          if (remainingMillis <= 0) {
            return Future.failedFuture(new IllegalStateException("Postgres did not answer within STARTUP_MAX_MILLIS="
                + config.faults().startupMaxMillis() + " (" + attempt + " attempts)", failure));
          }
          long pauseMillis = Math.min(backoffMillis, remainingMillis);
          LOG.warn("Postgres did not answer at start (attempt {}): {}; retrying in {} ms", attempt, failure.toString(),
              pauseMillis);
          Promise<Void> pause = Promise.promise();
          vertx.setTimer(pauseMillis, id -> pause.complete());
          return pause.future().compose(v -> reachPostgres(vertx, config, attempt + 1,
              Math.min(backoffMillis * 2, config.faults().startupBackoffMaxMillis()), giveUpAtNanos));
        });
  }
}
