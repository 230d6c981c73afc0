package com.creditgate.scoring.policy;

import com.creditgate.common.money.Money;
import com.creditgate.common.reason.ReasonCode;
import com.creditgate.scoring.feature.Feature;

/**
 * SPEC 2.4 #8 dormancy decay, "use it or lose it" (用即有,不用则降): a limit unused for longer than the
 * configured days (counted from the last draw, or from the grant for a line never drawn) loses a share of the
 * earned limit per started period, up to a maximum share and never below the floor.
 */
final class DormancyDecayRule implements PolicyRule {
  @Override
  public void apply(ReviewInput input, PolicyDocument policy, ReviewDraft draft) {
    PolicyDocument.Dormancy dormancy = policy.dormancy();
    long idleDays = (long) input.feature(Feature.DAYS_SINCE_LAST_DRAW);
    if (idleDays < dormancy.dormantAfterDays()) {
      return;
    }
    long periods = (idleDays - dormancy.dormantAfterDays()) / dormancy.periodDays() + 1;
    long decayBps = Math.min(dormancy.maxDecayBps(), Math.multiplyExact(periods, dormancy.decayBpsPerPeriod()));
    long earnedMinor = draft.cutBaseMinor();
    long decayed = Money.roundDown(Money.scaleBps(earnedMinor, Money.BPS_ONE - decayBps), policy.limitStepMinor());
    draft.lowerTo(Math.max(decayed, Math.min(earnedMinor, dormancy.floorMinor())), this, ReasonCode.DORMANCY_DECAY);
  }
}
