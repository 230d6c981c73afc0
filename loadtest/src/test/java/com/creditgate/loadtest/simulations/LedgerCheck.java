package com.creditgate.loadtest.simulations;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The money invariant read from the gateway's own Postgres rather than through its API: for each account,
 * {@code held} equals the sum of its ACTIVE holds, and {@code outstanding + held <= creditLimit}. Run once,
 * after the load, when the simulation is given {@code -DpgUrl}; blocks its caller for one query.
 */
final class LedgerCheck {
  private static final String QUERY = "SELECT a.account_id, a.credit_limit_minor, a.outstanding_minor,"
      + " a.held_minor, COALESCE(SUM(h.amount_minor) FILTER (WHERE h.status = 'ACTIVE'), 0) AS active_holds,"
      + " COUNT(h.hold_id) AS holds"
      + " FROM accounts a LEFT JOIN holds h ON h.account_id = a.account_id"
      + " WHERE a.account_id = ANY($1) GROUP BY a.account_id ORDER BY a.account_id";

  private LedgerCheck() {}

  /** {@link CreditInvariant#SOLVENT}, or every violation found among {@code accountIds}. */
  static String verdict(String pgUrl, List<String> accountIds) {
    Vertx vertx = Vertx.vertx();
    try {
      Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(1))
          .connectingTo(PgConnectOptions.fromUri(pgUrl)).using(vertx).build();
      RowSet<Row> rows = pool.preparedQuery(QUERY).execute(Tuple.of(accountIds.toArray(new String[0])))
          .eventually(pool::close).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      List<String> violations = new ArrayList<>();
      int found = 0;
      for (Row row : rows) {
        found++;
        long limit = row.getLong("credit_limit_minor");
        long outstanding = row.getLong("outstanding_minor");
        long held = row.getLong("held_minor");
        long activeHolds = row.getLong("active_holds");
        String account = row.getString("account_id");
        if (held != activeHolds) {
          violations.add(account + ": held " + held + " != sum of its ACTIVE holds " + activeHolds);
        }
        if (outstanding + held > limit) {
          violations.add(account + ": outstanding " + outstanding + " + held " + held + " > limit " + limit);
        }
      }
      if (found != accountIds.size()) {
        violations.add("found " + found + " of the " + accountIds.size() + " accounts in Postgres");
      }
      return violations.isEmpty() ? CreditInvariant.SOLVENT : String.join("; ", violations);
    } catch (Exception e) {
      return "the ledger check failed: " + e;
    } finally {
      vertx.close();
    }
  }
}
