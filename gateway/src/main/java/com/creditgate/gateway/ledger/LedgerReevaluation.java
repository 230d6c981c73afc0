package com.creditgate.gateway.ledger;

import com.creditgate.gateway.limitcheck.ClosedLineReevaluation;
import com.creditgate.gateway.store.AccountRecord;
import com.creditgate.gateway.store.cache.TieredAccountStore;
import com.creditgate.gateway.store.postgres.PgTransactions;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.Clock;

/**
 * Re-evaluates a closed line through the ledger (row lock, review, history, outbox) and publishes the result to
 * Redis and every replica's L1. Runs only for CLOSED accounts, so the limit-check hot path stays read-only.
 */
public final class LedgerReevaluation implements ClosedLineReevaluation {
  private final Pool pool;
  private final AccountLedger ledger;
  private final TieredAccountStore store;
  private final Clock clock;
  private final long deadlineMillis;

  /** Each re-evaluation is one transaction within the access's write deadline ({@link PgTransactions}). */
  public LedgerReevaluation(LedgerAccess access) {
    this.pool = access.pool();
    this.ledger = access.ledger();
    this.store = access.store();
    this.clock = access.clock();
    this.deadlineMillis = access.writeDeadlineMillis();
  }

  @Override
  public Future<AccountRecord> reevaluate(AccountRecord closed) {
    return PgTransactions.withDeadline(pool, deadlineMillis, conn -> ledger.lock(conn, closed.accountId())
            .compose(locked -> ledger.reviewAndWrite(conn, locked, AccountChange.none(locked), "LIMIT_CHECK",
                clock.instant())))
        .compose(result -> store.publish(result.after()));
  }
}
