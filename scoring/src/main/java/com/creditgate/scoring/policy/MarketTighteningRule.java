package com.creditgate.scoring.policy;

import com.creditgate.common.money.Money;
import com.creditgate.common.reason.ReasonCode;

/**
 * SPEC 2.4 #11 market tightening, the cut: a tightening overlay (e.g. a downturn) cuts the segment's limits by
 * its share. {@link PolicyOverlayRule} decides the share; this rule applies it after increases.
 */
final class MarketTighteningRule implements PolicyRule {
  @Override
  public void apply(ReviewInput input, PolicyDocument policy, ReviewDraft draft) {
    if (draft.tighteningCutBps > 0) {
      long ceiling = Money.scaleBps(draft.cutBaseMinor(), Money.BPS_ONE - draft.tighteningCutBps);
      draft.lowerTo(Money.roundDown(ceiling, policy.limitStepMinor()), this, ReasonCode.MARKET_TIGHTENING);
    }
  }
}
