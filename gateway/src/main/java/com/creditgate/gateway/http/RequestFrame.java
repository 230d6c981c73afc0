package com.creditgate.gateway.http;

import com.creditgate.gateway.error.GatewayException;
import com.creditgate.gateway.ops.GatewayMetrics;
import com.creditgate.gateway.ops.Lifecycle;
import com.creditgate.gateway.ops.RequestTimer;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * First handler of the router, around every exchange; one handler and one end handler where there were three of
 * each (a router hop and an end-handler entry per request less):
 * <ul>
 *   <li><b>Timing.</b> Every request is timed and recorded under its route template and status class
 *       ({@link RequestTimer#record}), shed ones included.</li>
 *   <li><b>Shedding before any I/O.</b> Past {@code INFLIGHT_MAX_PER_VERTICLE} requests in flight on this verticle a
 *       request fails at once with {@link GatewayException.Overloaded} (503 + {@code Retry-After}). Probes and the
 *       scrape ({@code /health/*}, {@code /metrics}) are never shed nor counted, so an overloaded pod is not
 *       restarted and stays observable.</li>
 *   <li><b>Draining.</b> While the process drains for shutdown, every answer (also of a request that began before)
 *       carries {@code Connection: close} and its connection is closed after it: keep-alive clients leave one
 *       connection at a time, each after a complete answer, so no request is ever written to a connection the
 *       server is about to close.</li>
 * </ul>
 * One per verticle; runs on its event loop.
 */
public final class RequestFrame implements Handler<RoutingContext> {
  private static final GatewayException.Overloaded OVERLOADED = new GatewayException.Overloaded();

  private final RequestTimer timer;
  private final Lifecycle lifecycle;
  private final int inflightMax;
  private final AtomicInteger inflight;
  private final GatewayMetrics metrics;

  public RequestFrame(RequestTimer timer, Lifecycle lifecycle, int inflightMax, AtomicInteger inflight,
      GatewayMetrics metrics) {
    this.timer = timer;
    this.lifecycle = lifecycle;
    this.inflightMax = inflightMax;
    this.inflight = inflight;
    this.metrics = metrics;
  }

  @Override
  public void handle(RoutingContext ctx) {
    long startNanos = System.nanoTime();
    ctx.addHeadersEndHandler(headers -> {
      if (lifecycle.draining()) {
        ctx.response().putHeader("Connection", "close");
      }
    });
    String path = null;
    IllegalArgumentException undecodable = null;
    try {
      path = ctx.normalizedPath();
    } catch (IllegalArgumentException badEscape) {
      undecodable = badEscape; // timed below, then thrown for the router to answer, as it always was
    }
    boolean counted = path != null && counts(path);
    boolean shed = counted && inflight.get() >= inflightMax;
    boolean holdsSlot = counted && !shed;
    if (holdsSlot) {
      inflight.incrementAndGet();
    }
    ctx.addEndHandler(ended -> {
      if (holdsSlot) {
        inflight.decrementAndGet();
      }
      if ("close".equals(ctx.response().headers().get("Connection"))) {
        ctx.request().connection().close();
      }
      timer.record(ctx, startNanos);
    });
    if (undecodable != null) {
      throw undecodable;
    }
    if (shed) {
      metrics.shed();
      ctx.fail(OVERLOADED);
      return;
    }
    ctx.next();
  }

  /** Whether a request to {@code path} takes an in-flight slot: all but the probes and the scrape. */
  private static boolean counts(String path) {
    return !(path.startsWith("/health/") || path.equals("/metrics"));
  }
}
