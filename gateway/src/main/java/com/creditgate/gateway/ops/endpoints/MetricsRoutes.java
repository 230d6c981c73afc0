package com.creditgate.gateway.ops.endpoints;

import com.creditgate.gateway.http.RouteModule;
import com.creditgate.gateway.ops.GatewayMetrics;
import io.vertx.ext.web.Router;

/** {@code GET /metrics}: the Prometheus text exposition, unauthenticated (scraped inside the cluster). */
public final class MetricsRoutes implements RouteModule {
  private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final GatewayMetrics metrics;

  public MetricsRoutes(GatewayMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void mount(Router router) {
    router.get("/metrics").handler(ctx -> ctx.response().putHeader("Content-Type", CONTENT_TYPE)
        .end(metrics.scrape()));
  }
}
