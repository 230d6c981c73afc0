package com.creditgate.gateway.accounts;

import com.creditgate.common.account.AccountProfile;
import com.creditgate.common.account.AccountStatus;
import com.creditgate.common.account.CreditState;
import com.creditgate.gateway.error.GatewayException;
import com.creditgate.gateway.ledger.AccountChange;
import com.creditgate.gateway.ledger.AccountLedger;
import com.creditgate.gateway.ledger.LedgerAccess;
import com.creditgate.gateway.ledger.LockedAccount;
import com.creditgate.gateway.store.AccountRecord;
import com.creditgate.gateway.store.cache.TieredAccountStore;
import com.creditgate.gateway.store.postgres.PgAccountRepository;
import com.creditgate.gateway.store.postgres.PgTransactions;
import com.creditgate.scoring.feature.FeatureSchema;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.util.List;

/**
 * The Postgres profile writer: in one transaction, creates the account (as an empty line) when it is new,
 * then applies the profile and runs the review through the {@link AccountLedger}, so the first limit and
 * every later change are in the limit history. A concurrent creation is retried as an update.
 */
final class LedgerProfileWriter implements ProfileWriter {
  /** Attempts when the account changes concurrently (a concurrent creation, or a version conflict). */
  static final int ATTEMPTS_MAX = 3;

  private final Pool pool;
  private final AccountLedger ledger;
  private final TieredAccountStore store;
  private final Clock clock;
  private final long deadlineMillis;

  LedgerProfileWriter(LedgerAccess access) {
    this.pool = access.pool();
    this.ledger = access.ledger();
    this.store = access.store();
    this.clock = access.clock();
    this.deadlineMillis = access.writeDeadlineMillis();
  }

  @Override
  public Future<Result> apply(String accountId, AccountProfile profile) {
    return attempt(accountId, profile, 1).compose(result -> store.publish(result.record())
        .map(published -> new Result(published, result.created())));
  }

  private Future<Result> attempt(String accountId, AccountProfile profile, int attempt) {
    return PgTransactions.withDeadline(pool, deadlineMillis, conn -> ledger.lock(conn, accountId)
            .map(locked -> new Result(locked.record(), false))
            .recover(e -> e instanceof GatewayException.NotFound ? createEmpty(conn, accountId, profile)
                : Future.failedFuture(e))
            .compose(existing -> ledger.lock(conn, accountId).compose(locked -> write(conn, locked, profile,
                existing.created()))))
        .recover(e -> e instanceof GatewayException.Conflict && attempt < ATTEMPTS_MAX
            ? attempt(accountId, profile, attempt + 1) : Future.failedFuture(e));
  }

  private static Future<Result> createEmpty(SqlConnection conn, String accountId, AccountProfile profile) {
    CreditState empty = new CreditState(0, 0, 0, AccountStatus.ACTIVE, "E", true, List.of(), 0);
    AccountRecord record = new AccountRecord(accountId, profile, empty, FeatureSchema.missingVector());
    return new PgAccountRepository(conn).save(record, 0).map(saved -> new Result(saved, true));
  }

  private Future<Result> write(SqlConnection conn, LockedAccount locked, AccountProfile profile, boolean created) {
    AccountChange change = new AccountChange(profile, locked.record().features(),
        locked.record().state().outstandingMinor(), locked.overdueMinor(), locked.lastDrawAt(),
        locked.overdueSince());
    return ledger.reviewAndWrite(conn, locked, change, created ? "CREATED" : "PROFILE_UPDATE", clock.instant())
        .map(review -> new Result(review.after(), created));
  }
}
