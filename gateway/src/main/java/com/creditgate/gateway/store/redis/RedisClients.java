package com.creditgate.gateway.store.redis;

import com.creditgate.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;

/** Builds Redis clients from the configuration: standalone or cluster, with explicit pool limits. */
public final class RedisClients {
  private RedisClients() {}

  /** Options for the configured Redis; fails when no Redis is configured. */
  public static RedisOptions options(GatewayConfig config) {
    String urls = config.redisUrls().orElseThrow(() -> new IllegalStateException("REDIS_URL is not set"));
    RedisOptions options = new RedisOptions()
        .setType(config.redisMode() == GatewayConfig.RedisMode.CLUSTER
            ? RedisClientType.CLUSTER : RedisClientType.STANDALONE)
        .setMaxPoolSize(8)
        .setMaxPoolWaiting(1_024)
        .setMaxWaitingHandlers(4_096)
        // A span per command only inside a traced request (Tracing); background loops make none.
        .setTracingPolicy(TracingPolicy.PROPAGATE);
    for (String url : urls.split(",")) {
      options.addConnectionString(url.trim());
    }
    config.redisPassword().ifPresent(options::setPassword);
    return options;
  }

  /** A new client; the caller owns and closes it. */
  public static Redis create(Vertx vertx, GatewayConfig config) {
    return Redis.createClient(vertx, options(config));
  }
}
