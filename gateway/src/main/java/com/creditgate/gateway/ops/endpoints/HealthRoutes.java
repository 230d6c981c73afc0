package com.creditgate.gateway.ops.endpoints;

import com.creditgate.gateway.http.RouteModule;
import com.creditgate.gateway.ops.DependencyProbe;
import com.creditgate.gateway.ops.Lifecycle;
import com.creditgate.gateway.risk.RiskEngine;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * {@code /health/live} (the process answers: no I/O) and {@code /health/ready}: whether this replica can serve,
 * not whether every dependency is perfect. Not ready (503) when draining, without a model, or when Postgres does
 * not answer and the L1 cache holds nothing to decide from; otherwise ready (200), {@code "DEGRADED"} with the
 * dependencies that did not answer listed in {@code degraded} (Redis down: decisions flow from L1 and Postgres;
 * Postgres down: decisions flow from L1, money writes answer 503). The body lists each check and each circuit
 * breaker's state: {@code {"status":"DEGRADED","degraded":["redis"],"checks":{"postgres":"UP","redis":"DOWN",
 * "model":"UP"},"breakers":{"postgres":"CLOSED","redis":"OPEN"}}}.
 */
public final class HealthRoutes implements RouteModule {
  private static final String POSTGRES = "postgres";
  private final List<DependencyProbe> probes;
  private final RiskEngine engine;
  private final long deadlineMillis;
  private final Lifecycle lifecycle;
  private final LongSupplier cachedAccounts;

  /** {@code cachedAccounts} counts what the L1 cache could still decide from without Postgres. */
  public HealthRoutes(List<DependencyProbe> probes, RiskEngine engine, long deadlineMillis, Lifecycle lifecycle,
      LongSupplier cachedAccounts) {
    this.probes = List.copyOf(probes);
    this.engine = engine;
    this.deadlineMillis = deadlineMillis;
    this.lifecycle = lifecycle;
    this.cachedAccounts = cachedAccounts;
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
      JsonArray degraded = new JsonArray();
      boolean postgresDown = false;
      for (int i = 0; i < probes.size(); i++) {
        String name = probes.get(i).name();
        boolean answered = pings.get(i).result();
        checks.put(name, answered ? "UP" : "DOWN");
        breakers.put(name, probes.get(i).breakerState().get());
        if (!answered) {
          degraded.add(name);
          postgresDown |= POSTGRES.equals(name);
        }
      }
      boolean model = engine.active().model() != null;
      checks.put("model", model ? "UP" : "DOWN");
      boolean canServe = model && !(postgresDown && cachedAccounts.getAsLong() == 0);
      String status = !canServe ? "DOWN" : degraded.isEmpty() ? "UP" : "DEGRADED";
      JsonObject body = new JsonObject().put("status", status).put("degraded", degraded).put("checks", checks)
          .put("breakers", breakers);
      send(ctx, canServe ? 200 : 503, body);
    });
  }

  private static void send(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.toBuffer());
  }
}
