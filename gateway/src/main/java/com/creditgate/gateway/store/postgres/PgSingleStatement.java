package com.creditgate.gateway.store.postgres;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * A money write that is ONE autocommit statement, its own transaction: one round trip, no BEGIN and no COMMIT, under
 * the guarantee {@link PgTransactions} gives, that nothing is applied after the client was told 503. With no COMMIT to
 * withhold, the statement keeps the deadline itself: it gets a cutoff (the last parameter its tuple function is given)
 * and must apply nothing once Postgres's {@code clock_timestamp()} has reached it, read AFTER every lock it waits for,
 * and answer so ("too late", which its caller maps to {@link PgTransactions#missedDeadline}). The cutoff is this host's
 * wall clock at the call plus the deadline less {@link #skewMarginMillis}, a margin for the clocks of this host and
 * Postgres's disagreeing. Then:
 *
 * <ul>
 *   <li>Postgres's answer (rows, or an error: the statement then rolled back) is passed on as it comes;
 *   <li>no answer within the deadline is the 503 of {@link PgTransactions#missedDeadline}: whatever the statement
 *       does later, it does past its cutoff, so it applies nothing;
 *   <li>a connection lost with the statement sent leaves its fate unknown: a backend waiting for a row lock does not
 *       notice its client is gone and may go on to apply the write, so the failure is held back until the deadline and
 *       only then answered (a 503, classified as the loss it is), when the statement can no longer apply.
 * </ul>
 *
 * <p>What stays ambiguous, as it does for a COMMIT whose answer is lost: the statement is its own COMMIT, so a write
 * Postgres applied before its cutoff whose answer never arrives (connection cut or frozen once it ran) is a 503 for a
 * write that was applied, as is one on a Postgres whose clock runs behind this host's by more than the margin or that
 * stalls between its cutoff check and its commit. A command that needs the stronger "a 503 applied nothing" must run
 * in {@link PgTransactions} (for holds: send an {@code Idempotency-Key}). Stateless.
 */
public final class PgSingleStatement {
  /** The largest margin kept for clock skew between this host and Postgres's. */
  static final long SKEW_MARGIN_MAX_MILLIS = 250;

  private PgSingleStatement() {}

  /**
   * The cutoff of a write whose deadline starts now: the real wall clock (never the business clock, which may be
   * anywhere in time) plus {@code deadlineMillis} less {@link #skewMarginMillis}.
   */
  public static OffsetDateTime cutoff(long deadlineMillis) {
    long cutoffMillis = System.currentTimeMillis() + deadlineMillis - skewMarginMillis(deadlineMillis);
    return Instant.ofEpochMilli(cutoffMillis).atOffset(ZoneOffset.UTC);
  }

  /**
   * {@code min(250 ms, deadline / 4)}: a Postgres clock up to this far behind this host's still refuses a write before
   * the client is told 503 (one ahead refuses earlier, which is safe). NTP keeps hosts within a few milliseconds; a
   * quarter of the deadline keeps most of a short deadline for the write.
   */
  static long skewMarginMillis(long deadlineMillis) {
    return Math.min(SKEW_MARGIN_MAX_MILLIS, deadlineMillis / 4);
  }

  /**
   * Runs {@code sql}, which must honour its cutoff as the class says, with the tuple {@code args} makes of the cutoff,
   * as one autocommit statement on {@code pool} within {@code deadlineMillis} (the wait for a connection included).
   */
  public static Future<RowSet<Row>> execute(Pool pool, long deadlineMillis, String sql,
      Function<OffsetDateTime, Tuple> args) {
    long deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(deadlineMillis);
    Tuple tuple = args.apply(cutoff(deadlineMillis));
    LostAnswer lost = new LostAnswer();
    // a failure to get a connection sent nothing: it is passed on at once, like Postgres's own answers
    return pool.getConnection()
        .compose(conn -> {
          // a connection that came after the deadline gets no statement: it could only refuse itself
          if (deadlineNanos - System.nanoTime() <= 0) {
            return conn.close().transform(closed -> Future.<RowSet<Row>>failedFuture(
                PgTransactions.missedDeadline(deadlineMillis)));
          }
          return conn.preparedQuery(sql).execute(tuple).andThen(done -> conn.close())
              .recover(lost::heldToTheDeadline);
        })
        .timeout(deadlineMillis, TimeUnit.MILLISECONDS)
        .recover(e -> Future.failedFuture(e instanceof TimeoutException ? lost.atTheDeadline(deadlineMillis) : e));
  }

  /** The failure of a statement that got no answer from Postgres, kept for the deadline. One per statement. */
  private static final class LostAnswer {
    /** Set on the connection's context, read by the deadline's timer on the same context. */
    private volatile Throwable failure;

    Future<RowSet<Row>> heldToTheDeadline(Throwable e) {
      if (e instanceof PgException) {
        return Future.failedFuture(e);
      }
      failure = e;
      return Promise.<RowSet<Row>>promise().future();
    }

    Throwable atTheDeadline(long deadlineMillis) {
      Throwable lost = failure;
      return lost != null ? lost : PgTransactions.missedDeadline(deadlineMillis);
    }
  }
}
