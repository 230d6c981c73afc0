package com.creditgate.scoring.policy;

import com.creditgate.common.account.AccountProfile;
import com.creditgate.common.account.AccountStatus;
import com.creditgate.common.account.CreditState;
import com.creditgate.common.reason.ReasonCode;
import com.creditgate.scoring.feature.Feature;
import com.creditgate.scoring.feature.FeatureSchema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A review scenario for policy tests: by default a healthy, engaged account with a balance, that repays on
 * time. Income 20 000 CNY/month, assets 100 000 CNY → capacity 70 000 CNY; limit 50 000 CNY; PD 0.5 % (tier A).
 */
final class Scenario {
  static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");

  String region = "310000";
  String occupation = "ENGINEER";
  long monthlyIncomeMinor = 2_000_000;
  String segment = "MASS";
  long assetsMinor = 10_000_000;
  long creditLimitMinor = 5_000_000;
  long outstandingMinor = 1_000_000;
  AccountStatus status = AccountStatus.ACTIVE;
  double pd = 0.005;
  int previousScore = ReviewInput.NO_PREVIOUS_SCORE;
  long segmentExposureMinor = ReviewInput.UNKNOWN_EXPOSURE;
  Instant now = NOW;
  PolicyDocument policy = PolicyDocument.defaults();
  final float[] features = FeatureSchema.missingVector();
  /** The line's history; {@code null}: known only by its state ({@link LineHistory#of}). */
  LineHistory history;

  Scenario() {
    set(Feature.CREDIT_SCORE, 720);
    set(Feature.ACCOUNT_AGE_DAYS, 900);
    set(Feature.ONTIME_REPAYMENTS_12M, 2);
    set(Feature.ONTIME_RATIO_12M, 1);
    set(Feature.CURRENT_DPD, 0);
    set(Feature.MAX_DPD_12M, 0);
    set(Feature.OVERDUE_COUNT_12M, 0);
    set(Feature.EXTENSIONS_12M, 0);
    set(Feature.INQUIRIES_30D, 0);
    set(Feature.INQUIRIES_90D, 1);
    set(Feature.LOGIN_ANOMALY_SCORE, 0.05f);
    set(Feature.TXN_ANOMALY_FLAGS, 0);
    set(Feature.LINKED_ACCOUNT_RISK, 0.05f);
    set(Feature.DAYS_SINCE_LAST_DRAW, 12);
    set(Feature.QUICK_CYCLES_30D, 0);
    set(Feature.ENGAGEMENT_TASKS, 0);
  }

  /** The default scenario, about to cross the on-time threshold for an increase. */
  static Scenario healthy() {
    return new Scenario();
  }

  /** The default scenario with enough on-time repayments to trigger an increase. */
  static Scenario dueForIncrease() {
    return new Scenario().set(Feature.ONTIME_REPAYMENTS_12M, 8);
  }

  Scenario set(Feature feature, float value) {
    features[feature.ordinal()] = value;
    return this;
  }

  Scenario policy(String json) {
    this.policy = PolicyDocumentReader.read(json.getBytes());
    return this;
  }

  ReviewOutcome review() {
    AccountProfile profile = new AccountProfile(region, occupation, monthlyIncomeMinor, 720, segment, assetsMinor,
        Instant.parse("2024-01-01T00:00:00Z"));
    List<ReasonCode> closed = new ArrayList<>();
    CreditState state = new CreditState(creditLimitMinor, outstandingMinor, 0, status, "A", closed.isEmpty(), closed,
        1);
    return new LimitPolicy(policy).review(new ReviewInput(profile, state, features.clone(), pd, previousScore,
        segmentExposureMinor, now, history == null ? LineHistory.of(state) : history));
  }

  /** Carries {@code outcome} into this scenario, as the ledger stores it: the next review starts from it. */
  Scenario after(ReviewOutcome outcome) {
    LineHistory before = history == null ? new LineHistory(creditLimitMinor, null, 0) : history;
    history = before.after(outcome, now);
    creditLimitMinor = outcome.creditLimitMinor();
    status = outcome.status();
    previousScore = com.creditgate.scoring.model.ScoreScale.scoreOf(pd);
    return this;
  }

  /** Whether a cut other than dormancy applies to this scenario's inputs (overdue past the cut, churn). */
  boolean cutByOtherRules() {
    return features[Feature.CURRENT_DPD.ordinal()] > policy.overdue().cutAfterDays()
        || features[Feature.QUICK_CYCLES_30D.ordinal()] >= policy.churn().minQuickCycles30d();
  }

  /** Reviews, carries the outcome, and returns it. */
  ReviewOutcome reviewAndKeep() {
    ReviewOutcome outcome = review();
    after(outcome);
    return outcome;
  }
}
