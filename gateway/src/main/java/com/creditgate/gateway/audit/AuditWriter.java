package com.creditgate.gateway.audit;

import com.creditgate.gateway.config.MoneySettings;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Drains the {@link DecisionAuditLog} into Postgres in batches of at most {@code AUDIT_BATCH_MAX}, every
 * {@code AUDIT_FLUSH_MILLIS} or sooner when a batch is full; one batch in flight at a time. A failed batch is
 * logged record by record, never lost silently. On stop it flushes what is queued. One per process.
 */
public final class AuditWriter extends VerticleBase {
  private static final String INSERT = "INSERT INTO decision_audit (decision_id, account_id, amount_minor, decision,"
      + " score, pd, reasons, model_version, policy_version, features, degraded, client_id, decided_at, order_id,"
      + " merchant_category, channel)"
      + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) ON CONFLICT (decision_id) DO NOTHING";

  private final DecisionAuditLog log;
  private final MoneySettings settings;
  private final Supplier<Pool> pools;
  private Pool pool;
  private long timerId = -1;
  private boolean writing;

  public AuditWriter(DecisionAuditLog log, MoneySettings settings, Supplier<Pool> pools) {
    this.log = log;
    this.settings = settings;
    this.pools = pools;
  }

  @Override
  public Future<?> start() {
    pool = pools.get();
    timerId = vertx.setPeriodic(settings.auditFlushMillis(), id -> flushOnce());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timerId);
    return flushAll().eventually(pool::close);
  }

  /**
   * Writes one batch unless one is in flight; when it is done and a full batch is waiting, writes the next at
   * once instead of at the next tick, so the writer keeps up with any rate Postgres can absorb rather than at
   * most {@code AUDIT_BATCH_MAX} per {@code AUDIT_FLUSH_MILLIS}.
   */
  private void flushOnce() {
    if (writing) {
      return;
    }
    writing = true;
    writeBatch().onComplete(r -> {
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

  private Future<Void> writeBatch() {
    List<AuditRecord> batch = new ArrayList<>(Math.min(log.backlog(), settings.auditBatchMax()));
    int count = log.drainTo(batch, settings.auditBatchMax());
    if (count == 0) {
      return Future.succeededFuture();
    }
    List<Tuple> rows = new ArrayList<>(count);
    batch.forEach(r -> rows.add(tuple(r)));
    return pool.preparedQuery(INSERT).executeBatch(rows)
        .onSuccess(v -> log.written(count))
        .recover(e -> {
          log.logUnwritten(batch, e);
          return Future.succeededFuture();
        })
        .mapEmpty();
  }

  private static Tuple tuple(AuditRecord r) {
    Float[] features = new Float[r.features().length];
    for (int i = 0; i < features.length; i++) {
      features[i] = r.features()[i];
    }
    return Tuple.tuple().addString(r.decisionId()).addString(r.accountId()).addLong(r.amountMinor())
        .addString(r.decision()).addInteger(r.score()).addDouble(r.pd())
        .addArrayOfString(r.reasonCodes().toArray(String[]::new)).addString(r.modelVersion())
        .addString(r.policyVersion()).addArrayOfFloat(features).addBoolean(r.degraded()).addString(r.clientId())
        .addOffsetDateTime(r.decidedAt().atOffset(ZoneOffset.UTC)).addString(r.orderId())
        .addString(r.merchantCategory()).addString(r.channel());
  }
}
