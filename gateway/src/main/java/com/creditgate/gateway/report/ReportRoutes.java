package com.creditgate.gateway.report;

import com.creditgate.gateway.http.JsonBody;
import com.creditgate.gateway.http.Responses;
import com.creditgate.gateway.http.RouteModule;
import com.creditgate.gateway.http.Validation;
import com.creditgate.gateway.risk.RiskEngine;
import com.creditgate.gateway.store.AccountStore;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Locale;

/**
 * {@code GET /v1/accounts/{id}/report} (what moves this account's limit, with tips) and
 * {@code POST /v1/accounts/{id}/simulate} (the limit calculator). Both read the account and change nothing.
 */
public final class ReportRoutes implements RouteModule {
  private final AccountStore store;
  private final RiskEngine engine;
  private final Clock clock;

  public ReportRoutes(AccountStore store, RiskEngine engine, Clock clock) {
    this.store = store;
    this.engine = engine;
    this.clock = clock;
  }

  @Override
  public void mount(Router router) {
    router.get("/v1/accounts/:accountId/report").handler(this::report);
    router.post("/v1/accounts/:accountId/simulate").handler(this::simulate);
  }

  private void report(RoutingContext ctx) {
    String accountId = Validation.pathId("accountId", ctx.pathParam("accountId"));
    Locale locale = Responses.locale(ctx);
    store.get(accountId)
        .map(record -> AccountReport.of(record, engine.active(), clock.instant(), locale))
        .onSuccess(body -> Responses.json(ctx, 200, body))
        .onFailure(ctx::fail);
  }

  private void simulate(RoutingContext ctx) {
    String accountId = Validation.pathId("accountId", ctx.pathParam("accountId"));
    SimulatedChanges changes = SimulatedChanges.parse(JsonBody.of(ctx.body().buffer()));
    Locale locale = Responses.locale(ctx);
    store.get(accountId)
        .map(record -> {
          LimitSimulator.Result result = LimitSimulator.run(record, changes, engine.active(), clock.instant());
          return new JsonObject()
              .put("accountId", accountId)
              .put("creditLimit", result.simulated().creditLimitMinor())
              .put("available", result.availableMinor())
              .put("tier", result.simulated().tier())
              .put("status", result.simulated().status().name())
              .put("increaseEligible", result.simulated().increaseEligible())
              .put("reasons", Responses.reasons(result.simulated().reasons(), locale))
              .put("delta", result.deltaMinor())
              .put("baselineCreditLimit", result.baseline().creditLimitMinor())
              .put("currentCreditLimit", record.state().creditLimitMinor());
        })
        .onSuccess(body -> Responses.json(ctx, 200, body))
        .onFailure(ctx::fail);
  }
}
