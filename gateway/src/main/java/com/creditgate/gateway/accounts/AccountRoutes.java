package com.creditgate.gateway.accounts;

import com.creditgate.common.reason.ReasonCode;
import com.creditgate.gateway.http.JsonBody;
import com.creditgate.gateway.http.Responses;
import com.creditgate.gateway.http.RouteModule;
import com.creditgate.gateway.http.Validation;
import com.creditgate.gateway.ledger.LedgerAccess;
import com.creditgate.gateway.risk.RiskEngine;
import com.creditgate.gateway.store.AccountRecord;
import com.creditgate.gateway.store.AccountStore;
import com.creditgate.scoring.feature.FeatureAssembler;
import com.creditgate.scoring.model.Factor;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;

/** {@code PUT /v1/accounts/{id}} and {@code GET /v1/accounts/{id}/credit}. */
public final class AccountRoutes implements RouteModule {
  private static final int REASONS_MAX = 4;

  private final AccountStore store;
  private final RiskEngine engine;
  private final Clock clock;
  private final ProfileWriter profileWriter;

  /** Profiles go through the ledger, with limit history, each write within the access's deadline. */
  public AccountRoutes(RiskEngine engine, LedgerAccess access) {
    this(access.store(), engine, access.clock(), new LedgerProfileWriter(access));
  }

  private AccountRoutes(AccountStore store, RiskEngine engine, Clock clock, ProfileWriter profileWriter) {
    this.store = store;
    this.engine = engine;
    this.clock = clock;
    this.profileWriter = profileWriter;
  }

  @Override
  public void mount(Router router) {
    router.put("/v1/accounts/:accountId").handler(this::putProfile);
    router.get("/v1/accounts/:accountId/credit").handler(this::getCredit);
  }

  private void putProfile(RoutingContext ctx) {
    String accountId = Validation.pathId("accountId", ctx.pathParam("accountId"));
    JsonBody body = JsonBody.of(ctx.body().buffer());
    profileWriter.apply(accountId, ProfileRequest.parse(body, clock.instant()))
        .onSuccess(result -> Responses.json(ctx, result.created() ? 201 : 200, view(ctx, result.record())))
        .onFailure(ctx::fail);
  }

  private void getCredit(RoutingContext ctx) {
    String accountId = Validation.pathId("accountId", ctx.pathParam("accountId"));
    store.get(accountId)
        .onSuccess(record -> Responses.json(ctx, 200, view(ctx, record)))
        .onFailure(ctx::fail);
  }

  private io.vertx.core.json.JsonObject view(RoutingContext ctx, AccountRecord record) {
    RiskEngine.Active active = engine.active();
    float[] features = FeatureAssembler.assemble(record.features(), record.profile(), record.state(), clock.instant());
    List<ReasonCode> reasons = active.explain(features, REASONS_MAX).stream().map(Factor::feature)
        .map(f -> f.reason()).toList();
    return CreditView.of(record, active.policyDocument(), reasons, Responses.locale(ctx));
  }
}
