package com.creditgate.scoring.policy;

import com.creditgate.common.money.Money;
import com.creditgate.common.reason.ReasonCode;

/**
 * SPEC 2.4 #14 exposure guard against over-lending: an increase in a segment with a budget stops where the
 * segment's total granted limit would pass the budget. Unknown exposure counts as a reached budget.
 */
final class ExposureGuardRule implements PolicyRule {
  @Override
  public void apply(ReviewInput input, PolicyDocument policy, ReviewDraft draft) {
    Long budgetMinor = policy.segmentBudgetsMinor().get(input.profile().segment());
    long increaseMinor = draft.limitMinor - draft.earnedBeforeMinor;
    if (budgetMinor == null || increaseMinor <= 0) {
      return;
    }
    long exposureMinor = input.segmentExposureMinor();
    long roomMinor = exposureMinor == ReviewInput.UNKNOWN_EXPOSURE ? 0 : Math.max(0, budgetMinor - exposureMinor);
    if (increaseMinor > roomMinor) {
      long allowedMinor = Money.roundDown(roomMinor, policy.limitStepMinor());
      draft.limitMinor = Math.addExact(draft.earnedBeforeMinor, allowedMinor);
      draft.closeIncreases(this, ReasonCode.EXPOSURE_BUDGET_REACHED);
    }
  }
}
