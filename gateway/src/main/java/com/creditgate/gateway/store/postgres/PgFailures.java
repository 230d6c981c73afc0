package com.creditgate.gateway.store.postgres;

import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * Tells a Postgres that is unreachable or unusable (connection refused, reset or lost mid-statement, server
 * shutting down, database gone, out of resources, statement cancelled at its deadline, pool wait timed out) from a
 * failure of the statement itself. The first is a 503 the
 * client may retry; the second a bug worth a 500.
 */
public final class PgFailures {
  /** How vertx-sql-client fails a request that waited past the pool's connection timeout for a connection. */
  private static final String POOL_WAIT_TIMEOUT = "Timeout";
  /** SQLSTATE of a statement cancelled by {@code statement_timeout} (the request pools' deadline). */
  private static final String QUERY_CANCELED = "57014";

  private PgFailures() {}

  /** Whether {@code failure} (or a cause) says Postgres is unavailable rather than the request wrong. */
  public static boolean unavailable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof PgException pg) {
        String state = pg.getSqlState() == null ? "" : pg.getSqlState();
        return state.startsWith("08") || state.startsWith("53") || state.startsWith("57P") || "3D000".equals(state)
            || QUERY_CANCELED.equals(state);
      }
      if (t instanceof IOException || t instanceof ClosedConnectionException || t instanceof TimeoutException
          || t instanceof io.vertx.core.http.ConnectionPoolTooBusyException
          || (t instanceof VertxException && (POOL_WAIT_TIMEOUT.equals(t.getMessage())
              || String.valueOf(t.getMessage()).toLowerCase().contains("connection")))) {
        return true;
      }
    }
    return false;
  }
}
