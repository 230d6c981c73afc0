package com.creditgate.gateway.store.cache;

import com.creditgate.gateway.config.GatewayConfig;
import com.creditgate.gateway.store.redis.InvalidationMessage;
import com.creditgate.gateway.store.redis.RedisAccountCache;
import com.creditgate.gateway.store.redis.RedisClients;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on the Redis invalidation channel and drops stale L1 entries, and on the risk-configuration channel
 * and tells the local {@code RiskConfigReloader}. When the subscription breaks it clears the whole L1 (it may
 * have missed messages), asks for a configuration check, and resubscribes with a bounded backoff.
 */
public final class InvalidationSubscriber extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(InvalidationSubscriber.class);
  /** Local event-bus address told when another replica changed the risk configuration. */
  public static final String RISK_CONFIG_CHANGED = "creditgate.risk-config.changed";
  private static final long RETRY_MAX_MILLIS = 5_000;

  private final GatewayConfig config;
  private final AccountL1Cache l1;
  private Redis redis;
  private RedisConnection connection;
  private boolean stopping;
  private long retryMillis = 100;

  public InvalidationSubscriber(GatewayConfig config, AccountL1Cache l1) {
    this.config = config;
    this.l1 = l1;
  }

  @Override
  public Future<?> start() {
    redis = RedisClients.create(vertx, config);
    subscribe();
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    stopping = true;
    if (connection != null) {
      connection.close();
    }
    redis.close();
    return Future.succeededFuture();
  }

  /** Redis channel on which a replica announces a new risk-configuration revision. */
  public static String riskConfigChannel(String keyPrefix) {
    return keyPrefix + "risk-config";
  }

  private void subscribe() {
    String channel = RedisAccountCache.invalidationChannel(config.redisKeyPrefix());
    redis.connect()
        .compose(conn -> {
          connection = conn;
          conn.handler(this::onMessage);
          conn.exceptionHandler(e -> LOG.warn("invalidation subscription error: {}", e.toString()));
          conn.endHandler(v -> resubscribeLater());
          return conn.send(Request.cmd(Command.SUBSCRIBE).arg(channel).arg(riskConfigChannel(config.redisKeyPrefix())));
        })
        .onSuccess(v -> {
          retryMillis = 100;
          LOG.info("subscribed to {}", channel);
        })
        .onFailure(e -> {
          LOG.warn("cannot subscribe to {}: {}", channel, e.toString());
          resubscribeLater();
        });
  }

  private void resubscribeLater() {
    if (stopping) {
      return;
    }
    l1.invalidateAll();
    vertx.eventBus().publish(RISK_CONFIG_CHANGED, "resubscribed");
    vertx.setTimer(retryMillis, id -> subscribe());
    retryMillis = Math.min(retryMillis * 2, RETRY_MAX_MILLIS);
  }

  private void onMessage(Response response) {
    if (response.type() != ResponseType.PUSH && response.type() != ResponseType.MULTI) {
      return;
    }
    if (response.size() == 3 && "message".equals(response.get(0).toString())
        && riskConfigChannel(config.redisKeyPrefix()).equals(response.get(1).toString())) {
      vertx.eventBus().publish(RISK_CONFIG_CHANGED, response.get(2).toString());
    } else if (response.size() == 3 && "message".equals(response.get(0).toString())) {
      InvalidationMessage message = InvalidationMessage.decode(response.get(2).toString());
      if (message != null) {
        l1.invalidateOlderThan(message.accountId(), message.version());
      }
    }
  }
}
