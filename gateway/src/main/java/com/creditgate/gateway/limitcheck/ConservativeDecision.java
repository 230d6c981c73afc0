package com.creditgate.gateway.limitcheck;

import com.creditgate.common.reason.ReasonCode;
import com.creditgate.gateway.audit.AuditRecord;
import com.creditgate.gateway.audit.DecisionAuditLog;
import com.creditgate.gateway.http.Responses;
import com.creditgate.gateway.ops.GatewayMetrics;
import com.creditgate.gateway.risk.RiskEngine;
import com.creditgate.scoring.decision.Decision;
import com.creditgate.scoring.feature.FeatureSchema;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The answer when no storage level can produce the account within the deadline: {@code DECLINE} with reason
 * D206 and {@code degraded: true}. Nothing about the account is known, so every account field is
 * {@code null} and {@code available} is 0: a checkout never spends credit it could not see.
 */
final class ConservativeDecision {
  private ConservativeDecision() {}

  static JsonObject of(String accountId, long amountMinor, RiskEngine.Active active, Locale locale,
      GatewayMetrics metrics, DecisionAuditLog audit, String clientId, Instant now, LimitCheckRequest request) {
    metrics.decision(Decision.DECLINE, true);
    String decisionId = DecisionIds.next();
    audit.offer(new AuditRecord(decisionId, accountId, amountMinor, Decision.DECLINE.name(), 0, Double.NaN,
        List.of(ReasonCode.DEGRADED_CONSERVATIVE.code()), active.model().version(), active.policyDocument().version(),
        FeatureSchema.missingVector(), true, clientId, now, request.orderId(), request.merchantCategory(),
        request.channel()));
    return new JsonObject()
        .put("decisionId", decisionId)
        .put("decision", Decision.DECLINE.name())
        .put("accountId", accountId)
        .put("amount", amountMinor)
        .put("available", 0L)
        .putNull("creditLimit")
        .putNull("outstanding")
        .putNull("held")
        .putNull("status")
        .putNull("score")
        .putNull("pd")
        .putNull("tier")
        .put("reasons", Responses.reasons(List.of(ReasonCode.DEGRADED_CONSERVATIVE), locale))
        .put("degraded", true)
        .put("modelVersion", active.model().version())
        .put("policyVersion", active.policyDocument().version());
  }
}
