package com.creditgate.scoring.policy;

import com.creditgate.common.account.AccountStatus;
import com.creditgate.common.reason.ReasonCode;
import java.util.List;

/**
 * The result of a limit review: the new limit, status, tier and eligibility, the reasons, and the names of
 * the rules that fired.
 */
public record ReviewOutcome(
    long creditLimitMinor,
    AccountStatus status,
    String tier,
    double dailyRate,
    boolean increaseEligible,
    List<ReasonCode> increaseClosedReasons,
    List<ReasonCode> reasons,
    List<String> firedRules) {

  public ReviewOutcome {
    increaseClosedReasons = List.copyOf(increaseClosedReasons);
    reasons = List.copyOf(reasons);
    firedRules = List.copyOf(firedRules);
  }
}
