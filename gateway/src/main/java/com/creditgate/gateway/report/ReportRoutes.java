package com.creditgate.gateway.report;

import com.creditgate.gateway.http.JsonBody;
import com.creditgate.gateway.http.Responses;
import com.creditgate.gateway.http.RouteModule;
import com.creditgate.gateway.http.Validation;
import com.creditgate.gateway.ledger.AccountLedger;
import com.creditgate.gateway.ledger.ReviewPreview;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.Locale;

/**
 * {@code GET /v1/accounts/{id}/report} (what moves this account's limit, with tips) and
 * {@code POST /v1/accounts/{id}/simulate} (the limit calculator). Both read the account from Postgres with the
 * ledger's review inputs ({@link AccountLedger#preview}) and change nothing.
 */
public final class ReportRoutes implements RouteModule {
  private final Pool pool;
  private final AccountLedger ledger;
  private final Clock clock;

  public ReportRoutes(Pool pool, AccountLedger ledger, Clock clock) {
    this.pool = pool;
    this.ledger = ledger;
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
    preview(accountId)
        .map(preview -> AccountReport.of(preview, locale))
        .onSuccess(body -> Responses.json(ctx, 200, body))
        .onFailure(ctx::fail);
  }

  private void simulate(RoutingContext ctx) {
    String accountId = Validation.pathId("accountId", ctx.pathParam("accountId"));
    SimulatedChanges changes = SimulatedChanges.parse(JsonBody.of(ctx.body().buffer()));
    Locale locale = Responses.locale(ctx);
    preview(accountId)
        .map(preview -> {
          LimitSimulator.Result result = LimitSimulator.run(preview, changes);
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
              .put("currentCreditLimit", preview.record().state().creditLimitMinor());
        })
        .onSuccess(body -> Responses.json(ctx, 200, body))
        .onFailure(ctx::fail);
  }

  private Future<ReviewPreview> preview(String accountId) {
    return pool.withConnection(conn -> ledger.preview(conn, accountId, clock.instant()));
  }
}
