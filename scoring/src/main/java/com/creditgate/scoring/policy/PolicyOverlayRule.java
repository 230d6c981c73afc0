package com.creditgate.scoring.policy;

import com.creditgate.common.money.Money;
import com.creditgate.common.reason.ReasonCode;

/**
 * SPEC 2.4 #11 policy overlays: the segment's active overlays set its risk appetite (limit multiplier, PD
 * cut-off), market tightening (cut by a share, close increases) and promotion windows (relaxed cut-off)
 * between two instants. Tightening is skipped for accounts that clear the individual bar (#12).
 */
final class PolicyOverlayRule implements PolicyRule {
  @Override
  public void apply(ReviewInput input, PolicyDocument policy, ReviewDraft draft) {
    draft.pdCutoff = policy.pdCutoffFor(input.profile().segment(), input.now(), draft.individualOverride);
    for (PolicyDocument.Overlay overlay : policy.overlays()) {
      if (!overlay.appliesTo(input.profile().segment(), input.now())) {
        continue;
      }
      switch (overlay.kind()) {
        case PROMOTION -> applyPromotion(overlay, draft);
        case APPETITE -> applyRestriction(overlay, draft, null);
        case TIGHTENING -> {
          if (draft.individualOverride) {
            draft.fired(this, ReasonCode.INDIVIDUAL_OVERRIDE);
          } else {
            applyRestriction(overlay, draft, ReasonCode.MARKET_TIGHTENING);
            draft.tighteningCutBps = Math.max(draft.tighteningCutBps, overlay.cutBps());
            if (overlay.closeIncreases()) {
              draft.closeIncreases(this, ReasonCode.INCREASE_CLOSED_BY_POLICY);
            }
          }
        }
      }
    }
  }

  private void applyPromotion(PolicyDocument.Overlay overlay, ReviewDraft draft) {
    multiply(overlay, draft);
    draft.fired(this, ReasonCode.PROMOTION_WINDOW);
  }

  private void applyRestriction(PolicyDocument.Overlay overlay, ReviewDraft draft, ReasonCode reason) {
    multiply(overlay, draft);
    draft.fired(this, reason);
  }

  private static void multiply(PolicyDocument.Overlay overlay, ReviewDraft draft) {
    draft.limitMultiplierBps = Money.scaleBps(draft.limitMultiplierBps, overlay.limitMultiplierBps());
  }
}
