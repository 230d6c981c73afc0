package com.creditgate.scoring.policy;

import com.creditgate.common.account.AccountStatus;
import com.creditgate.common.reason.ReasonCode;
import com.creditgate.scoring.feature.Feature;

/**
 * SPEC 2.4 #3 overdue: any current days past due freezes the line, closes increases and names the delinquency
 * bucket (1-30, 31-60, 61-90, 90+ days); {@link OverdueCutRule} cuts the limit past the configured DPD. With
 * nothing overdue any more, a frozen line is unfrozen (the freeze lifts at the first review after the overdue
 * amount is repaid).
 */
final class OverdueRule implements PolicyRule {
  @Override
  public void apply(ReviewInput input, PolicyDocument policy, ReviewDraft draft) {
    float dpd = input.feature(Feature.CURRENT_DPD);
    if (dpd > 0) {
      draft.status = AccountStatus.FROZEN;
      draft.closeIncreases(this, ReasonCode.OVERDUE_FREEZE);
      draft.fired(this, DelinquencyBucket.of(dpd).reason());
    } else if (draft.status == AccountStatus.FROZEN) {
      draft.status = AccountStatus.ACTIVE;
      draft.fired(this, ReasonCode.FREEZE_LIFTED);
    }
  }
}
