package com.creditgate.scoring.decision;

import com.creditgate.common.account.AccountStatus;
import com.creditgate.common.account.CreditFacts;
import com.creditgate.common.reason.ReasonCode;
import java.util.ArrayList;
import java.util.List;

/** Decides a limit-check from the account state, the PD and the policy (SPEC 2.5). Thread-safe. */
public final class LimitCheckDecider {
  private LimitCheckDecider() {}

  /**
   * APPROVE when the account is usable, the PD is at most {@code pdCutoff} (the policy's, for the account's
   * segment now) and the amount fits; REVIEW instead of APPROVE when the PD lies within
   * {@code reviewPdMargin} below the cut-off (borderline; a margin of 0 never reviews); DECLINE otherwise,
   * with every reason that applies. A non-finite PD always declines (D209): a broken model fails closed.
   */
  public static CheckOutcome decide(CreditFacts state, double pd, long amountMinor, double pdCutoff,
      double reviewPdMargin) {
    return decide(state, pd, amountMinor, pdCutoff, reviewPdMargin, List.of());
  }

  /**
   * As {@link #decide(CreditFacts, double, long, double, double)}; a check that the policy blocks for the
   * account's segment by its checkout context ({@code policyBlocks}, from {@code PolicyDocument.checkBlocks}:
   * D208 merchant category, D210 channel) is declined with those reasons first.
   */
  public static CheckOutcome decide(CreditFacts state, double pd, long amountMinor, double pdCutoff,
      double reviewPdMargin, List<ReasonCode> policyBlocks) {
    List<ReasonCode> declines = new ArrayList<>(policyBlocks.size() + 4);
    declines.addAll(policyBlocks);
    if (state.status() == AccountStatus.FROZEN) {
      declines.add(ReasonCode.ACCOUNT_FROZEN);
    } else if (state.status() == AccountStatus.CLOSED) {
      declines.add(ReasonCode.ACCOUNT_CLOSED);
    }
    if (!Double.isFinite(pd)) {
      // Fail closed: a PD that is not a number (a broken model) can never approve.
      declines.add(ReasonCode.RISK_SCORE_UNAVAILABLE);
    } else if (pd > pdCutoff) {
      declines.add(ReasonCode.PD_ABOVE_CUTOFF);
    }
    if (amountMinor > state.availableMinor()) {
      declines.add(ReasonCode.INSUFFICIENT_AVAILABLE_CREDIT);
    }
    if (!declines.isEmpty()) {
      return new CheckOutcome(Decision.DECLINE, declines);
    }
    return reviewPdMargin > 0 && pd > pdCutoff - reviewPdMargin
        ? new CheckOutcome(Decision.REVIEW, List.of(ReasonCode.BORDERLINE_REVIEW))
        : new CheckOutcome(Decision.APPROVE, List.of());
  }
}
