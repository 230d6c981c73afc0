package com.creditgate.gateway.reviews;

import com.creditgate.gateway.ledger.AccountChange;
import com.creditgate.gateway.ledger.AccountLedger;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reviews every account once per run key (e.g. the UTC date), page by page, each account in its own
 * transaction. One replica at a time: the run holds a Postgres advisory lock, and a key already run is
 * skipped, so two replicas (or a replica and the CronJob) never review twice. Thread-safe as the pool is.
 */
public final class BatchReview {
  private static final Logger LOG = LoggerFactory.getLogger(BatchReview.class);
  private static final long LOCK_KEY = 0x6367_7265_7669_6577L;
  private static final String PAGE = "SELECT account_id FROM accounts WHERE account_id > $1 ORDER BY account_id LIMIT $2";
  private static final String START = "INSERT INTO review_runs (run_key, instance, started_at) VALUES ($1, $2, $3)"
      + " ON CONFLICT (run_key) DO NOTHING RETURNING run_id";
  private static final String FINISH = "UPDATE review_runs SET finished_at = $2, accounts_reviewed = $3,"
      + " accounts_changed = $4 WHERE run_id = $1";

  private final Pool pool;
  private final AccountLedger ledger;
  private final Clock clock;
  private final int pageSize;
  private final Function<String, Future<?>> afterChange;

  /** {@code afterChange} is told each account whose review committed (to refresh caches). */
  public BatchReview(Pool pool, AccountLedger ledger, Clock clock, int pageSize,
      Function<String, Future<?>> afterChange) {
    this.pool = pool;
    this.ledger = ledger;
    this.clock = clock;
    this.pageSize = pageSize;
    this.afterChange = afterChange;
  }

  /** The run key of a daily batch at {@code clock}'s now: the UTC date. */
  public static String dailyKey(Clock clock) {
    return clock.instant().atOffset(ZoneOffset.UTC).toLocalDate().toString();
  }

  /** Runs the batch for {@code runKey}; the answer says whether this call ran it, and what it did. */
  public Future<JsonObject> run(String runKey, String instance) {
    return pool.getConnection().compose(lockConn -> lockConn.preparedQuery("SELECT pg_try_advisory_lock($1) AS locked")
        .execute(Tuple.of(LOCK_KEY))
        .compose(rows -> rows.iterator().next().getBoolean("locked")
            ? runLocked(runKey, instance).eventually(() -> lockConn.preparedQuery("SELECT pg_advisory_unlock($1)")
                .execute(Tuple.of(LOCK_KEY)))
            : Future.succeededFuture(skipped(runKey, "another replica is running a batch review")))
        .eventually(lockConn::close));
  }

  private Future<JsonObject> runLocked(String runKey, String instance) {
    return pool.preparedQuery(START).execute(Tuple.of(runKey, instance, clock.instant().atOffset(ZoneOffset.UTC)))
        .compose(rows -> {
          if (rows.size() == 0) {
            return Future.succeededFuture(skipped(runKey, "run key already done"));
          }
          long runId = rows.iterator().next().getLong("run_id");
          long[] counts = new long[2];
          return page("", counts)
              .compose(v -> pool.preparedQuery(FINISH).execute(Tuple.of(runId,
                  clock.instant().atOffset(ZoneOffset.UTC), counts[0], counts[1])))
              .map(v -> {
                LOG.info("batch review {} reviewed {} accounts, {} changed", runKey, counts[0], counts[1]);
                return new JsonObject().put("runKey", runKey).put("ran", true).put("runId", runId)
                    .put("accountsReviewed", counts[0]).put("accountsChanged", counts[1]);
              });
        });
  }

  private Future<Void> page(String after, long[] counts) {
    return pool.preparedQuery(PAGE).execute(Tuple.of(after, pageSize)).compose(rows -> {
      if (rows.size() == 0) {
        return Future.succeededFuture();
      }
      String[] ids = new String[rows.size()];
      int i = 0;
      for (var row : rows) {
        ids[i++] = row.getString("account_id");
      }
      return reviewAll(List.of(ids), 0, counts).compose(v -> page(ids[ids.length - 1], counts));
    });
  }

  private Future<Void> reviewAll(List<String> ids, int index, long[] counts) {
    if (index == ids.size()) {
      return Future.succeededFuture();
    }
    String accountId = ids.get(index);
    return pool.withTransaction((SqlConnection conn) -> ledger.lock(conn, accountId)
            .compose(locked -> ledger.reviewAndWrite(conn, locked, AccountChange.none(locked), "BATCH", clock.instant())))
        .compose(result -> {
          counts[0]++;
          if (result.changed()) {
            counts[1]++;
          }
          return afterChange.apply(accountId).otherwiseEmpty();
        })
        .recover(e -> {
          LOG.warn("batch review of {} failed, continuing: {}", accountId, e.toString());
          return Future.succeededFuture();
        })
        .compose(v -> reviewAll(ids, index + 1, counts));
  }

  private static JsonObject skipped(String runKey, String why) {
    return new JsonObject().put("runKey", runKey).put("ran", false).put("reason", why);
  }
}
