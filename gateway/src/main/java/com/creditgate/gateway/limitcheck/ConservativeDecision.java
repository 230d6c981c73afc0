package com.creditgate.gateway.limitcheck;

import com.creditgate.common.reason.ReasonCode;
import com.creditgate.gateway.http.Responses;
import com.creditgate.gateway.ops.GatewayMetrics;
import com.creditgate.gateway.risk.RiskEngine;
import com.creditgate.scoring.decision.Decision;
import io.vertx.core.json.JsonObject;
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
      GatewayMetrics metrics) {
    metrics.decision(Decision.DECLINE, true);
    return new JsonObject()
        .put("decisionId", DecisionIds.next())
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
