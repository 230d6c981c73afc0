package com.creditgate.common.account;

/** Lifecycle status of a credit account (SPEC 2.1). */
public enum AccountStatus {
  /** Usable: new credit may be drawn up to the available amount. */
  ACTIVE,
  /** Overdue: no new credit until the overdue amount is repaid and a review lifts the freeze. */
  FROZEN,
  /** Limit closed by policy or model; re-evaluated inline on the next limit-check. */
  CLOSED
}
