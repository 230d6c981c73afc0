package com.creditgate.scoring.policy;

/** SPEC 2.4 #15 tiered pricing: the PD band gives the tier and its daily rate; better tiers, lower rates. */
final class TieredPricingRule implements PolicyRule {
  @Override
  public void apply(ReviewInput input, PolicyDocument policy, ReviewDraft draft) {
    draft.tier = policy.tierFor(input.pd());
    draft.fired(this, null);
  }
}
