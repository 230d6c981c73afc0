package com.creditgate.gateway.limitcheck;

import com.creditgate.common.TimeOrderedIds;
import com.creditgate.common.account.AccountStatus;
import com.creditgate.gateway.audit.AuditRecord;
import com.creditgate.gateway.audit.DecisionAuditLog;
import com.creditgate.gateway.error.GatewayException;
import com.creditgate.gateway.http.ApiAuth;
import com.creditgate.gateway.http.FlatJsonBody;
import com.creditgate.gateway.http.Responses;
import com.creditgate.gateway.http.RouteModule;
import com.creditgate.gateway.ops.GatewayMetrics;
import com.creditgate.gateway.risk.RiskEngine;
import com.creditgate.gateway.store.AccountRead;
import com.creditgate.gateway.store.AccountRecord;
import com.creditgate.gateway.store.AccountStore;
import com.creditgate.scoring.decision.Evaluation;
import com.creditgate.scoring.feature.FeatureAssembler;
import com.creditgate.scoring.policy.ReviewInput;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code POST /v1/limit-checks}: read-only. request → account (L1 → Redis → Postgres) → features → score →
 * decision → response. Scoring runs on the event loop: it is O(features) arithmetic. When no storage level
 * can answer within the deadline the answer is still 200: a conservative {@code DECLINE} with reason D206 and
 * {@code degraded: true}; an answer read while Redis or Postgres is unhealthy is marked {@code degraded}.
 */
public final class LimitCheckRoutes implements RouteModule {
  private final AccountStore store;
  private final RiskEngine engine;
  private final Clock clock;
  private final DecisionAuditLog audit;
  private final ClosedLineReevaluation reevaluation;
  private final GatewayMetrics metrics;
  /** This verticle's reader of limit-check bodies: routes are built per verticle, so it stays on one event loop. */
  private final FlatJsonBody body = LimitCheckRequest.reader();

  public LimitCheckRoutes(AccountStore store, RiskEngine engine, Clock clock, DecisionAuditLog audit,
      GatewayMetrics metrics, ClosedLineReevaluation reevaluation) {
    this.reevaluation = reevaluation;
    this.store = store;
    this.engine = engine;
    this.clock = clock;
    this.audit = audit;
    this.metrics = metrics;
  }

  @Override
  public void mount(Router router) {
    router.post("/v1/limit-checks").handler(this::check);
  }

  private void check(RoutingContext ctx) {
    long startNanos = System.nanoTime();
    LimitCheckRequest request = LimitCheckRequest.parse(body.read(ctx.body().buffer()));
    store.read(request.accountId())
        .compose(this::reopenIfClosed)
        .map(read -> decide(ctx, request, read))
        .recover(e -> e instanceof GatewayException.DependencyUnavailable
            ? Future.succeededFuture(ConservativeDecision.of(request.accountId(), request.amountMinor(),
                engine.active(), Responses.locale(ctx), metrics, audit, ctx.get(ApiAuth.CLIENT_ID), clock.instant(),
                request))
            : Future.failedFuture(e))
        .onSuccess(answer -> {
          Responses.json(ctx, 200, answer.body());
          metrics.decisionLatency(answer.decision(), System.nanoTime() - startNanos);
        })
        .onFailure(ctx::fail);
  }

  /**
   * SPEC 2.4 #13: a CLOSED line is re-evaluated first and the check decided on the result. The review is run
   * in memory first (pure, O(features)); only when it would reopen the line is it stored, so repeated checks on
   * a line that stays closed write nothing.
   */
  private Future<AccountRead> reopenIfClosed(AccountRead read) {
    AccountRecord record = read.record();
    if (record.status() != AccountStatus.CLOSED) {
      return Future.succeededFuture(read);
    }
    Instant now = clock.instant();
    RiskEngine.Active active = engine.active();
    float[] features = FeatureAssembler.assemble(record.features(), record, record, now);
    double pd = active.pd(features);
    // A model that answers no finite PD cannot reopen a line: it stays closed and the check declines.
    if (!Double.isFinite(pd) || active.policy()
        .review(ReviewInput.of(record.profile(), record.state(), features, pd, now)).status() == AccountStatus.CLOSED) {
      return Future.succeededFuture(read);
    }
    return reevaluation.reevaluate(record).map(reopened -> new AccountRead(reopened, read.degraded()));
  }

  private LimitCheckAnswer.Written decide(RoutingContext ctx, LimitCheckRequest request, AccountRead read) {
    AccountRecord record = read.record();
    RiskEngine.Active active = engine.active();
    Instant now = clock.instant();
    // the record is its own profile and state (ProfileFacts, CreditFacts): no value objects per request
    Evaluation evaluation = active.champion().evaluate(record, record, record.features(), request, now);
    engine.shadow(active, evaluation.features(), evaluation.pd(), evaluation.pdCutoff());
    metrics.decision(evaluation.decision(), read.degraded());
    UUID decisionId = TimeOrderedIds.next(now.toEpochMilli());
    audit.offer(new AuditRecord(decisionId, record.accountId(), request.amountMinor(), evaluation.decision(),
        evaluation.score(), evaluation.pd(), AuditRecord.pack(evaluation.reasons()), evaluation.modelVersion(),
        evaluation.policyVersion(), evaluation.features(), read.degraded(), ctx.get(ApiAuth.CLIENT_ID),
        now.toEpochMilli(), request.orderId(), request.merchantCategory(), request.channel()));
    return new LimitCheckAnswer.Written(evaluation.decision(), LimitCheckAnswer.decided(decisionId.toString(),
        evaluation.decision(), record.accountId(), request.amountMinor(), record, evaluation.score(), evaluation.pd(),
        evaluation.reasons(), Responses.locale(ctx), read.degraded(), evaluation.modelVersion(),
        evaluation.policyVersion()));
  }
}
