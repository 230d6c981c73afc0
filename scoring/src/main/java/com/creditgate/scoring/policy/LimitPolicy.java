package com.creditgate.scoring.policy;

import com.creditgate.common.account.AccountStatus;
import com.creditgate.common.money.Money;
import com.creditgate.common.reason.ReasonCode;
import com.creditgate.scoring.feature.Feature;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link ReviewInput} into a {@link ReviewOutcome}, deterministically (SPEC 2.4). Thread-safe
 * (immutable).
 */
public final class LimitPolicy {
  private final PolicyDocument document;

  public LimitPolicy(PolicyDocument document) {
    this.document = document;
  }

  public PolicyDocument document() {
    return document;
  }

  /** Reviews one account. */
  public ReviewOutcome review(ReviewInput input) {
    List<String> fired = new ArrayList<>();
    List<ReasonCode> reasons = new ArrayList<>();
    List<ReasonCode> closed = new ArrayList<>();
    PolicyDocument.Tier tier = document.tierFor(input.pd());
    long limit = baseLimit(input, tier);
    fired.add("BaseLimitRule");
    reasons.add(ReasonCode.BASE_LIMIT);
    if (limit > document.customerCapMinor()) {
      limit = document.customerCapMinor();
      fired.add("CustomerCapRule");
      reasons.add(ReasonCode.CUSTOMER_CAP);
    }
    AccountStatus status = input.state().status() == AccountStatus.CLOSED && limit > 0
        ? AccountStatus.ACTIVE : input.state().status();
    float dpd = input.features()[Feature.CURRENT_DPD.ordinal()];
    if (dpd > 0) {
      status = AccountStatus.FROZEN;
      closed.add(ReasonCode.OVERDUE_FREEZE);
      fired.add("OverdueFreezeRule");
      if (dpd > document.overdueCutDays()) {
        limit = Money.roundDown((long) (input.state().creditLimitMinor() * document.overdueCutFactor()),
            document.limitStepMinor());
        reasons.add(ReasonCode.OVERDUE_LIMIT_CUT);
      }
    } else if (status == AccountStatus.FROZEN) {
      status = AccountStatus.ACTIVE;
      reasons.add(ReasonCode.FREEZE_LIFTED);
    }
    return new ReviewOutcome(limit, status, tier.name(), tier.dailyRate(), closed.isEmpty(), closed, reasons,
        fired);
  }

  private long baseLimit(ReviewInput input, PolicyDocument.Tier tier) {
    long incomeMinor = input.profile().monthlyIncomeMinor();
    long capacity = (long) (incomeMinor * document.incomeMultiple() * tier.limitFactor());
    return Money.roundDown(capacity, document.limitStepMinor());
  }
}
