package com.creditgate.gateway;

import com.creditgate.gateway.admin.RiskConfigLoader;
import com.creditgate.gateway.config.GatewayConfig;
import com.creditgate.gateway.ledger.AccountLedger;
import com.creditgate.gateway.ops.GatewayMetrics;
import com.creditgate.gateway.reviews.BatchReview;
import com.creditgate.gateway.risk.RiskEngine;
import com.creditgate.gateway.risk.RiskEngineLoader;
import com.creditgate.gateway.store.cache.AccountL1Cache;
import com.creditgate.gateway.store.cache.DependencyBreaker;
import com.creditgate.gateway.store.cache.TieredAccountStore;
import com.creditgate.gateway.store.postgres.Migrations;
import com.creditgate.gateway.store.postgres.PgAccountRepository;
import com.creditgate.gateway.store.postgres.PgPools;
import com.creditgate.gateway.store.redis.RedisAccountCache;
import com.creditgate.gateway.store.redis.RedisClients;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Redis;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * {@code java -jar creditgate-gateway-all.jar batch-review [runKey]}: the Kubernetes CronJob's entry point.
 * Reviews every account once for the run key (default: today's UTC date) with the risk configuration in
 * force, refreshing Redis and telling every replica to drop its L1 entry for each account reviewed.
 */
public final class BatchReviewCommand {
  private BatchReviewCommand() {}

  /** Runs the batch; the future holds the run summary. */
  public static Future<JsonObject> run(Vertx vertx, GatewayConfig config, Clock clock, String runKey) {
    if (config.embedded()) {
      return Future.failedFuture(new IllegalStateException("batch-review needs PG_URL"));
    }
    Pool pool = PgPools.create(vertx, config);
    Redis redis = config.redisUrls().isPresent() ? RedisClients.create(vertx, config) : null;
    RedisAccountCache l2 = redis == null ? null : new RedisAccountCache(redis, config.redisKeyPrefix(),
        config.l2TtlSeconds(), config.ops().breakerCallTimeoutMillis());
    GatewayMetrics metrics = new GatewayMetrics();
    PgAccountRepository repository = new PgAccountRepository(pool);
    DependencyBreaker pgBreaker = breaker(vertx, config, metrics, "postgres", repository::ping);
    DependencyBreaker redisBreaker = redis == null ? null : breaker(vertx, config, metrics, "redis", l2::ping);
    TieredAccountStore store = new TieredAccountStore(vertx.getOrCreateContext(), new AccountL1Cache(1, 1_000), l2,
        repository, redisBreaker, pgBreaker, metrics, config.requestDeadlineMillis());
    return Migrations.apply(vertx, pool)
        .compose(v -> vertx.executeBlocking(() -> RiskEngineLoader.load(config.modelResource())))
        .compose(engine -> new RiskConfigLoader(vertx, pool, engine).reload().map(engine))
        .compose((RiskEngine engine) -> new BatchReview(pool, new AccountLedger(engine), clock,
            config.money().batchReviewPageSize(), store::refresh)
            .run(runKey == null ? BatchReview.dailyKey(clock) : runKey, config.instanceId()))
        .eventually(() -> {
          pgBreaker.close();
          if (redis != null) {
            redisBreaker.close();
            redis.close();
          }
          return pool.close();
        });
  }

  private static DependencyBreaker breaker(Vertx vertx, GatewayConfig config, GatewayMetrics metrics, String name,
      Supplier<Future<?>> probe) {
    return new DependencyBreaker(vertx, name, config.ops().breakerMaxFailures(),
        config.ops().breakerCallTimeoutMillis(), config.ops().breakerResetMillis(), metrics.breaker(name), probe);
  }
}
