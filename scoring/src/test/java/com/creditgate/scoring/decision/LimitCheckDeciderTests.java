package com.creditgate.scoring.decision;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.common.account.AccountStatus;
import com.creditgate.common.account.CreditState;
import com.creditgate.common.reason.ReasonCode;
import java.util.List;
import org.junit.jupiter.api.Test;

class LimitCheckDeciderTests {
  private static final double CUTOFF = 0.25;
  private static final CreditState ACTIVE =
      new CreditState(1_000_000, 200_000, 100_000, AccountStatus.ACTIVE, "B", true, List.of(), 3);

  @Test
  void usableAccountWithRoomAndLowPdIsApproved() {
    CheckOutcome outcome = LimitCheckDecider.decide(ACTIVE, 0.05, 700_000, CUTOFF, 0.0);

    assertThat(outcome.decision()).isEqualTo(Decision.APPROVE);
    assertThat(outcome.reasons()).isEmpty();
  }

  @Test
  void nonFinitePdFailsClosed() {
    for (double pd : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      CheckOutcome outcome = LimitCheckDecider.decide(ACTIVE, pd, 100_000, CUTOFF, 0.05);
      assertThat(outcome.decision()).isEqualTo(Decision.DECLINE);
      assertThat(outcome.reasons()).containsExactly(ReasonCode.RISK_SCORE_UNAVAILABLE);
    }
  }

  @Test
  void amountAboveAvailableIsDeclined() {
    CheckOutcome outcome = LimitCheckDecider.decide(ACTIVE, 0.05, 700_001, CUTOFF, 0.0);

    assertThat(outcome.decision()).isEqualTo(Decision.DECLINE);
    assertThat(outcome.reasons()).containsExactly(ReasonCode.INSUFFICIENT_AVAILABLE_CREDIT);
  }

  @Test
  void frozenAccountAbovePdCutoffIsDeclinedWithEveryReason() {
    CreditState frozen = new CreditState(1_000_000, 0, 0, AccountStatus.FROZEN, "D", false,
        List.of(ReasonCode.ACCOUNT_FROZEN), 3);

    CheckOutcome outcome = LimitCheckDecider.decide(frozen, 0.3, 2_000_000, CUTOFF, 0.0);

    assertThat(outcome.decision()).isEqualTo(Decision.DECLINE);
    assertThat(outcome.reasons()).containsExactly(ReasonCode.ACCOUNT_FROZEN, ReasonCode.PD_ABOVE_CUTOFF,
        ReasonCode.INSUFFICIENT_AVAILABLE_CREDIT);
  }

  @Test
  void borderlinePdWithinTheMarginIsReviewed() {
    CheckOutcome outcome = LimitCheckDecider.decide(ACTIVE, 0.22, 100_000, CUTOFF, 0.05);

    assertThat(outcome.decision()).isEqualTo(Decision.REVIEW);
    assertThat(outcome.reasons()).containsExactly(ReasonCode.BORDERLINE_REVIEW);
  }

  @Test
  void pdBelowTheMarginIsApprovedAndNoMarginNeverReviews() {
    assertThat(LimitCheckDecider.decide(ACTIVE, 0.19, 100_000, CUTOFF, 0.05).decision())
        .isEqualTo(Decision.APPROVE);
    assertThat(LimitCheckDecider.decide(ACTIVE, 0.2499, 100_000, CUTOFF, 0.0).decision())
        .isEqualTo(Decision.APPROVE);
  }

  @Test
  void aDeclineIsNeverSoftenedToReview() {
    CheckOutcome outcome = LimitCheckDecider.decide(ACTIVE, 0.24, 900_000, CUTOFF, 0.05);

    assertThat(outcome.decision()).isEqualTo(Decision.DECLINE);
    assertThat(outcome.reasons()).containsExactly(ReasonCode.INSUFFICIENT_AVAILABLE_CREDIT);
  }

  @Test
  void checkoutContextBlockedByPolicyIsDeclinedWithItsReasonsFirst() {
    CheckOutcome outcome = LimitCheckDecider.decide(ACTIVE, 0.05, 100_000, CUTOFF, 0.0,
        List.of(ReasonCode.CHANNEL_BLOCKED));

    assertThat(outcome.decision()).isEqualTo(Decision.DECLINE);
    assertThat(outcome.reasons()).containsExactly(ReasonCode.CHANNEL_BLOCKED);
  }

  @Test
  void aBlockedCheckoutContextIsNeverSoftenedToAReview() {
    CheckOutcome outcome = LimitCheckDecider.decide(ACTIVE, 0.24, 900_000, CUTOFF, 0.05,
        List.of(ReasonCode.MERCHANT_CATEGORY_BLOCKED, ReasonCode.CHANNEL_BLOCKED));

    assertThat(outcome.decision()).isEqualTo(Decision.DECLINE);
    assertThat(outcome.reasons()).containsExactly(ReasonCode.MERCHANT_CATEGORY_BLOCKED, ReasonCode.CHANNEL_BLOCKED,
        ReasonCode.INSUFFICIENT_AVAILABLE_CREDIT);
  }
}
