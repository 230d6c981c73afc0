package com.creditgate.scoring.policy;

import com.creditgate.common.money.Money;
import com.creditgate.common.reason.ReasonCode;
import com.creditgate.scoring.feature.Feature;
import com.creditgate.scoring.model.ScoreScale;
import java.time.Duration;

/**
 * SPEC 2.4 #6 threshold-triggered increases: when the account is eligible, its earned limit below its target,
 * and its behaviour crossed a threshold with new evidence (enough on-time repayments at a high on-time ratio,
 * at least one of them since the last increase; or a score gain since the last review), the earned limit rises
 * toward the target by at most the configured factor, and not sooner than the cool-down after the last increase.
 */
final class ThresholdIncreaseRule implements PolicyRule {
  @Override
  public void apply(ReviewInput input, PolicyDocument policy, ReviewDraft draft) {
    if (!draft.increaseEligible() || draft.limitMinor >= draft.targetMinor || draft.earnedBeforeMinor == 0
        || !triggered(input, policy.increase())) {
      return;
    }
    if (coolingDown(input, policy.increase())) {
      draft.fired(this, ReasonCode.INCREASE_COOL_DOWN);
      return;
    }
    long ceilingMinor = Money.roundDown(
        Money.scaleBps(draft.earnedBeforeMinor, policy.increase().maxFactorBps()), policy.limitStepMinor());
    long raised = Math.min(draft.targetMinor, ceilingMinor);
    if (raised > draft.limitMinor) {
      draft.limitMinor = raised;
      draft.increased = true;
      draft.fired(this, ReasonCode.THRESHOLD_INCREASE);
    }
  }

  private static boolean coolingDown(ReviewInput input, PolicyDocument.Increase increase) {
    return input.history().lastIncreaseAt() != null
        && input.now().isBefore(input.history().lastIncreaseAt().plus(Duration.ofDays(increase.minIntervalDays())));
  }

  private static boolean triggered(ReviewInput input, PolicyDocument.Increase thresholds) {
    boolean newRepayments = input.history().lastIncreaseAt() == null || input.history().onTimeSinceIncrease() > 0;
    boolean repaidOnTime = newRepayments
        && input.feature(Feature.ONTIME_REPAYMENTS_12M) >= thresholds.minOnTimeRepayments12m()
        && input.feature(Feature.ONTIME_RATIO_12M) >= thresholds.minOnTimeRatio12m();
    boolean scoreGained = input.previousScore() != ReviewInput.NO_PREVIOUS_SCORE
        && ScoreScale.scoreOf(input.pd()) - input.previousScore() >= thresholds.minScoreGain();
    return repaidOnTime || scoreGained;
  }
}
