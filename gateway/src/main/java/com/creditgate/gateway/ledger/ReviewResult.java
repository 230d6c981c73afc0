package com.creditgate.gateway.ledger;

import com.creditgate.gateway.http.Responses;
import com.creditgate.gateway.store.AccountRecord;
import com.creditgate.scoring.policy.ReviewOutcome;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * A committed review: the account before and after, what the policy said, and whether limit, status or
 * eligibility changed (then a history row and a notification were written in the same transaction).
 */
public record ReviewResult(AccountRecord before, AccountRecord after, ReviewOutcome outcome, int score,
    boolean changed, String modelVersion, String policyVersion) {

  /** The answer of {@code POST /v1/accounts/{id}/reviews}, also embedded in event answers. */
  public JsonObject json(Locale locale) {
    return new JsonObject()
        .put("accountId", after.accountId())
        .put("changed", changed)
        .put("before", state(before))
        .put("after", state(after))
        .put("score", score)
        .put("dailyRate", outcome.dailyRate())
        .put("increaseClosedReasons", Responses.reasons(outcome.increaseClosedReasons(), locale))
        .put("reasons", Responses.reasons(outcome.reasons(), locale))
        .put("firedRules", new JsonArray(outcome.firedRules()))
        .put("modelVersion", modelVersion)
        .put("policyVersion", policyVersion);
  }

  static JsonObject state(AccountRecord record) {
    var s = record.state();
    return new JsonObject().put("creditLimit", s.creditLimitMinor()).put("available", s.availableMinor())
        .put("outstanding", s.outstandingMinor()).put("held", s.heldMinor()).put("status", s.status().name())
        .put("tier", s.tier()).put("increaseEligible", s.increaseEligible()).put("version", s.version());
  }
}
