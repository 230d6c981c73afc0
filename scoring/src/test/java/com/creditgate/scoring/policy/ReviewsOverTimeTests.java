package com.creditgate.scoring.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.common.account.AccountStatus;
import com.creditgate.common.reason.ReasonCode;
import com.creditgate.scoring.feature.Feature;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Reviews repeated over time (issue #13): a review is a function of the account's inputs, so cuts never
 * compound, increases need new evidence and wait for the cool-down, and dormancy is bounded. Amounts in fen.
 */
class ReviewsOverTimeTests {

  @Test
  void churnCutIsTakenOnceHoweverOftenTheAccountIsReviewed() {
    Scenario s = Scenario.healthy().set(Feature.QUICK_CYCLES_30D, 4);
    s.creditLimitMinor = 20_000_000;
    s.monthlyIncomeMinor = 10_000_000;
    long first = s.reviewAndKeep().creditLimitMinor();
    for (int i = 0; i < 5; i++) {
      assertThat(s.reviewAndKeep().creditLimitMinor()).isEqualTo(first);
    }
    assertThat(first).isEqualTo(17_000_000);
  }

  @Test
  void everyCutIsIdempotent() {
    Scenario s = Scenario.healthy().set(Feature.QUICK_CYCLES_30D, 4).set(Feature.DAYS_SINCE_LAST_DRAW, 400)
        .set(Feature.CURRENT_DPD, 45).policy("""
            {"overlays":[{"id":"downturn","kind":"TIGHTENING","segment":"MASS","cutBps":2000}]}""");
    ReviewOutcome first = s.reviewAndKeep();
    ReviewOutcome second = s.reviewAndKeep();
    assertThat(second.creditLimitMinor()).isEqualTo(first.creditLimitMinor());
    assertThat(second.earnedLimitMinor()).isEqualTo(5_000_000);
  }

  @Test
  void cutsLiftWhenTheirCauseIsGone() {
    Scenario s = Scenario.healthy().set(Feature.QUICK_CYCLES_30D, 4);
    assertThat(s.reviewAndKeep().creditLimitMinor()).isEqualTo(4_250_000);
    s.set(Feature.QUICK_CYCLES_30D, 0);
    assertThat(s.reviewAndKeep().creditLimitMinor()).isEqualTo(5_000_000);
  }

  @Test
  void aSecondReviewWithNothingNewDoesNotRaiseAgain() {
    Scenario s = Scenario.dueForIncrease();
    assertThat(s.reviewAndKeep().creditLimitMinor()).isEqualTo(6_500_000);
    s.now = s.now.plus(Duration.ofDays(45));
    ReviewOutcome again = s.reviewAndKeep();
    assertThat(again.creditLimitMinor()).isEqualTo(6_500_000);
    assertThat(again.increased()).isFalse();
  }

  @Test
  void increasesWaitForTheCoolDownEvenWithNewEvidence() {
    Scenario s = Scenario.dueForIncrease();
    s.monthlyIncomeMinor = 10_000_000;
    assertThat(s.reviewAndKeep().creditLimitMinor()).isEqualTo(6_500_000);
    s.history = s.history.withOnTimeRepayments(1);
    s.now = s.now.plus(Duration.ofDays(29));
    ReviewOutcome early = s.reviewAndKeep();
    assertThat(early.creditLimitMinor()).isEqualTo(6_500_000);
    assertThat(early.reasons()).contains(ReasonCode.INCREASE_COOL_DOWN);
    s.now = s.now.plus(Duration.ofDays(1));
    assertThat(s.reviewAndKeep().creditLimitMinor()).isEqualTo(8_450_000);
  }

  @Test
  void coolDownIsAPolicyKey() {
    PolicyDocument policy = PolicyDocumentReader.read("{\"increase\":{\"minIntervalDays\":7}}".getBytes());
    assertThat(policy.increase().minIntervalDays()).isEqualTo(7);
    assertThat(PolicyDocument.defaults().increase().minIntervalDays()).isEqualTo(30);
  }

  @Test
  void dormancyDecaysTheEarnedLimitAtMostToItsMaximumShare() {
    Scenario s = Scenario.healthy();
    for (int day = 0; day <= 1_000; day += 10) {
      s.set(Feature.DAYS_SINCE_LAST_DRAW, day);
      s.reviewAndKeep();
    }
    assertThat(s.creditLimitMinor).isEqualTo(2_500_000);
    assertThat(s.history.earnedLimitMinor()).isEqualTo(5_000_000);
  }

  @Test
  void dormancyNeverGoesBelowTheFloor() {
    Scenario s = Scenario.healthy().set(Feature.DAYS_SINCE_LAST_DRAW, 1_000)
        .policy("{\"dormancy\":{\"floorMinor\":4000000}}");
    assertThat(s.review().creditLimitMinor()).isEqualTo(4_000_000);
    s.creditLimitMinor = 3_000_000;
    assertThat(s.review().creditLimitMinor()).isEqualTo(3_000_000);
  }

  @Test
  void overdueNamesItsDelinquencyBucket() {
    assertThat(Scenario.healthy().set(Feature.CURRENT_DPD, 1).review().reasons()).contains(ReasonCode.DPD_1_30);
    assertThat(Scenario.healthy().set(Feature.CURRENT_DPD, 31).review().reasons()).contains(ReasonCode.DPD_31_60);
    assertThat(Scenario.healthy().set(Feature.CURRENT_DPD, 90).review().reasons()).contains(ReasonCode.DPD_61_90);
    ReviewOutcome longOverdue = Scenario.healthy().set(Feature.CURRENT_DPD, 91).review();
    assertThat(longOverdue.reasons()).contains(ReasonCode.DPD_OVER_90).doesNotContain(ReasonCode.DPD_61_90);
    assertThat(longOverdue.status()).isEqualTo(AccountStatus.FROZEN);
  }
}
