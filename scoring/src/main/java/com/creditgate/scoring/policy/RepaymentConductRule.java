package com.creditgate.scoring.policy;

import com.creditgate.common.reason.ReasonCode;
import com.creditgate.scoring.feature.Feature;

/**
 * SPEC 2.4 #4 repayment conduct: an outstanding balance never blocks an increase by itself (this rule does
 * not look at it); multiple extensions or an overdue in the last 12 months do.
 */
final class RepaymentConductRule implements PolicyRule {
  @Override
  public void apply(ReviewInput input, PolicyDocument policy, ReviewDraft draft) {
    if (input.feature(Feature.EXTENSIONS_12M) >= policy.conduct().blockAtExtensions12m()) {
      draft.closeIncreases(this, ReasonCode.INCREASE_BLOCKED_BY_EXTENSIONS);
    }
    if (input.feature(Feature.MAX_DPD_12M) > policy.overdue().maxPastDpd12mForIncrease()) {
      draft.closeIncreases(this, ReasonCode.PAST_OVERDUE);
    }
  }
}
