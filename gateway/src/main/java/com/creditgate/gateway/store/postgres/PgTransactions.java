package com.creditgate.gateway.store.postgres;

import com.creditgate.gateway.error.GatewayException;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Money transactions with a deadline, counted from the call (the wait for a connection and BEGIN included). The
 * body must finish within it, else the transaction is rolled back
 * instead of committed: COMMIT is only ever sent before the deadline, so a stalled Postgres can leave nothing
 * half-applied (a transaction is all or nothing) and nothing applied after the client was told 503. The caller's
 * future fails within the deadline too, even while the ROLLBACK itself waits for a frozen server. The only
 * ambiguous case is a Postgres that stalls during the COMMIT itself: the client gets 503 and its retry (same
 * {@code Idempotency-Key} or {@code eventId}) replays or re-runs safely. Stateless.
 */
public final class PgTransactions {
  private PgTransactions() {}

  /** Runs {@code body} in a transaction on {@code pool} that must finish within {@code deadlineMillis}. */
  public static <T> Future<T> withDeadline(Pool pool, long deadlineMillis, Function<SqlConnection, Future<T>> body) {
    long deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(deadlineMillis);
    return pool.withTransaction((SqlConnection conn) -> {
      long remainingNanos = deadlineNanos - System.nanoTime();
      // BEGIN (or the wait for a connection) may itself have outlived the deadline: then the body never runs.
      return remainingNanos <= 0 ? Future.<T>failedFuture(new TimeoutException("deadline passed before the body"))
          : body.apply(conn).timeout(remainingNanos, TimeUnit.NANOSECONDS);
    })
        .timeout(deadlineMillis, TimeUnit.MILLISECONDS)
        .recover(e -> Future.failedFuture(e instanceof TimeoutException
            ? new GatewayException.DependencyUnavailable("postgres",
                "the write did not complete within " + deadlineMillis + " ms and was rolled back; retry shortly")
            : e));
  }
}
