package com.creditgate.common.account;

import com.creditgate.common.money.Money;

/**
 * What a decision reads of an account's credit state. {@link CreditState} is one; a compact cached account is
 * another, so the warm limit-check path reads its figures without building a state per request.
 */
public interface CreditFacts {
  /** Granted limit, minor units. */
  long creditLimitMinor();

  /** Drawn and not yet repaid principal, minor units. */
  long outstandingMinor();

  /** Sum of active holds, minor units. */
  long heldMinor();

  /** Lifecycle status. */
  AccountStatus status();

  /** Pricing tier, e.g. {@code "B"}. */
  String tier();

  /** {@code max(0, creditLimit - outstanding - held)}. */
  default long availableMinor() {
    return Money.available(creditLimitMinor(), outstandingMinor(), heldMinor());
  }
}
