package com.creditgate.gateway.audit;

import com.creditgate.gateway.config.MoneySettings;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the {@link DecisionAuditLog} into Postgres in batches of at most {@code AUDIT_BATCH_MAX}, each one
 * set-based statement ({@link AuditBatch}), every {@code AUDIT_FLUSH_MILLIS} or sooner when a batch is full; one
 * batch in flight at a time. A failed batch is logged record by record, never lost silently. Keeps the daily
 * partitions of {@code decision_audit} ahead of the clock and within {@code AUDIT_RETENTION_MONTHS}: at start
 * (before the first write) and every {@link #PARTITION_CHECK_MILLIS}. After each of those checks, in the
 * background, it builds the account index of every finished day that lacks one (V014: one bulk
 * {@code CREATE INDEX CONCURRENTLY} per day, which blocks no writer; newest day first; an index left invalid by an
 * interrupted build is dropped and built again; one replica at a time, under an advisory lock). On stop it
 * flushes what is queued. One per process.
 */
public final class AuditWriter extends VerticleBase {
  /** How often the partitions are checked: hourly is far inside the days created ahead. */
  static final long PARTITION_CHECK_MILLIS = 3_600_000;
  private static final Logger LOG = LoggerFactory.getLogger(AuditWriter.class);
  private static final String MAINTAIN = "SELECT decision_audit_maintain($1::date, $2, $3) AS dropped";
  private static final String UNINDEXED =
      "SELECT partition_name, index_name, invalid FROM decision_audit_unindexed_days($1::date)";
  /** Held (session-level) while this process builds account indexes, so replicas do not build the same one. */
  private static final long INDEX_LOCK = 18_984_448_907_569_525L;

  private final DecisionAuditLog log;
  private final MoneySettings settings;
  private final Supplier<Pool> pools;
  private final Clock clock;
  private final List<AuditRecord> batch = new ArrayList<>();
  private Pool pool;
  private long flushTimerId = -1;
  private long partitionTimerId = -1;
  private boolean writing;
  private boolean stopping;
  private boolean indexing;
  private Future<Void> inFlight = Future.succeededFuture();

  public AuditWriter(DecisionAuditLog log, MoneySettings settings, Supplier<Pool> pools, Clock clock) {
    this.log = log;
    this.settings = settings;
    this.pools = pools;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    pool = pools.get();
    return maintainPartitions().onSuccess(v -> {
      flushTimerId = vertx.setPeriodic(settings.auditFlushMillis(), id -> flushOnce());
      partitionTimerId = vertx.setPeriodic(PARTITION_CHECK_MILLIS, id -> maintainPartitions()
          .onSuccess(done -> indexFinishedDays())
          .onFailure(e -> LOG.warn("audit partition maintenance failed: {}", e.toString())));
      indexFinishedDays();
    });
  }

  /** Waits for the batch in flight (closing the pool under it would fail it), then writes what is queued. */
  @Override
  public Future<?> stop() {
    stopping = true;
    vertx.cancelTimer(flushTimerId);
    vertx.cancelTimer(partitionTimerId);
    return inFlight.compose(v -> flushAll()).eventually(pool::close);
  }

  /** Creates the day partitions ahead of today (UTC) and drops those past the retention. */
  private Future<Void> maintainPartitions() {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    return pool.preparedQuery(MAINTAIN)
        .execute(Tuple.of(today, settings.auditPartitionDaysAhead(), settings.auditRetentionMonths()))
        .onSuccess(rows -> {
          int dropped = rows.iterator().next().getInteger("dropped");
          if (dropped > 0) {
            LOG.info("dropped {} audit partitions older than {} months", dropped, settings.auditRetentionMonths());
          }
        })
        .mapEmpty();
  }

  /**
   * Builds the account index of each finished day without a valid one, one after the other on one connection,
   * unless another process holds the lock (it is building them). Failures are logged; the next check retries.
   */
  private void indexFinishedDays() {
    if (stopping || indexing) {
      return;
    }
    indexing = true;
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    pool.withConnection(conn -> conn.query("SELECT pg_try_advisory_lock(" + INDEX_LOCK + ") AS got").execute()
            .compose(locked -> !locked.iterator().next().getBoolean("got") ? Future.<Void>succeededFuture()
                : conn.preparedQuery(UNINDEXED).execute(Tuple.of(today))
                    .compose(days -> {
                      Future<Void> chain = Future.succeededFuture();
                      for (Row day : days) {
                        chain = chain.compose(v -> buildIndex(conn, day.getString("partition_name"),
                            day.getString("index_name"), day.getBoolean("invalid")));
                      }
                      return chain;
                    })
                    .eventually(() -> conn.query("SELECT pg_advisory_unlock(" + INDEX_LOCK + ")").execute())))
        .onFailure(e -> LOG.warn("building the audit account indexes failed (retried at the next check): {}",
            e.toString()))
        .onComplete(r -> indexing = false);
  }

  private Future<Void> buildIndex(SqlConnection conn, String partition, String index, boolean invalid) {
    if (stopping) {
      return Future.succeededFuture();
    }
    long startedNanos = System.nanoTime();
    Future<Void> dropped = !invalid ? Future.succeededFuture()
        : conn.query("DROP INDEX CONCURRENTLY IF EXISTS \"" + index + "\"").execute().mapEmpty();
    return dropped.compose(v -> conn.query("CREATE INDEX CONCURRENTLY IF NOT EXISTS \"" + index + "\" ON \""
            + partition + "\" USING gin (account_ids) WITH (fastupdate = off)").execute())
        .onSuccess(v -> LOG.info("built the account index of {} in {} ms{}", partition,
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos),
            invalid ? " (replacing an invalid one)" : ""))
        .mapEmpty();
  }

  /**
   * Writes one batch unless one is in flight; when it is done and a full batch is waiting, writes the next at
   * once instead of at the next tick, so the writer keeps up with any rate Postgres can absorb rather than at
   * most {@code AUDIT_BATCH_MAX} per {@code AUDIT_FLUSH_MILLIS}.
   */
  private void flushOnce() {
    if (writing || stopping) {
      return;
    }
    writing = true;
    inFlight = writeBatch().onComplete(r -> {
      writing = false;
      if (log.backlog() >= settings.auditBatchMax()) {
        flushOnce();
      }
    });
  }

  /** Writes batches until the queue is empty. */
  private Future<Void> flushAll() {
    return log.backlog() == 0 ? Future.succeededFuture() : writeBatch().compose(v -> flushAll());
  }

  /** Drains one batch into the reused list (one batch in flight at a time) and inserts it in one statement. */
  private Future<Void> writeBatch() {
    batch.clear();
    int count = log.drainTo(batch, settings.auditBatchMax());
    if (count == 0) {
      return Future.succeededFuture();
    }
    return pool.preparedQuery(AuditBatch.INSERT).execute(AuditBatch.tuple(batch))
        .onSuccess(v -> log.written(count))
        .recover(e -> {
          log.logUnwritten(batch, e);
          return Future.succeededFuture();
        })
        .mapEmpty();
  }
}
