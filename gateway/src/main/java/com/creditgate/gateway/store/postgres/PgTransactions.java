package com.creditgate.gateway.store.postgres;

import com.creditgate.gateway.error.GatewayException;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Money transactions with a deadline, counted from the call (the wait for a connection and BEGIN included). The
 * body must finish within it, else the transaction is rolled back instead of committed: COMMIT is only ever sent
 * before the deadline, so a stalled Postgres can leave nothing half-applied (a transaction is all or nothing) and
 * nothing applied after the client was told 503. The caller's future fails within the deadline too, even while
 * the ROLLBACK itself waits for a frozen server. The only ambiguous case is a Postgres that stalls during the
 * COMMIT itself: the client gets 503 and its retry (same {@code Idempotency-Key} or {@code eventId}) replays or
 * re-runs safely.
 *
 * <p>The body gets a guarded view of the connection: once the transaction is decided (the body's future completed
 * or its deadline passed), every new statement through it fails at once. A body whose statement outlives the
 * deadline goes on running its continuation when the statement's answer comes back; without the guard that
 * continuation's statements reached the connection after the ROLLBACK and ran outside any transaction, each
 * committed on its own (PgTransactionsIntegrationTests). Stateless.
 */
public final class PgTransactions {
  /** The {@link SqlConnection} methods that send a statement (or prepare one to send). */
  private static final Set<String> STATEMENT_METHODS = Set.of("query", "preparedQuery", "prepare");

  private PgTransactions() {}

  /** Runs {@code body} in a transaction on {@code pool} that must finish within {@code deadlineMillis}. */
  public static <T> Future<T> withDeadline(Pool pool, long deadlineMillis, Function<SqlConnection, Future<T>> body) {
    long deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(deadlineMillis);
    return pool.withTransaction((SqlConnection conn) -> {
      long remainingNanos = deadlineNanos - System.nanoTime();
      // BEGIN (or the wait for a connection) may itself have outlived the deadline: then the body never runs.
      if (remainingNanos <= 0) {
        return Future.<T>failedFuture(new TimeoutException("deadline passed before the body"));
      }
      Guard guard = new Guard(conn);
      // decided before withTransaction sees the outcome, so before it sends COMMIT or ROLLBACK (a body that throws
      // instead is rolled back by withTransaction itself, with no continuation left to guard against)
      return body.apply(guard.connection()).timeout(remainingNanos, TimeUnit.NANOSECONDS)
          .andThen(outcome -> guard.decide());
    })
        .timeout(deadlineMillis, TimeUnit.MILLISECONDS)
        .recover(e -> Future.failedFuture(e instanceof TimeoutException ? missedDeadline(deadlineMillis) : e));
  }

  /**
   * The 503 of a money write that missed its deadline: nothing of it is applied, nor will be (here the transaction is
   * rolled back; a {@link PgSingleStatement} refuses itself past its cutoff).
   */
  public static GatewayException.DependencyUnavailable missedDeadline(long deadlineMillis) {
    return new GatewayException.DependencyUnavailable("postgres",
        "the write did not complete within " + deadlineMillis + " ms and was rolled back; retry shortly");
  }

  /** The body's view of the connection: everything passes through until {@link #decide}, then no statement does. */
  private static final class Guard implements InvocationHandler {
    private final SqlConnection target;
    private volatile boolean decided;

    Guard(SqlConnection target) {
      this.target = target;
    }

    SqlConnection connection() {
      return (SqlConnection) Proxy.newProxyInstance(SqlConnection.class.getClassLoader(),
          new Class<?>[] {SqlConnection.class}, this);
    }

    void decide() {
      decided = true;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (decided && STATEMENT_METHODS.contains(method.getName())) {
        throw new IllegalStateException("the transaction was already decided (deadline passed or body done): "
            + "a statement after it would run outside the transaction");
      }
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }
}
