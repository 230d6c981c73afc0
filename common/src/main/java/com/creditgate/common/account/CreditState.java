package com.creditgate.common.account;

import com.creditgate.common.Check;
import com.creditgate.common.money.Money;
import com.creditgate.common.reason.ReasonCode;
import java.util.List;

/**
 * The money state of one account at one version (SPEC 2.1). Immutable; {@code version} grows by one with
 * every change so caches can tell a newer state from an older one.
 *
 * @param creditLimitMinor granted limit
 * @param outstandingMinor drawn and not yet repaid principal
 * @param heldMinor sum of active holds
 * @param tier pricing tier, e.g. {@code "B"}
 * @param increaseClosedReasons why the limit may not go up; empty when {@code increaseEligible}
 */
public record CreditState(
    long creditLimitMinor,
    long outstandingMinor,
    long heldMinor,
    AccountStatus status,
    String tier,
    boolean increaseEligible,
    List<ReasonCode> increaseClosedReasons,
    long version) implements CreditFacts {

  public CreditState {
    Money.requireNonNegative(creditLimitMinor, "creditLimit");
    Money.requireNonNegative(outstandingMinor, "outstanding");
    Money.requireNonNegative(heldMinor, "held");
    Check.notNull(status, "status");
    Check.notNull(tier, "tier");
    increaseClosedReasons = List.copyOf(increaseClosedReasons);
    Check.argument(increaseEligible == increaseClosedReasons.isEmpty(),
        "increaseClosedReasons must be empty exactly when increaseEligible");
  }
}
