package com.creditgate.gateway.http;

import com.creditgate.gateway.error.GatewayException;
import com.creditgate.gateway.ops.GatewayMetrics;
import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sheds load before any I/O: past {@code INFLIGHT_MAX_PER_VERTICLE} requests in flight on this verticle, a
 * request fails at once with {@link GatewayException.Overloaded} (503 + {@code Retry-After}). Probes and the
 * scrape ({@code /health/*}, {@code /metrics}) are never shed nor counted, so an overloaded pod is not
 * restarted and stays observable. One per verticle; runs on its event loop.
 */
public final class InflightLimit implements Handler<RoutingContext> {
  private static final GatewayException.Overloaded OVERLOADED = new GatewayException.Overloaded();

  private final int inflightMax;
  private final AtomicInteger inflight;
  private final GatewayMetrics metrics;
  private final Handler<AsyncResult<Void>> release;

  public InflightLimit(int inflightMax, AtomicInteger inflight, GatewayMetrics metrics) {
    this.inflightMax = inflightMax;
    this.inflight = inflight;
    this.metrics = metrics;
    this.release = ended -> inflight.decrementAndGet();
  }

  @Override
  public void handle(RoutingContext ctx) {
    String path = ctx.normalizedPath();
    if (path.startsWith("/health/") || path.equals("/metrics")) {
      ctx.next();
      return;
    }
    if (inflight.get() >= inflightMax) {
      metrics.shed();
      ctx.fail(OVERLOADED);
      return;
    }
    inflight.incrementAndGet();
    ctx.addEndHandler(release);
    ctx.next();
  }
}
