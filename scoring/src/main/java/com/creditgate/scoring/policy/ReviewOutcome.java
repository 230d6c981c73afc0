package com.creditgate.scoring.policy;

import com.creditgate.common.Check;
import com.creditgate.common.account.AccountStatus;
import com.creditgate.common.reason.ReasonCode;
import java.util.List;

/**
 * The result of a limit review: the new limit, status, tier and eligibility, the reasons, and the names of
 * the rules that fired.
 *
 * @param creditLimitMinor the limit in force: the earned limit after this review's cuts
 * @param earnedLimitMinor the limit before cuts, to remember for the next review ({@link LineHistory})
 * @param increased whether this review raised the earned limit (starts the increase cool-down)
 */
public record ReviewOutcome(
    long creditLimitMinor,
    long earnedLimitMinor,
    boolean increased,
    AccountStatus status,
    String tier,
    double dailyRate,
    boolean increaseEligible,
    List<ReasonCode> increaseClosedReasons,
    List<ReasonCode> reasons,
    List<String> firedRules) {

  public ReviewOutcome {
    Check.that(creditLimitMinor >= 0 && creditLimitMinor <= earnedLimitMinor,
        "limit %s must be within [0, earned %s]", creditLimitMinor, earnedLimitMinor);
    increaseClosedReasons = List.copyOf(increaseClosedReasons);
    reasons = List.copyOf(reasons);
    firedRules = List.copyOf(firedRules);
  }
}
