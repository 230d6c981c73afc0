package com.creditgate.scoring.policy;

import com.creditgate.common.account.AccountStatus;
import com.creditgate.common.reason.ReasonCode;

/**
 * SPEC 2.4 #13 closed but usable: a PD above the (overlay-adjusted) cut-off, or a limit that policy brought
 * to zero, closes the line; a closed line whose account qualifies again is reopened. A frozen line stays
 * frozen: overdue wins.
 */
final class ClosedReEvaluationRule implements PolicyRule {
  @Override
  public void apply(ReviewInput input, PolicyDocument policy, ReviewDraft draft) {
    if (draft.status == AccountStatus.FROZEN) {
      return;
    }
    boolean qualifies = input.pd() <= draft.pdCutoff && draft.limitMinor > 0;
    if (!qualifies) {
      draft.status = AccountStatus.CLOSED;
      draft.closeIncreases(this, ReasonCode.CLOSED_BY_MODEL);
    } else if (draft.status == AccountStatus.CLOSED) {
      draft.status = AccountStatus.ACTIVE;
      draft.fired(this, ReasonCode.REOPENED);
    }
  }
}
