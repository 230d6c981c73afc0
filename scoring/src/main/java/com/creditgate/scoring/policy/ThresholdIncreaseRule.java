package com.creditgate.scoring.policy;

import com.creditgate.common.money.Money;
import com.creditgate.common.reason.ReasonCode;
import com.creditgate.scoring.feature.Feature;
import com.creditgate.scoring.model.ScoreScale;

/**
 * SPEC 2.4 #6 threshold-triggered increases: when the account is eligible, below its target, and its
 * behaviour crossed a threshold (enough on-time repayments at a high on-time ratio, or a score gain since the
 * last review), the limit rises toward the target by at most the configured factor.
 */
final class ThresholdIncreaseRule implements PolicyRule {
  @Override
  public void apply(ReviewInput input, PolicyDocument policy, ReviewDraft draft) {
    if (!draft.increaseEligible() || draft.limitMinor >= draft.targetMinor || draft.currentLimitMinor == 0
        || !triggered(input, policy.increase())) {
      return;
    }
    long ceilingMinor = Money.roundDown(
        Money.scaleBps(draft.currentLimitMinor, policy.increase().maxFactorBps()), policy.limitStepMinor());
    long raised = Math.min(draft.targetMinor, ceilingMinor);
    if (raised > draft.limitMinor) {
      draft.limitMinor = raised;
      draft.increased = true;
      draft.fired(this, ReasonCode.THRESHOLD_INCREASE);
    }
  }

  private static boolean triggered(ReviewInput input, PolicyDocument.Increase thresholds) {
    boolean repaidOnTime = input.feature(Feature.ONTIME_REPAYMENTS_12M) >= thresholds.minOnTimeRepayments12m()
        && input.feature(Feature.ONTIME_RATIO_12M) >= thresholds.minOnTimeRatio12m();
    boolean scoreGained = input.previousScore() != ReviewInput.NO_PREVIOUS_SCORE
        && ScoreScale.scoreOf(input.pd()) - input.previousScore() >= thresholds.minScoreGain();
    return repaidOnTime || scoreGained;
  }
}
