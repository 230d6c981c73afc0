package com.creditgate.scoring.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.common.account.AccountStatus;
import com.creditgate.common.reason.ReasonCode;
import com.creditgate.scoring.feature.Feature;
import com.creditgate.scoring.model.ScoreScale;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every rule of SPEC 2.4, each shown firing and not firing. Amounts in fen; see {@link Scenario}. */
class LimitPolicyRulesTests {
  private static final String DOWNTURN = """
      {"overlays":[{"id":"downturn-2026","kind":"TIGHTENING","segment":"MASS",
        "from":"2026-11-01T00:00:00Z","until":"2027-01-01T00:00:00Z","cutBps":2000,"closeIncreases":true}]}""";

  @Nested
  class BaseLimit {
    @Test
    void newLineIsGrantedCapacityTimesBand() {
      Scenario s = Scenario.healthy();
      s.creditLimitMinor = 0;
      s.outstandingMinor = 0;
      ReviewOutcome outcome = s.review();
      assertThat(outcome.creditLimitMinor()).isEqualTo(7_000_000);
      assertThat(outcome.reasons()).contains(ReasonCode.BASE_LIMIT);
      assertThat(outcome.firedRules()).contains("BaseLimitRule");
    }

    @Test
    void lineAboveCapacityComesDown() {
      Scenario s = Scenario.healthy();
      s.monthlyIncomeMinor = 1_000_000;
      assertThat(s.review().creditLimitMinor()).isEqualTo(4_000_000);
    }

    @Test
    void lineBelowCapacityIsNotMovedByIt() {
      ReviewOutcome outcome = Scenario.healthy().review();
      assertThat(outcome.creditLimitMinor()).isEqualTo(5_000_000);
      assertThat(outcome.firedRules()).doesNotContain("BaseLimitRule");
    }

    @Test
    void limitIsRoundedDownToTheStep() {
      Scenario s = Scenario.healthy();
      s.creditLimitMinor = 0;
      s.monthlyIncomeMinor = 1_234_567;
      assertThat(s.review().creditLimitMinor() % 10_000).isZero();
    }
  }

  @Nested
  class Caps {
    @Test
    void customerCapIs200000Cny() {
      Scenario s = Scenario.healthy();
      s.creditLimitMinor = 0;
      s.monthlyIncomeMinor = 10_000_000;
      ReviewOutcome outcome = s.review();
      assertThat(outcome.creditLimitMinor()).isEqualTo(20_000_000);
      assertThat(outcome.reasons()).contains(ReasonCode.CUSTOMER_CAP);
    }

    @Test
    void occupationCapLowersAnExistingLimit() {
      Scenario s = Scenario.healthy();
      s.occupation = "STUDENT";
      ReviewOutcome outcome = s.review();
      assertThat(outcome.creditLimitMinor()).isEqualTo(500_000);
      assertThat(outcome.reasons()).contains(ReasonCode.OCCUPATION_CAP);
    }

    @Test
    void regionCapApplies() {
      ReviewOutcome outcome = Scenario.healthy().policy("{\"regionCapsMinor\":{\"310000\":3000000}}").review();
      assertThat(outcome.creditLimitMinor()).isEqualTo(3_000_000);
      assertThat(outcome.reasons()).contains(ReasonCode.REGION_CAP);
    }

    @Test
    void noCapFiresUnderTheCaps() {
      assertThat(Scenario.dueForIncrease().review().reasons())
          .doesNotContain(ReasonCode.CUSTOMER_CAP, ReasonCode.REGION_CAP, ReasonCode.OCCUPATION_CAP);
    }
  }

  @Nested
  class Overdue {
    @Test
    void anyDaysPastDueFreezesAndClosesIncreases() {
      ReviewOutcome outcome = Scenario.dueForIncrease().set(Feature.CURRENT_DPD, 5).review();
      assertThat(outcome.status()).isEqualTo(AccountStatus.FROZEN);
      assertThat(outcome.increaseEligible()).isFalse();
      assertThat(outcome.increaseClosedReasons()).contains(ReasonCode.OVERDUE_FREEZE);
      assertThat(outcome.creditLimitMinor()).isEqualTo(5_000_000);
    }

    @Test
    void longOverdueCutsTheLimit() {
      ReviewOutcome outcome = Scenario.healthy().set(Feature.CURRENT_DPD, 45).review();
      assertThat(outcome.creditLimitMinor()).isEqualTo(2_500_000);
      assertThat(outcome.reasons()).contains(ReasonCode.OVERDUE_LIMIT_CUT);
    }

    @Test
    void repaidOverdueLiftsTheFreezeAtTheNextReview() {
      Scenario s = Scenario.healthy();
      s.status = AccountStatus.FROZEN;
      ReviewOutcome outcome = s.review();
      assertThat(outcome.status()).isEqualTo(AccountStatus.ACTIVE);
      assertThat(outcome.reasons()).contains(ReasonCode.FREEZE_LIFTED);
    }

    @Test
    void nothingOverdueLeavesAnActiveLineAlone() {
      ReviewOutcome outcome = Scenario.healthy().review();
      assertThat(outcome.status()).isEqualTo(AccountStatus.ACTIVE);
      assertThat(outcome.firedRules()).doesNotContain("OverdueRule");
    }
  }

  @Nested
  class RepaymentConduct {
    @Test
    void outstandingBalanceDoesNotBlockAnIncrease() {
      Scenario s = Scenario.dueForIncrease().set(Feature.UTILIZATION, 0.9f);
      s.outstandingMinor = 4_500_000;
      ReviewOutcome outcome = s.review();
      assertThat(outcome.creditLimitMinor()).isEqualTo(6_500_000);
      assertThat(outcome.increaseEligible()).isTrue();
    }

    @Test
    void multipleExtensionsBlockAnIncrease() {
      ReviewOutcome outcome = Scenario.dueForIncrease().set(Feature.EXTENSIONS_12M, 2).review();
      assertThat(outcome.creditLimitMinor()).isEqualTo(5_000_000);
      assertThat(outcome.increaseClosedReasons()).contains(ReasonCode.INCREASE_BLOCKED_BY_EXTENSIONS);
    }

    @Test
    void oneExtensionDoesNotBlock() {
      assertThat(Scenario.dueForIncrease().set(Feature.EXTENSIONS_12M, 1).review().creditLimitMinor())
          .isEqualTo(6_500_000);
    }

    @Test
    void anOverdueInTheLastYearBlocksAnIncrease() {
      ReviewOutcome outcome = Scenario.dueForIncrease().set(Feature.MAX_DPD_12M, 3).review();
      assertThat(outcome.creditLimitMinor()).isEqualTo(5_000_000);
      assertThat(outcome.increaseClosedReasons()).contains(ReasonCode.PAST_OVERDUE);
    }
  }

  @Nested
  class AnomalyClose {
    @Test
    void loginAnomalyClosesIncreasesWithItsReason() {
      ReviewOutcome outcome = Scenario.dueForIncrease().set(Feature.LOGIN_ANOMALY_SCORE, 0.9f).review();
      assertThat(outcome.increaseEligible()).isFalse();
      assertThat(outcome.increaseClosedReasons())
          .containsExactly(ReasonCode.INCREASE_CLOSED_ANOMALY, ReasonCode.LOGIN_ANOMALY);
      assertThat(outcome.creditLimitMinor()).isEqualTo(5_000_000);
    }

    @Test
    void transactionAnomalyAndLinkedRiskCloseIncreases() {
      ReviewOutcome outcome = Scenario.healthy().set(Feature.TXN_ANOMALY_FLAGS, 1)
          .set(Feature.LINKED_ACCOUNT_RISK, 0.8f).review();
      assertThat(outcome.increaseClosedReasons()).containsExactly(ReasonCode.INCREASE_CLOSED_ANOMALY,
          ReasonCode.TRANSACTION_ANOMALY, ReasonCode.LINKED_ACCOUNT_RISK);
    }

    @Test
    void mildSignalsKeepIncreasesOpen() {
      ReviewOutcome outcome = Scenario.dueForIncrease().set(Feature.LOGIN_ANOMALY_SCORE, 0.5f)
          .set(Feature.LINKED_ACCOUNT_RISK, 0.5f).review();
      assertThat(outcome.increaseEligible()).isTrue();
      assertThat(outcome.firedRules()).doesNotContain("AnomalyCloseRule");
    }
  }

  @Nested
  class ThresholdIncrease {
    @Test
    void onTimeRepaymentsRaiseByAtMostTheFactor() {
      ReviewOutcome outcome = Scenario.dueForIncrease().review();
      assertThat(outcome.creditLimitMinor()).isEqualTo(6_500_000);
      assertThat(outcome.reasons()).contains(ReasonCode.THRESHOLD_INCREASE);
    }

    @Test
    void increaseNeverPassesTheTarget() {
      Scenario s = Scenario.dueForIncrease();
      s.creditLimitMinor = 6_000_000;
      assertThat(s.review().creditLimitMinor()).isEqualTo(7_000_000);
    }

    @Test
    void scoreGainSinceLastReviewTriggers() {
      Scenario s = Scenario.healthy();
      s.previousScore = ScoreScale.scoreOf(s.pd) - 25;
      assertThat(s.review().creditLimitMinor()).isEqualTo(6_500_000);
    }

    @Test
    void belowTheThresholdsNothingMoves() {
      Scenario s = Scenario.healthy();
      s.previousScore = ScoreScale.scoreOf(s.pd) - 5;
      ReviewOutcome outcome = s.review();
      assertThat(outcome.creditLimitMinor()).isEqualTo(5_000_000);
      assertThat(outcome.firedRules()).doesNotContain("ThresholdIncreaseRule");
    }

    @Test
    void lowOnTimeRatioDoesNotTrigger() {
      assertThat(Scenario.dueForIncrease().set(Feature.ONTIME_RATIO_12M, 0.8f).review().creditLimitMinor())
          .isEqualTo(5_000_000);
    }
  }

  @Nested
  class EngagementBoost {
    @Test
    void completedTasksRaiseTheIncreaseFactor() {
      ReviewOutcome outcome = Scenario.dueForIncrease().set(Feature.ENGAGEMENT_TASKS, 5).review();
      assertThat(outcome.creditLimitMinor()).isEqualTo(7_000_000);
      assertThat(outcome.reasons()).contains(ReasonCode.ENGAGEMENT_BOOST);
    }

    @Test
    void fewTasksGiveNoBoost() {
      ReviewOutcome outcome = Scenario.dueForIncrease().set(Feature.ENGAGEMENT_TASKS, 2).review();
      assertThat(outcome.creditLimitMinor()).isEqualTo(6_500_000);
      assertThat(outcome.reasons()).doesNotContain(ReasonCode.ENGAGEMENT_BOOST);
    }

    @Test
    void noIncreaseMeansNoBoost() {
      assertThat(Scenario.healthy().set(Feature.ENGAGEMENT_TASKS, 9).review().creditLimitMinor())
          .isEqualTo(5_000_000);
    }
  }

  @Nested
  class DormancyDecay {
    @Test
    void unusedLimitLosesAShareForEachStartedPeriod() {
      assertThat(Scenario.healthy().set(Feature.DAYS_SINCE_LAST_DRAW, 200).review().creditLimitMinor())
          .isEqualTo(4_500_000);
      assertThat(Scenario.healthy().set(Feature.DAYS_SINCE_LAST_DRAW, 400).review().creditLimitMinor())
          .isEqualTo(3_500_000);
    }

    @Test
    void decayStopsAtItsMaximum() {
      ReviewOutcome outcome = Scenario.healthy().set(Feature.DAYS_SINCE_LAST_DRAW, 2_000).review();
      assertThat(outcome.creditLimitMinor()).isEqualTo(2_500_000);
      assertThat(outcome.reasons()).contains(ReasonCode.DORMANCY_DECAY);
    }

    @Test
    void newLineIsDecayedFromItsGrantNotClosed() {
      Scenario s = Scenario.healthy().set(Feature.DAYS_SINCE_LAST_DRAW, 200);
      s.creditLimitMinor = 0;
      s.outstandingMinor = 0;
      ReviewOutcome outcome = s.review();
      assertThat(outcome.creditLimitMinor()).isEqualTo(6_300_000);
      assertThat(outcome.status()).isEqualTo(AccountStatus.ACTIVE);
    }

    @Test
    void recentlyUsedLimitDoesNotDecay() {
      ReviewOutcome outcome = Scenario.healthy().set(Feature.DAYS_SINCE_LAST_DRAW, 179).review();
      assertThat(outcome.creditLimitMinor()).isEqualTo(5_000_000);
      assertThat(outcome.reasons()).doesNotContain(ReasonCode.DORMANCY_DECAY);
    }
  }

  @Nested
  class ChurnPenalty {
    @Test
    void manyQuickCyclesLowerTheLimit() {
      ReviewOutcome outcome = Scenario.healthy().set(Feature.QUICK_CYCLES_30D, 4).review();
      assertThat(outcome.creditLimitMinor()).isEqualTo(4_250_000);
      assertThat(outcome.reasons()).contains(ReasonCode.CHURN_PENALTY);
    }

    @Test
    void fewQuickCyclesAreFine() {
      assertThat(Scenario.healthy().set(Feature.QUICK_CYCLES_30D, 3).review().reasons())
          .doesNotContain(ReasonCode.CHURN_PENALTY);
    }
  }

  @Nested
  class InquiryPenalty {
    @Test
    void manyRecentInquiriesBlockIncreases() {
      ReviewOutcome outcome = Scenario.dueForIncrease().set(Feature.INQUIRIES_30D, 4).review();
      assertThat(outcome.creditLimitMinor()).isEqualTo(5_000_000);
      assertThat(outcome.increaseClosedReasons()).contains(ReasonCode.INQUIRY_BLOCK);
    }

    @Test
    void manyInquiriesOver90DaysBlockIncreases() {
      assertThat(Scenario.healthy().set(Feature.INQUIRIES_90D, 8).review().increaseClosedReasons())
          .contains(ReasonCode.INQUIRY_BLOCK);
    }

    @Test
    void fewInquiriesDoNotBlock() {
      assertThat(Scenario.dueForIncrease().set(Feature.INQUIRIES_30D, 3).review().increaseEligible()).isTrue();
    }
  }

  @Nested
  class PolicyOverlays {
    @Test
    void marketTighteningCutsAndClosesIncreasesInItsWindow() {
      ReviewOutcome outcome = Scenario.dueForIncrease().policy(DOWNTURN).review();
      assertThat(outcome.creditLimitMinor()).isEqualTo(4_000_000);
      assertThat(outcome.reasons()).contains(ReasonCode.MARKET_TIGHTENING);
      assertThat(outcome.increaseClosedReasons()).containsExactly(ReasonCode.INCREASE_CLOSED_BY_POLICY);
    }

    @Test
    void tighteningSparesOtherSegmentsAndOtherTimes() {
      Scenario otherSegment = Scenario.healthy().policy(DOWNTURN);
      otherSegment.segment = "PRIME";
      assertThat(otherSegment.review().creditLimitMinor()).isEqualTo(5_000_000);
      Scenario before = Scenario.healthy().policy(DOWNTURN);
      before.now = java.time.Instant.parse("2026-10-31T23:59:59Z");
      assertThat(before.review().creditLimitMinor()).isEqualTo(5_000_000);
    }

    @Test
    void appetiteMultiplierScalesTheSegmentsCapacity() {
      ReviewOutcome outcome = Scenario.healthy()
          .policy("{\"overlays\":[{\"id\":\"cautious\",\"kind\":\"APPETITE\",\"limitMultiplierBps\":5000}]}")
          .review();
      assertThat(outcome.creditLimitMinor()).isEqualTo(3_500_000);
    }

    @Test
    void promotionWindowRelaxesTheCutoffOnlyInsideIt() {
      Scenario s = Scenario.healthy().policy("""
          {"overlays":[{"id":"double-11","kind":"PROMOTION","pdCutoff":0.35,
            "from":"2026-11-10T00:00:00Z","until":"2026-11-30T00:00:00Z"}],
           "tiers":[{"name":"A","maxPd":0.01,"dailyRate":0.0002,"limitFactorBps":10000},
                    {"name":"D","maxPd":0.40,"dailyRate":0.0005,"limitFactorBps":3000},
                    {"name":"E","maxPd":1.0,"dailyRate":0.0005,"limitFactorBps":0}]}""");
      s.pd = 0.30;
      ReviewOutcome inside = s.review();
      assertThat(inside.status()).isEqualTo(AccountStatus.ACTIVE);
      assertThat(inside.reasons()).contains(ReasonCode.PROMOTION_WINDOW);
      LimitPolicy policy = new LimitPolicy(s.policy);
      assertThat(policy.pdCutoff("MASS", Scenario.NOW)).isEqualTo(0.35);
      s.now = java.time.Instant.parse("2026-12-01T00:00:00Z");
      assertThat(s.review().status()).isEqualTo(AccountStatus.CLOSED);
      assertThat(policy.pdCutoff("MASS", s.now)).isEqualTo(0.25);
    }
  }

  @Nested
  class IndividualOverride {
    @Test
    void strongAccountInATightenedSegmentStillQualifies() {
      Scenario s = Scenario.dueForIncrease().policy(DOWNTURN);
      s.monthlyIncomeMinor = 4_000_000;
      ReviewOutcome outcome = s.review();
      assertThat(outcome.reasons()).contains(ReasonCode.INDIVIDUAL_OVERRIDE).doesNotContain(ReasonCode.MARKET_TIGHTENING);
      assertThat(outcome.creditLimitMinor()).isEqualTo(6_500_000);
      assertThat(outcome.increaseEligible()).isTrue();
    }

    @Test
    void highDebtRatioDoesNotClearTheBar() {
      Scenario s = Scenario.dueForIncrease().policy(DOWNTURN);
      s.monthlyIncomeMinor = 4_000_000;
      s.outstandingMinor = 15_000_000;
      s.creditLimitMinor = 20_000_000;
      ReviewOutcome outcome = s.review();
      assertThat(outcome.reasons()).doesNotContain(ReasonCode.INDIVIDUAL_OVERRIDE);
    }

    @Test
    void noTighteningMeansNothingToOverride() {
      Scenario s = Scenario.dueForIncrease();
      s.monthlyIncomeMinor = 4_000_000;
      assertThat(s.review().reasons()).doesNotContain(ReasonCode.INDIVIDUAL_OVERRIDE);
    }
  }

  @Nested
  class ClosedReEvaluation {
    @Test
    void closedAccountThatQualifiesAgainIsReopened() {
      Scenario s = Scenario.healthy();
      s.status = AccountStatus.CLOSED;
      s.creditLimitMinor = 0;
      s.outstandingMinor = 0;
      ReviewOutcome outcome = s.review();
      assertThat(outcome.status()).isEqualTo(AccountStatus.ACTIVE);
      assertThat(outcome.reasons()).contains(ReasonCode.REOPENED);
      assertThat(outcome.creditLimitMinor()).isEqualTo(7_000_000);
    }

    @Test
    void closedAccountThatStillFailsStaysClosed() {
      Scenario s = Scenario.healthy();
      s.status = AccountStatus.CLOSED;
      s.pd = 0.3;
      assertThat(s.review().status()).isEqualTo(AccountStatus.CLOSED);
    }

    @Test
    void pdAboveCutoffClosesAnActiveLine() {
      Scenario s = Scenario.healthy();
      s.pd = 0.3;
      ReviewOutcome outcome = s.review();
      assertThat(outcome.status()).isEqualTo(AccountStatus.CLOSED);
      assertThat(outcome.increaseClosedReasons()).contains(ReasonCode.CLOSED_BY_MODEL);
    }

    @Test
    void frozenStaysFrozenWhateverThePd() {
      Scenario s = Scenario.healthy().set(Feature.CURRENT_DPD, 3);
      s.pd = 0.3;
      assertThat(s.review().status()).isEqualTo(AccountStatus.FROZEN);
    }
  }

  @Nested
  class ExposureGuard {
    private static final String BUDGET = "{\"segmentBudgetsMinor\":{\"MASS\":100000000}}";

    @Test
    void increaseStopsAtTheSegmentBudget() {
      Scenario s = Scenario.dueForIncrease().policy(BUDGET);
      s.segmentExposureMinor = 99_000_000;
      ReviewOutcome outcome = s.review();
      assertThat(outcome.creditLimitMinor()).isEqualTo(6_000_000);
      assertThat(outcome.increaseClosedReasons()).contains(ReasonCode.EXPOSURE_BUDGET_REACHED);
    }

    @Test
    void increaseWithinTheBudgetGoesThrough() {
      Scenario s = Scenario.dueForIncrease().policy(BUDGET);
      s.segmentExposureMinor = 10_000_000;
      assertThat(s.review().creditLimitMinor()).isEqualTo(6_500_000);
    }

    @Test
    void unknownExposureBlocksIncreasesInABudgetedSegment() {
      assertThat(Scenario.dueForIncrease().policy(BUDGET).review().creditLimitMinor()).isEqualTo(5_000_000);
    }
  }

  @Nested
  class TieredPricing {
    @Test
    void betterTierGetsTheBetterRate() {
      Scenario good = Scenario.healthy();
      Scenario worse = Scenario.healthy();
      worse.pd = 0.05;
      ReviewOutcome a = good.review();
      ReviewOutcome c = worse.review();
      assertThat(a.tier()).isEqualTo("A");
      assertThat(c.tier()).isEqualTo("C");
      assertThat(a.dailyRate()).isLessThan(c.dailyRate());
    }

    @Test
    void worseTierGetsALowerTarget() {
      Scenario s = Scenario.healthy();
      s.creditLimitMinor = 0;
      s.pd = 0.02;
      assertThat(s.review().creditLimitMinor()).isEqualTo(5_600_000);
    }
  }

  @Test
  void reviewIsDeterministic() {
    Scenario s = Scenario.dueForIncrease().set(Feature.ENGAGEMENT_TASKS, 4).policy(DOWNTURN);
    assertThat(s.review()).isEqualTo(s.review());
  }
}
