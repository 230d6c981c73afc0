package com.creditgate.gateway.ops;

import com.creditgate.gateway.Lifecycle;
import com.creditgate.gateway.http.RouteModule;
import com.creditgate.gateway.risk.RiskEngine;
import com.creditgate.gateway.store.AccountStore;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.TimeUnit;

/**
 * {@code /health/live} (the process answers: no I/O) and {@code /health/ready} (the store's dependencies
 * answer within the deadline and a model is loaded).
 */
public final class HealthRoutes implements RouteModule {
  private final AccountStore store;
  private final RiskEngine engine;
  private final long deadlineMillis;
  private final Lifecycle lifecycle;

  public HealthRoutes(AccountStore store, RiskEngine engine, long deadlineMillis, Lifecycle lifecycle) {
    this.store = store;
    this.engine = engine;
    this.deadlineMillis = deadlineMillis;
    this.lifecycle = lifecycle;
  }

  @Override
  public void mount(Router router) {
    router.get("/health/live").handler(ctx -> send(ctx, 200, "UP"));
    router.get("/health/ready").handler(this::ready);
  }

  private void ready(RoutingContext ctx) {
    if (lifecycle.draining()) {
      send(ctx, 503, "DRAINING");
      return;
    }
    if (engine.active().model() == null) {
      send(ctx, 503, "DOWN");
      return;
    }
    store.ping().timeout(deadlineMillis, TimeUnit.MILLISECONDS)
        .onSuccess(v -> send(ctx, 200, "UP"))
        .onFailure(e -> send(ctx, 503, "DOWN"));
  }

  private static void send(RoutingContext ctx, int status, String state) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("status", state).toBuffer());
  }
}
