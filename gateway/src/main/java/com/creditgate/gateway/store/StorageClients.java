package com.creditgate.gateway.store;

import com.creditgate.gateway.GatewayServices;
import com.creditgate.gateway.config.GatewayConfig;
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

/**
 * The storage one verticle owns: its Postgres pool, its Redis client and the account store built on them; in
 * embedded mode only the shared in-process store. Open in {@code start}, close in {@code stop}.
 *
 * @param pool the Postgres pool, {@code null} in embedded mode (money operations then answer 503)
 * @param tiered the tiered store, {@code null} in embedded mode
 */
public record StorageClients(AccountStore accounts, Pool pool, Redis redis, TieredAccountStore tiered) {

  /** Opens the clients of one verticle running on {@code context}. */
  public static StorageClients open(Vertx vertx, Context context, GatewayServices services) {
    GatewayConfig config = services.config();
    if (config.embedded()) {
      return new StorageClients(services.embeddedStore(), null, null, null);
    }
    Pool pool = PgPools.create(vertx, config);
    Redis redis = null;
    RedisAccountCache l2 = null;
    if (config.redisUrls().isPresent()) {
      redis = RedisClients.create(vertx, config);
      l2 = new RedisAccountCache(redis, config.redisKeyPrefix(), config.l2TtlSeconds(), config.requestDeadlineMillis());
    }
    TieredAccountStore tiered = new TieredAccountStore(context, services.l1(), l2, new PgAccountRepository(pool));
    return new StorageClients(tiered, pool, redis, tiered);
  }

  /** Closes what {@link #open} opened. */
  public Future<Void> close() {
    if (redis != null) {
      redis.close();
    }
    return pool == null ? Future.succeededFuture() : pool.close();
  }
}
