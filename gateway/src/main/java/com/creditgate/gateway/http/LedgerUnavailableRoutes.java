package com.creditgate.gateway.http;

import io.vertx.ext.web.Router;

/**
 * In embedded mode there is no money ledger and no document store: holds, events, reviews, limit history and
 * the admin API answer 503 with a
 * message saying how to get one, instead of pretending.
 */
public final class LedgerUnavailableRoutes implements RouteModule {
  @Override
  public void mount(Router router) {
    router.route("/v1/holds*").handler(ctx -> ctx.fail(unavailable()));
    router.route("/v1/accounts/:accountId/events").handler(ctx -> ctx.fail(unavailable()));
    router.route("/v1/accounts/:accountId/reviews").handler(ctx -> ctx.fail(unavailable()));
    router.route("/v1/accounts/:accountId/limit-history").handler(ctx -> ctx.fail(unavailable()));
    router.route("/admin/*").handler(ctx -> ctx.fail(unavailable()));
  }

  private static GatewayException unavailable() {
    return new GatewayException.DependencyUnavailable("postgres",
        "the embedded default keeps no money ledger; start with PG_URL to use holds, events and reviews");
  }
}
