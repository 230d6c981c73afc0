package com.creditgate.scoring.policy;

import com.creditgate.common.money.Money;

/**
 * SPEC 2.4 #12 individual override: an account whose own strengths (high income, low debt ratio, low PD)
 * clear the configured bar is not subject to its segment's tightening. Decides only; {@link PolicyOverlayRule}
 * acts on it and reports it when a tightening was actually bypassed.
 */
final class IndividualOverrideRule implements PolicyRule {
  @Override
  public void apply(ReviewInput input, PolicyDocument policy, ReviewDraft draft) {
    PolicyDocument.IndividualOverride bar = policy.individualOverride();
    long incomeMinor = input.profile().monthlyIncomeMinor();
    long annualIncomeMinor = Math.multiplyExact(incomeMinor, 12L);
    long debtBarMinor = Money.scaleBps(annualIncomeMinor, bar.maxDebtToIncomeBps());
    draft.individualOverride = incomeMinor >= bar.minMonthlyIncomeMinor()
        && input.state().outstandingMinor() <= debtBarMinor
        && input.pd() <= bar.maxPd();
  }
}
