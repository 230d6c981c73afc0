package com.creditgate.scoring.policy;

import com.creditgate.common.money.Money;
import com.creditgate.common.reason.ReasonCode;
import com.creditgate.scoring.feature.Feature;

/**
 * SPEC 2.4 #7 engagement boost: when an increase happens, completed engagement tasks (membership perks, bound
 * services) raise its factor a little, up to a maximum; still never past the target.
 */
final class EngagementBoostRule implements PolicyRule {
  @Override
  public void apply(ReviewInput input, PolicyDocument policy, ReviewDraft draft) {
    PolicyDocument.Engagement engagement = policy.engagement();
    long tasks = (long) input.feature(Feature.ENGAGEMENT_TASKS);
    if (!draft.increased || tasks < engagement.minTasks()) {
      return;
    }
    long boostBps = Math.min(engagement.maxBoostBps(), tasks * engagement.boostBpsPerTask());
    long factorBps = policy.increase().maxFactorBps() + boostBps;
    long ceilingMinor = Money.roundDown(Money.scaleBps(draft.earnedBeforeMinor, factorBps), policy.limitStepMinor());
    long raised = Math.min(draft.targetMinor, ceilingMinor);
    if (raised > draft.limitMinor) {
      draft.limitMinor = raised;
      draft.fired(this, ReasonCode.ENGAGEMENT_BOOST);
    }
  }
}
