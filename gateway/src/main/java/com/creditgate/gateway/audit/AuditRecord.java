package com.creditgate.gateway.audit;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * One limit-check decision as audited: what was asked, what was answered, and on which evidence (feature
 * snapshot, model and policy versions). Immutable; {@code features} is a snapshot no one else writes. A
 * conservative decision taken without the account has score 0, PD {@code NaN} and a vector of missing values.
 *
 * @param orderId the checkout's order the limit-check was for, or {@code null} when the request named none
 * @param merchantCategory the checkout's merchant category, or {@code null}
 * @param channel the checkout's channel, or {@code null}
 */
public record AuditRecord(
    String decisionId,
    String accountId,
    long amountMinor,
    String decision,
    int score,
    double pd,
    List<String> reasonCodes,
    String modelVersion,
    String policyVersion,
    float[] features,
    boolean degraded,
    String clientId,
    Instant decidedAt,
    String orderId,
    String merchantCategory,
    String channel) {

  /** The record as one structured log line (used when it cannot be written to Postgres). */
  public JsonObject json() {
    JsonArray vector = new JsonArray();
    for (float f : features) {
      vector.add(Float.isNaN(f) ? null : f);
    }
    return new JsonObject().put("decisionId", decisionId).put("accountId", accountId).put("amount", amountMinor)
        .put("decision", decision).put("score", score).put("pd", Double.isNaN(pd) ? null : pd).put("reasons", new JsonArray(reasonCodes))
        .put("modelVersion", modelVersion).put("policyVersion", policyVersion).put("features", vector)
        .put("degraded", degraded).put("clientId", clientId).put("decidedAt", decidedAt.toString())
        .put("orderId", orderId).put("merchantCategory", merchantCategory).put("channel", channel);
  }
}
