package com.creditgate.gateway.holds;

import com.creditgate.common.Check;
import com.creditgate.common.account.AccountStatus;
import com.creditgate.common.account.CreditState;
import com.creditgate.common.reason.ReasonCode;
import com.creditgate.gateway.error.GatewayException;
import com.creditgate.gateway.store.AccountNotFound;
import com.creditgate.gateway.store.AccountRecord;
import com.creditgate.gateway.store.postgres.PgAccountRepository;
import com.creditgate.gateway.store.postgres.PgSingleStatement;
import com.creditgate.gateway.store.postgres.PgTransactions;
import com.creditgate.scoring.feature.Feature;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds in Postgres, the money truth. A hold is placed by ONE statement: the account row is locked and
 * updated only while it is ACTIVE and the amount fits its available credit, so concurrent holds serialize on
 * the row lock and can never together exceed available credit. The same statement returns the account row,
 * after the hold when it was placed or, when it was not, exactly as the decision saw it (the row the statement
 * locked): the caches are refreshed from it and a decline is explained from it, with no second round
 * trip. The statement honours a cutoff ({@link PgSingleStatement}), so that it can run alone, in autocommit: one
 * round trip for a hold without an {@code Idempotency-Key}. Capture and release lock the hold, then the account
 * (always in that order), inside the caller's transaction. Stateless and thread-safe.
 */
final class HoldRepository {
  /**
   * One statement: lock the account row (READ COMMITTED re-reads its newest version after any wait), take the
   * hold only when it is ACTIVE, the amount fits and the cutoff {@code $7} has not passed, and answer the state the
   * decision was made on and whether it was in time. A decline's reason therefore comes from the same row version as
   * the decision, never from a later snapshot. The clock is read in {@code gate}, a scan of {@code acc}, so only once
   * the row is locked: read in {@code acc}'s own select list it would be computed by the index scan under the lock,
   * BEFORE the wait for it (EXPLAIN VERBOSE shows {@code clock_timestamp()} in the Index Scan's output beneath
   * LockRows there, and in the CTE Scan on acc here; HoldDeadlineIntegrationTests holds the difference).
   */
  private static final String PLACE = "WITH acc AS ("
      + " SELECT " + PgAccountRepository.COLUMNS + " FROM accounts WHERE account_id = $1 FOR UPDATE),"
      + " gate AS (SELECT clock_timestamp() < $7 AS in_time FROM acc),"
      + " taken AS ("
      + " UPDATE accounts a SET held_minor = a.held_minor + $2, version = a.version + 1, updated_at = now()"
      + " FROM acc, gate WHERE a.account_id = acc.account_id AND gate.in_time AND acc.status = 'ACTIVE'"
      + " AND acc.credit_limit_minor - acc.outstanding_minor - acc.held_minor >= $2"
      + " RETURNING a.*),"
      + " hold AS (INSERT INTO holds (hold_id, account_id, amount_minor, status, order_id, client_id, expires_at)"
      + " SELECT $3, account_id, $2, 'ACTIVE', $4, $5, $6 FROM taken)"
      + " SELECT true AS placed, true AS in_time, " + PgAccountRepository.COLUMNS + " FROM taken"
      + " UNION ALL SELECT false AS placed, gate.in_time, " + PgAccountRepository.COLUMNS + " FROM acc, gate"
      + " WHERE NOT EXISTS (SELECT 1 FROM taken)";
  private static final String READ_HOLD = "SELECT hold_id, account_id, amount_minor, captured_minor, status, "
      + "order_id, expires_at FROM holds WHERE hold_id = $1 AND client_id = $2";
  private static final String LOCK_HOLD = READ_HOLD + " FOR UPDATE";
  private static final String RESOLVE_HOLD = "UPDATE holds SET status = $2, captured_minor = $3, resolved_at = $4 "
      + "WHERE hold_id = $1";
  private static final String SETTLE_ACCOUNT = "UPDATE accounts SET held_minor = held_minor - $2,"
      + " outstanding_minor = outstanding_minor + $3, version = version + 1, updated_at = now(),"
      + " last_draw_at = CASE WHEN $3 > 0 THEN $4 ELSE last_draw_at END,"
      + " features[" + (Feature.DAYS_SINCE_LAST_DRAW.ordinal() + 1) + "] ="
      + " CASE WHEN $3 > 0 THEN 0 ELSE features[" + (Feature.DAYS_SINCE_LAST_DRAW.ordinal() + 1) + "] END"
      + " WHERE account_id = $1 RETURNING credit_limit_minor - outstanding_minor - held_minor AS available_minor,"
      + " held_minor";
  /**
   * Event id of a capture's DRAW in {@code account_events}. Client event ids match {@code Validation.ID}, which
   * has no {@code '#'}: internal ids can never collide with (or be squatted by) a client's.
   */
  static final String DRAW_EVENT_PREFIX = "#capture:";
  private static final String RECORD_DRAW = "INSERT INTO account_events (account_id, event_id, type, amount_minor,"
      + " occurred_at, attributes, request_sha256, response) VALUES ($1, $2, 'DRAW', $3, $4, $5, '', '{}')";
  private static final String EXPIRE = "WITH expired AS ("
      + " UPDATE holds SET status = 'EXPIRED', resolved_at = $1 WHERE hold_id IN ("
      + "  SELECT hold_id FROM holds WHERE status = 'ACTIVE' AND expires_at <= $1"
      + "  ORDER BY expires_at LIMIT $2 FOR UPDATE SKIP LOCKED)"
      + " RETURNING account_id, amount_minor),"
      + " sums AS (SELECT account_id, sum(amount_minor) AS total FROM expired GROUP BY account_id)"
      + " UPDATE accounts a SET held_minor = a.held_minor - s.total, version = a.version + 1, updated_at = now()"
      + " FROM sums s WHERE a.account_id = s.account_id RETURNING a.account_id";

  /** A hold to place, {@code expiresAt} on the business clock. */
  record NewHold(String holdId, HoldRequest request, String clientId, Instant expiresAt) {

    /** The arguments of {@link #PLACE}, the cutoff last. */
    Tuple args(OffsetDateTime cutoff) {
      return Tuple.of(request.accountId(), request.amountMinor(), holdId, request.orderId(), clientId,
          expiresAt.atOffset(ZoneOffset.UTC), cutoff);
    }
  }

  /** A hold as locked for capture or release. */
  record Hold(String holdId, String accountId, long amountMinor, long capturedMinor, String status, String orderId,
      Instant expiresAt) {

    JsonObject json() {
      return new JsonObject().put("holdId", holdId).put("accountId", accountId).put("amount", amountMinor)
          .put("captured", capturedMinor).put("status", status).put("orderId", orderId)
          .put("expiresAt", expiresAt.toString());
    }
  }

  /**
   * Places a hold in one statement inside the caller's transaction (whose deadline rules; the statement's cutoff,
   * counted from now, is only a second fence); the account as stored after it, or a failure as {@link #placed} says.
   */
  Future<AccountRecord> place(SqlConnection conn, NewHold hold, long deadlineMillis) {
    return conn.preparedQuery(PLACE).execute(hold.args(PgSingleStatement.cutoff(deadlineMillis)))
        .map(rows -> placed(rows, hold.request(), deadlineMillis));
  }

  /**
   * Places a hold in one autocommit statement, one round trip ({@link PgSingleStatement}); the account as stored
   * after it, or a failure as {@link #placed} says.
   */
  Future<AccountRecord> place(Pool pool, NewHold hold, long deadlineMillis) {
    return PgSingleStatement.execute(pool, deadlineMillis, PLACE, hold::args)
        .map(rows -> placed(rows, hold.request(), deadlineMillis));
  }

  /**
   * The account {@link #PLACE} answered after placing the hold; else why not: the account is unknown (404), the
   * statement ran past its cutoff (the 503 of a missed deadline, never a decline: nothing was decided), or the hold
   * does not fit (409, explained from the row the statement locked and decided on).
   */
  private static AccountRecord placed(RowSet<Row> rows, HoldRequest request, long deadlineMillis) {
    if (rows.size() == 0) {
      throw AccountNotFound.of(request.accountId());
    }
    Row row = rows.iterator().next();
    if (!row.getBoolean("in_time")) {
      throw PgTransactions.missedDeadline(deadlineMillis);
    }
    AccountRecord account = PgAccountRepository.map(row);
    if (!row.getBoolean("placed")) {
      throw declined(account.state(), request);
    }
    Check.that(account.state().heldMinor() <= account.state().creditLimitMinor(), "held above the limit on %s",
        account.accountId());
    return account;
  }

  private static GatewayException.Declined declined(CreditState state, HoldRequest request) {
    List<ReasonCode> reasons = new ArrayList<>(2);
    if (state.status() == AccountStatus.FROZEN) {
      reasons.add(ReasonCode.ACCOUNT_FROZEN);
    } else if (state.status() == AccountStatus.CLOSED) {
      reasons.add(ReasonCode.ACCOUNT_CLOSED);
    }
    if (state.availableMinor() < request.amountMinor()) {
      reasons.add(ReasonCode.INSUFFICIENT_AVAILABLE_CREDIT);
    }
    Check.that(!reasons.isEmpty(), "hold for %s declined without a reason", request.accountId());
    return new GatewayException.Declined("hold-declined", "the hold does not fit the account's available credit",
        reasons);
  }

  /**
   * Locks the hold for the rest of the transaction. Holds belong to the client that placed them: another
   * client's hold is not found, exactly like an unknown one, so hold ids leak nothing across clients.
   */
  Future<Hold> lock(SqlConnection conn, String holdId, String clientId) {
    return one(conn, LOCK_HOLD, holdId, clientId);
  }

  /**
   * The hold as last committed, for a read: one statement on {@code client}, no transaction and no lock, so it
   * neither waits for a capture or release in flight nor makes one wait. Owned like {@link #lock}.
   */
  Future<Hold> find(SqlClient client, String holdId, String clientId) {
    return one(client, READ_HOLD, holdId, clientId);
  }

  private static Future<Hold> one(SqlClient client, String sql, String holdId, String clientId) {
    return client.preparedQuery(sql).execute(Tuple.of(holdId, clientId)).map(rows -> {
      if (rows.size() == 0) {
        throw new GatewayException.NotFound("hold-not-found", "no hold with id " + holdId);
      }
      Row row = rows.iterator().next();
      return new Hold(row.getString("hold_id"), row.getString("account_id"), row.getLong("amount_minor"),
          row.getLong("captured_minor"), row.getString("status"), row.getString("order_id"),
          row.getOffsetDateTime("expires_at").toInstant());
    });
  }

  /**
   * Resolves a locked ACTIVE hold: {@code capturedMinor} of it becomes outstanding, the whole hold leaves
   * {@code held}. Returns the account's available credit after it.
   */
  Future<Long> resolve(SqlConnection conn, Hold hold, String status, long capturedMinor, Instant now) {
    Check.that(capturedMinor >= 0 && capturedMinor <= hold.amountMinor(), "capture %s outside hold %s",
        capturedMinor, hold.amountMinor());
    OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
    Future<Void> draw = capturedMinor == 0 ? Future.succeededFuture()
        : conn.preparedQuery(RECORD_DRAW).execute(Tuple.of(hold.accountId(), DRAW_EVENT_PREFIX + hold.holdId(),
            capturedMinor, at, new JsonObject().put("holdId", hold.holdId()))).mapEmpty();
    return conn.preparedQuery(RESOLVE_HOLD).execute(Tuple.of(hold.holdId(), status, capturedMinor, at))
        .compose(v -> draw)
        .compose(v -> conn.preparedQuery(SETTLE_ACCOUNT)
            .execute(Tuple.of(hold.accountId(), hold.amountMinor(), capturedMinor, at)))
        .map(rows -> {
          Row row = rows.iterator().next();
          Check.that(row.getLong("held_minor") >= 0, "held went negative on %s", hold.accountId());
          return Math.max(0L, row.getLong("available_minor"));
        });
  }

  /** Expires up to {@code batch} overdue holds at {@code now}; the accounts whose held credit changed. */
  Future<List<String>> expire(SqlClient client, Instant now, int batch) {
    return client.preparedQuery(EXPIRE).execute(Tuple.of(now.atOffset(ZoneOffset.UTC), batch)).map(rows -> {
      List<String> accounts = new ArrayList<>(rows.size());
      rows.forEach(row -> accounts.add(row.getString("account_id")));
      return accounts;
    });
  }
}
