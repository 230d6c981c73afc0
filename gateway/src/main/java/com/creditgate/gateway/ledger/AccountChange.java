package com.creditgate.gateway.ledger;

import com.creditgate.common.Check;
import com.creditgate.common.account.AccountProfile;
import java.time.Instant;

/**
 * What a command changes on a locked account before the review runs: profile, behavioural features, and the
 * ledger amounts. Money invariants are checked here, at construction.
 *
 * @param overdueSince first day of the current overdue, or {@code null} when nothing is overdue
 */
public record AccountChange(AccountProfile profile, float[] features, long outstandingMinor, long overdueMinor,
    Instant lastDrawAt, Instant overdueSince) {

  public AccountChange {
    Check.that(outstandingMinor >= 0, "outstanding must never be negative, was %s", outstandingMinor);
    Check.that(overdueMinor >= 0 && overdueMinor <= outstandingMinor, "overdue %s must be within outstanding %s",
        overdueMinor, outstandingMinor);
  }

  /** No change: the account as it is (a plain review). */
  public static AccountChange none(LockedAccount account) {
    return new AccountChange(account.record().profile(), account.record().features(),
        account.record().state().outstandingMinor(), account.overdueMinor(), account.lastDrawAt(),
        account.overdueSince());
  }
}
