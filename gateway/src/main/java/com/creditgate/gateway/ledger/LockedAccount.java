package com.creditgate.gateway.ledger;

import com.creditgate.gateway.store.AccountRecord;
import com.creditgate.scoring.policy.LineHistory;
import java.time.Instant;

/**
 * An account read with the ledger columns the cached record does not carry: under its row lock for a review
 * that writes, without for a preview.
 *
 * @param overdueMinor the overdue amount still to repay before a freeze can lift
 * @param lastDrawAt the last draw, or {@code null}
 * @param lastScore the score at the last review, or 0
 * @param lastReviewedAt the last review, or {@code null}
 * @param history the earned limit, last increase and on-time repayments since (reviews start from it)
 * @param lineGrantedAt when the line got its limit (dormancy of a line never drawn counts from it), or
 *     {@code null}
 * @param overdueSince first day of the current overdue (days past due age from it), or {@code null}
 */
public record LockedAccount(AccountRecord record, long overdueMinor, Instant lastDrawAt, int lastScore,
    Instant lastReviewedAt, LineHistory history, Instant lineGrantedAt, Instant overdueSince) {}
