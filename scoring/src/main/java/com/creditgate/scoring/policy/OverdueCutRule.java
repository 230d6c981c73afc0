package com.creditgate.scoring.policy;

import com.creditgate.common.money.Money;
import com.creditgate.common.reason.ReasonCode;
import com.creditgate.scoring.feature.Feature;

/**
 * SPEC 2.4 #3 overdue, the cut: past the configured days past due the limit is cut to a share of the earned
 * limit ({@link OverdueRule} freezes the line).
 */
final class OverdueCutRule implements PolicyRule {
  @Override
  public void apply(ReviewInput input, PolicyDocument policy, ReviewDraft draft) {
    if (input.feature(Feature.CURRENT_DPD) > policy.overdue().cutAfterDays()) {
      long ceiling = Money.scaleBps(draft.cutBaseMinor(), policy.overdue().cutToBps());
      draft.lowerTo(Money.roundDown(ceiling, policy.limitStepMinor()), this, ReasonCode.OVERDUE_LIMIT_CUT);
    }
  }
}
