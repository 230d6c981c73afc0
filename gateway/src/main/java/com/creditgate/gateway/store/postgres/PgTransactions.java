package com.creditgate.gateway.store.postgres;

import com.creditgate.gateway.error.GatewayException;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.TransactionRollbackException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Money transactions with a deadline, counted from the call (the wait for a connection included). The body must
 * finish within it, else the transaction is rolled back instead of committed: COMMIT is only ever sent before the
 * deadline, so a stalled Postgres can leave nothing half-applied (a transaction is all or nothing) and nothing
 * applied after the client was told 503. The caller's future fails within the deadline too, even while the
 * ROLLBACK itself waits for a frozen server. The only ambiguous case is a Postgres that stalls during the COMMIT
 * itself: the client gets 503 and its retry (same {@code Idempotency-Key} or {@code eventId}) replays or re-runs
 * safely.
 *
 * <p>BEGIN is not awaited: the body's first statement is sent right behind it on the same connection (the client
 * pipelines commands), so a one-statement command such as placing a hold costs two round trips (BEGIN with the
 * statement, then COMMIT) instead of three. Postgres runs them in order, so the statement is inside the
 * transaction; should BEGIN fail, the statement fails with it and nothing is committed. Stateless.
 */
public final class PgTransactions {
  private PgTransactions() {}

  /** Runs {@code body} in a transaction on {@code pool} that must finish within {@code deadlineMillis}. */
  public static <T> Future<T> withDeadline(Pool pool, long deadlineMillis, Function<SqlConnection, Future<T>> body) {
    long deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(deadlineMillis);
    return pool.getConnection()
        .compose(conn -> guarded(() -> inTransaction(conn, deadlineNanos, body)).eventually(conn::close))
        .timeout(deadlineMillis, TimeUnit.MILLISECONDS)
        .recover(e -> Future.failedFuture(e instanceof TimeoutException
            ? new GatewayException.DependencyUnavailable("postgres",
                "the write did not complete within " + deadlineMillis + " ms and was rolled back; retry shortly")
            : e));
  }

  /**
   * BEGIN, the body pipelined behind it, then COMMIT when both succeeded in time, else ROLLBACK (as
   * {@code Pool.withTransaction} does, but without waiting for BEGIN's answer before the body's first statement).
   */
  private static <T> Future<T> inTransaction(SqlConnection conn, long deadlineNanos,
      Function<SqlConnection, Future<T>> body) {
    long remainingNanos = deadlineNanos - System.nanoTime();
    if (remainingNanos <= 0) { // the wait for a connection outlived the deadline: nothing is sent
      return Future.failedFuture(new TimeoutException("deadline passed before the body"));
    }
    Future<Transaction> begun = conn.begin();
    // a body that throws instead of failing its future still gets its ROLLBACK, and the connection goes back
    Future<T> result = guarded(() -> body.apply(conn)).timeout(remainingNanos, TimeUnit.NANOSECONDS);
    return begun.transform(began -> {
      if (began.failed()) { // the body's statements, sent after a failed BEGIN, fail too: wait for them
        return result.transform(ignored -> Future.<T>failedFuture(began.cause()));
      }
      Transaction tx = began.result();
      return result.transform(done -> {
        if (done.succeeded()) {
          return tx.commit().map(done.result());
        }
        Throwable failure = done.cause();
        return failure instanceof TransactionRollbackException ? Future.<T>failedFuture(failure)
            : tx.rollback().transform(rolledBack -> Future.<T>failedFuture(failure));
      });
    });
  }

  /** {@code step}'s future, or a failed one when it throws instead. */
  private static <T> Future<T> guarded(Supplier<Future<T>> step) {
    try {
      return step.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
