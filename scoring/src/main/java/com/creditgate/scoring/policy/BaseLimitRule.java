package com.creditgate.scoring.policy;

import com.creditgate.common.money.Money;
import com.creditgate.common.reason.ReasonCode;

/**
 * SPEC 2.4 #1 base limit: repayment capacity (months of income plus a share of platform assets) times the PD
 * band's factor and the segment's multiplier, rounded down to the step. A new line earns it; an earned limit
 * above it comes down to it; one below it rises only through {@link ThresholdIncreaseRule}.
 */
final class BaseLimitRule implements PolicyRule {
  @Override
  public void apply(ReviewInput input, PolicyDocument policy, ReviewDraft draft) {
    long capacityMinor = Math.addExact(
        Money.scaleBps(input.profile().monthlyIncomeMinor(), policy.incomeMultipleBps()),
        Money.scaleBps(input.profile().assetsMinor(), policy.assetShareBps()));
    long banded = Money.scaleBps(Money.scaleBps(capacityMinor, draft.tier.limitFactorBps()), draft.limitMultiplierBps);
    draft.targetMinor = Money.roundDown(banded, policy.limitStepMinor());
    if (draft.earnedBeforeMinor == 0 || draft.targetMinor < draft.limitMinor) {
      draft.limitMinor = draft.targetMinor;
      draft.fired(this, ReasonCode.BASE_LIMIT);
    }
  }
}
