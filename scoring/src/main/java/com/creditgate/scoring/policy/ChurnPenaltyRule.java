package com.creditgate.scoring.policy;

import com.creditgate.common.money.Money;
import com.creditgate.common.reason.ReasonCode;
import com.creditgate.scoring.feature.Feature;

/** SPEC 2.4 #9 churn penalty: many quick borrow→repay cycles in 30 days lower the limit by a share. */
final class ChurnPenaltyRule implements PolicyRule {
  @Override
  public void apply(ReviewInput input, PolicyDocument policy, ReviewDraft draft) {
    if (input.feature(Feature.QUICK_CYCLES_30D) >= policy.churn().minQuickCycles30d()) {
      long ceiling = Money.scaleBps(draft.cutBaseMinor(), Money.BPS_ONE - policy.churn().penaltyBps());
      draft.lowerTo(Money.roundDown(ceiling, policy.limitStepMinor()), this, ReasonCode.CHURN_PENALTY);
    }
  }
}
