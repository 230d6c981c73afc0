package com.creditgate.gateway.http;

import com.creditgate.gateway.config.OpsLimits;
import com.creditgate.gateway.error.GatewayException;
import com.creditgate.gateway.ops.GatewayMetrics;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Per-client rate limit on {@code /v1}: one {@link TokenBucket} per authenticated client id (set by
 * {@link ApiAuth}), shared by every verticle of the process; past it, 429 with {@code Retry-After}. The map is
 * bounded by the configured API keys. Off when {@code RATE_LIMIT_PER_SECOND} is 0. Thread-safe.
 */
public final class ClientRateLimit implements Handler<RoutingContext> {
  private final OpsLimits limits;
  private final GatewayMetrics metrics;
  private final LongSupplier nanoTime;
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  /** {@code nanoTime} is a monotonic clock, normally {@link System#nanoTime}. */
  public ClientRateLimit(OpsLimits limits, GatewayMetrics metrics, LongSupplier nanoTime) {
    this.limits = limits;
    this.metrics = metrics;
    this.nanoTime = nanoTime;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (!limits.rateLimited()) {
      ctx.next();
      return;
    }
    String clientId = ctx.get(ApiAuth.CLIENT_ID);
    long now = nanoTime.getAsLong();
    TokenBucket bucket = buckets.get(clientId);
    if (bucket == null) {
      bucket = buckets.computeIfAbsent(clientId,
          id -> new TokenBucket(limits.rateLimitPerSecond(), limits.rateLimitBurst(), now));
    }
    long retryAfterSeconds = bucket.tryAcquire(now);
    if (retryAfterSeconds > 0) {
      metrics.rateLimited();
      ctx.fail(new GatewayException.RateLimited(retryAfterSeconds));
      return;
    }
    ctx.next();
  }
}
