package com.creditgate.gateway.ops;

import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * Records every request under its route template (e.g. {@code /v1/accounts/:accountId/credit}, never the raw
 * path, so the tag's cardinality is the number of routes) and status class; {@link
 * com.creditgate.gateway.http.RequestFrame} calls it when an exchange ends. Stateless apart from the shared meters.
 */
public final class RequestTimer {
  private final GatewayMetrics metrics;

  public RequestTimer(GatewayMetrics metrics) {
    this.metrics = metrics;
  }

  /** Registers the timers of every method-bound route of {@code router}; call once routes are mounted. */
  public void registerRoutes(Router router) {
    for (Route route : router.getRoutes()) {
      if (route.getPath() != null && route.methods() != null && !route.methods().isEmpty()) {
        metrics.registerRoute(route.getPath());
      }
    }
    metrics.registerRoute(GatewayMetrics.UNMATCHED_ROUTE);
  }

  /** Records the exchange of {@code ctx}, which began at {@code startNanos} ({@link System#nanoTime}), as it ends. */
  public void record(RoutingContext ctx, long startNanos) {
    metrics.recordRequest(template(ctx), ctx.response().getStatusCode(), System.nanoTime() - startNanos);
  }

  /** The matched route's path when it ended the request, else the path with its parameters named. */
  static String template(RoutingContext ctx) {
    Route route = ctx.currentRoute();
    if (route != null && route.getPath() != null) {
      return route.getPath();
    }
    Map<String, String> params = ctx.pathParams();
    String path;
    try {
      path = ctx.normalizedPath();
    } catch (IllegalArgumentException undecodable) {
      return GatewayMetrics.UNMATCHED_ROUTE; // a bad percent-escape: answered 400, counted here
    }
    if (params.isEmpty()) {
      return path;
    }
    StringBuilder template = new StringBuilder(path.length());
    for (String segment : path.substring(1).split("/", -1)) {
      template.append('/').append(nameOf(segment, params));
    }
    return template.toString();
  }

  private static String nameOf(String segment, Map<String, String> params) {
    for (Map.Entry<String, String> param : params.entrySet()) {
      if (param.getValue().equals(segment)) {
        return ":" + param.getKey();
      }
    }
    return segment;
  }
}
