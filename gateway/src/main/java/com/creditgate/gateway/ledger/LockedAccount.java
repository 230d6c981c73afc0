package com.creditgate.gateway.ledger;

import com.creditgate.gateway.store.AccountRecord;
import java.time.Instant;

/**
 * An account read under its row lock, with the ledger columns the cached record does not carry.
 *
 * @param overdueMinor the overdue amount still to repay before a freeze can lift
 * @param lastDrawAt the last draw, or {@code null}
 * @param lastScore the score at the last review, or 0
 * @param lastReviewedAt the last review, or {@code null}
 */
public record LockedAccount(AccountRecord record, long overdueMinor, Instant lastDrawAt, int lastScore,
    Instant lastReviewedAt) {}
