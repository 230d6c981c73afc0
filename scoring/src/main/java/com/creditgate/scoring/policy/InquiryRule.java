package com.creditgate.scoring.policy;

import com.creditgate.common.reason.ReasonCode;
import com.creditgate.scoring.feature.Feature;

/**
 * SPEC 2.4 #10 inquiry penalty: many hard inquiries on other platforms block increases (the model lowers the
 * score through the inquiry features).
 */
final class InquiryRule implements PolicyRule {
  @Override
  public void apply(ReviewInput input, PolicyDocument policy, ReviewDraft draft) {
    if (input.feature(Feature.INQUIRIES_30D) >= policy.inquiry().blockAt30d()
        || input.feature(Feature.INQUIRIES_90D) >= policy.inquiry().blockAt90d()) {
      draft.closeIncreases(this, ReasonCode.INQUIRY_BLOCK);
    }
  }
}
