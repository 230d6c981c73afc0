package com.creditgate.gateway.report;

import com.creditgate.common.account.CreditState;
import com.creditgate.common.reason.ReasonCode;
import com.creditgate.gateway.ledger.ReviewPreview;
import com.creditgate.gateway.risk.RiskEngine;
import com.creditgate.gateway.store.AccountRecord;
import com.creditgate.scoring.feature.FeatureAssembler;
import com.creditgate.scoring.model.Factor;
import com.creditgate.scoring.model.ScoreScale;
import com.creditgate.scoring.policy.ReviewOutcome;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The report of one account: the model factors that lower its score (from the model's explanation, each with
 * its impact) and the policy outcomes of a review run now (each with its effect on the limit), every one with
 * its reason code, message and, where the customer can act, a concrete tip. The review starts from the ledger's
 * review inputs (earned limit, line history), as a real review would. Pure: the review is not stored.
 */
final class AccountReport {
  static final int MODEL_FACTORS_MAX = 8;
  private static final Set<ReasonCode> RAISING = EnumSet.of(ReasonCode.THRESHOLD_INCREASE,
      ReasonCode.ENGAGEMENT_BOOST, ReasonCode.PROMOTION_WINDOW, ReasonCode.INDIVIDUAL_OVERRIDE,
      ReasonCode.REOPENED, ReasonCode.FREEZE_LIFTED);

  private AccountReport() {}

  static JsonObject of(ReviewPreview preview, Locale locale) {
    AccountRecord record = preview.record();
    RiskEngine.Active active = preview.active();
    CreditState state = record.state();
    float[] features = FeatureAssembler.assemble(preview.features(), record.profile(), state, preview.now());
    RiskEngine.Review reviewed = preview.review(record.profile(), features);
    double pd = reviewed.pd();
    ReviewOutcome review = reviewed.outcome();
    JsonArray factors = new JsonArray();
    Set<ReasonCode> tipped = new LinkedHashSet<>();
    for (Factor factor : active.explain(features, MODEL_FACTORS_MAX)) {
      ReasonCode reason = factor.feature().reason();
      factors.add(factor(reason, "MODEL", "LOWERS_SCORE", locale)
          .put("feature", factor.feature().jsonName())
          .put("impact", Math.round(factor.impact() * 100) / 100.0));
      tipped.add(reason);
    }
    for (ReasonCode reason : review.increaseClosedReasons()) {
      factors.add(factor(reason, "POLICY", "BLOCKS_INCREASE", locale));
      tipped.add(reason);
    }
    for (ReasonCode reason : review.reasons()) {
      if (!review.increaseClosedReasons().contains(reason)) {
        factors.add(factor(reason, "POLICY", policyEffect(reason), locale));
        tipped.add(reason);
      }
    }
    return new JsonObject()
        .put("accountId", record.accountId())
        .put("creditLimit", state.creditLimitMinor())
        .put("available", state.availableMinor())
        .put("status", state.status().name())
        .put("tier", state.tier())
        .put("score", ScoreScale.scoreOf(pd))
        .put("pd", pd)
        .put("increaseEligible", review.increaseEligible())
        .put("reviewedCreditLimit", review.creditLimitMinor())
        .put("factors", factors)
        .put("tips", tips(tipped, locale))
        .put("modelVersion", active.model().version())
        .put("policyVersion", active.policyDocument().version());
  }

  private static JsonObject factor(ReasonCode reason, String source, String effect, Locale locale) {
    JsonObject factor = new JsonObject().put("code", reason.code()).put("message", reason.message(locale))
        .put("source", source).put("effect", effect);
    ImprovementTips.tip(reason, locale).ifPresent(tip -> factor.put("tip", tip));
    return factor;
  }

  private static String policyEffect(ReasonCode reason) {
    if (reason == ReasonCode.BASE_LIMIT) {
      return "SETS_LIMIT";
    }
    return RAISING.contains(reason) ? "RAISES_LIMIT" : "LOWERS_LIMIT";
  }

  private static JsonArray tips(Set<ReasonCode> reasons, Locale locale) {
    JsonArray tips = new JsonArray();
    for (ReasonCode reason : reasons) {
      ImprovementTips.tip(reason, locale)
          .ifPresent(tip -> tips.add(new JsonObject().put("code", reason.code()).put("tip", tip)));
    }
    return tips;
  }
}
