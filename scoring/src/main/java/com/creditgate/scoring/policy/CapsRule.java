package com.creditgate.scoring.policy;

import com.creditgate.common.reason.ReasonCode;

/**
 * SPEC 2.4 #2 caps: the region's and the occupation's maximum limit, and the per-customer maximum (default
 * 200 000 CNY). Caps bound both the target and the limit itself.
 */
final class CapsRule implements PolicyRule {
  @Override
  public void apply(ReviewInput input, PolicyDocument policy, ReviewDraft draft) {
    cap(policy.regionCapsMinor().get(input.profile().region()), ReasonCode.REGION_CAP, draft);
    cap(policy.occupationCapsMinor().get(input.profile().occupation()), ReasonCode.OCCUPATION_CAP, draft);
    cap(policy.customerCapMinor(), ReasonCode.CUSTOMER_CAP, draft);
  }

  private void cap(Long capMinor, ReasonCode reason, ReviewDraft draft) {
    if (capMinor == null) {
      return;
    }
    if (draft.targetMinor > capMinor) {
      draft.targetMinor = capMinor;
      draft.fired(this, reason);
    }
    draft.lowerTo(capMinor, this, reason);
  }
}
