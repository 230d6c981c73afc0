package com.creditgate.gateway.ops;

import com.creditgate.gateway.Lifecycle;
import com.creditgate.gateway.http.RouteModule;
import com.creditgate.gateway.risk.RiskEngine;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code /health/live} (the process answers: no I/O) and {@code /health/ready} (every configured dependency
 * answers within the deadline and a model is loaded). The readiness body lists each check and each circuit
 * breaker's state: {@code {"status":"UP","checks":{"postgres":"UP","redis":"UP","model":"UP"},
 * "breakers":{"postgres":"CLOSED","redis":"CLOSED"}}}.
 */
public final class HealthRoutes implements RouteModule {
  private final List<DependencyProbe> probes;
  private final RiskEngine engine;
  private final long deadlineMillis;
  private final Lifecycle lifecycle;

  public HealthRoutes(List<DependencyProbe> probes, RiskEngine engine, long deadlineMillis, Lifecycle lifecycle) {
    this.probes = List.copyOf(probes);
    this.engine = engine;
    this.deadlineMillis = deadlineMillis;
    this.lifecycle = lifecycle;
  }

  @Override
  public void mount(Router router) {
    router.get("/health/live").handler(ctx -> send(ctx, 200, new JsonObject().put("status", "UP")));
    router.get("/health/ready").handler(this::ready);
  }

  private void ready(RoutingContext ctx) {
    if (lifecycle.draining()) {
      send(ctx, 503, new JsonObject().put("status", "DRAINING"));
      return;
    }
    List<Future<Boolean>> pings = new ArrayList<>(probes.size());
    for (DependencyProbe probe : probes) {
      pings.add(probe.ping().get().timeout(deadlineMillis, TimeUnit.MILLISECONDS)
          .map(true).otherwise(false));
    }
    Future.join(pings).onComplete(all -> {
      JsonObject checks = new JsonObject();
      JsonObject breakers = new JsonObject();
      boolean up = engine.active().model() != null;
      for (int i = 0; i < probes.size(); i++) {
        boolean answered = pings.get(i).result();
        checks.put(probes.get(i).name(), answered ? "UP" : "DOWN");
        breakers.put(probes.get(i).name(), probes.get(i).breakerState().get());
        up &= answered;
      }
      checks.put("model", engine.active().model() != null ? "UP" : "DOWN");
      JsonObject body = new JsonObject().put("status", up ? "UP" : "DOWN").put("checks", checks)
          .put("breakers", breakers);
      send(ctx, up ? 200 : 503, body);
    });
  }

  private static void send(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.toBuffer());
  }
}
