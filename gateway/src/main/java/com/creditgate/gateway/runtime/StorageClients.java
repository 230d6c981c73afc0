package com.creditgate.gateway.runtime;

import com.creditgate.gateway.config.GatewayConfig;
import com.creditgate.gateway.ops.DependencyProbe;
import com.creditgate.gateway.store.AccountStore;
import com.creditgate.gateway.store.cache.DependencyBreaker;
import com.creditgate.gateway.store.cache.TieredAccountStore;
import com.creditgate.gateway.store.postgres.PgAccountRepository;
import com.creditgate.gateway.store.postgres.PgPools;
import com.creditgate.gateway.store.redis.RedisAccountCache;
import com.creditgate.gateway.store.redis.RedisClients;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.sqlclient.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The storage one verticle owns: its Postgres pool, its Redis client, their circuit breakers and readiness
 * probes, and the account store built on them. Open in {@code start}, close in {@code stop}.
 *
 * @param pool the Postgres pool
 * @param redis the Redis client, {@code null} without Redis
 * @param tiered the tiered store (also {@code accounts})
 */
public record StorageClients(AccountStore accounts, Pool pool, Redis redis, TieredAccountStore tiered,
    List<DependencyProbe> probes, List<DependencyBreaker> breakers) {

  /** Opens the clients of one verticle running on {@code context}. */
  public static StorageClients open(Vertx vertx, Context context, GatewayServices services) {
    GatewayConfig config = services.config();
    List<DependencyProbe> probes = new ArrayList<>();
    List<DependencyBreaker> breakers = new ArrayList<>();
    Pool pool = PgPools.createForRequests(vertx, config);
    PgAccountRepository repository = new PgAccountRepository(pool);
    DependencyBreaker pgBreaker = breaker(vertx, services, "postgres", breakers, repository::ping);
    probes.add(new DependencyProbe("postgres", repository::ping, pgBreaker::state));
    Redis redis = null;
    RedisAccountCache l2 = null;
    DependencyBreaker redisBreaker = null;
    if (config.redisUrls().isPresent()) {
      redis = RedisClients.create(vertx, config);
      l2 = new RedisAccountCache(redis, config.redisKeyPrefix(), config.l2TtlSeconds(),
          config.ops().breakerCallTimeoutMillis());
      redisBreaker = breaker(vertx, services, "redis", breakers, l2::ping);
      probes.add(new DependencyProbe("redis", l2::ping, redisBreaker::state));
    }
    TieredAccountStore tiered = new TieredAccountStore(context, services.l1(), l2, repository, redisBreaker, pgBreaker,
        services.metrics(), config.requestDeadlineMillis());
    return new StorageClients(tiered, pool, redis, tiered, List.copyOf(probes), List.copyOf(breakers));
  }

  private static DependencyBreaker breaker(Vertx vertx, GatewayServices services, String dependency,
      List<DependencyBreaker> breakers, Supplier<Future<?>> probe) {
    GatewayConfig config = services.config();
    DependencyBreaker breaker = new DependencyBreaker(vertx, dependency, config.ops().breakerMaxFailures(),
        config.ops().breakerCallTimeoutMillis(), config.ops().breakerResetMillis(),
        services.metrics().breaker(dependency), probe);
    breakers.add(breaker);
    return breaker;
  }

  /** Closes what {@link #open} opened. */
  public Future<Void> close() {
    breakers.forEach(DependencyBreaker::close);
    if (redis != null) {
      redis.close();
    }
    return pool.close();
  }
}
