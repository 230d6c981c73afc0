package com.creditgate.gateway.limitcheck;

import com.creditgate.common.TimeOrderedIds;
import com.creditgate.common.reason.ReasonCode;
import com.creditgate.gateway.audit.AuditRecord;
import com.creditgate.gateway.audit.DecisionAuditLog;
import com.creditgate.gateway.ops.GatewayMetrics;
import com.creditgate.gateway.risk.RiskEngine;
import com.creditgate.scoring.decision.Decision;
import com.creditgate.scoring.feature.FeatureSchema;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The answer when no storage level can produce the account within the deadline: {@code DECLINE} with reason
 * D206 and {@code degraded: true}. Nothing about the account is known, so every account field is
 * {@code null} and {@code available} is 0: a checkout never spends credit it could not see.
 */
final class ConservativeDecision {
  private static final int DEGRADED_REASON = AuditRecord.pack(List.of(ReasonCode.DEGRADED_CONSERVATIVE));

  private ConservativeDecision() {}

  static LimitCheckAnswer.Written of(String accountId, long amountMinor, RiskEngine.Active active, Locale locale,
      GatewayMetrics metrics, DecisionAuditLog audit, String clientId, Instant now,
      LimitCheckRequest request) {
    metrics.decision(Decision.DECLINE, true);
    UUID decisionId = TimeOrderedIds.next(now.toEpochMilli());
    String modelVersion = active.model().version();
    String policyVersion = active.policyDocument().version();
    audit.offer(new AuditRecord(decisionId, accountId, amountMinor, Decision.DECLINE, 0, Double.NaN, DEGRADED_REASON,
        modelVersion, policyVersion, FeatureSchema.missingVector(), true, clientId, now.toEpochMilli(),
        request.orderId(), request.merchantCategory(), request.channel()));
    return new LimitCheckAnswer.Written(Decision.DECLINE,
        LimitCheckAnswer.conservative(decisionId.toString(), accountId, amountMinor, locale, modelVersion, policyVersion));
  }
}
