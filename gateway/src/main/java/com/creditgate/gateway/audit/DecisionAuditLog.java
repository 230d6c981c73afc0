package com.creditgate.gateway.audit;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hand-off between event loops and the {@link AuditWriter}: a bounded queue that {@link #offer} never
 * blocks on. When it is full the record is not dropped: it is written to the structured log
 * ({@code creditgate.audit.overflow}, one JSON line each) and counted. Thread-safe; one per process.
 */
public final class DecisionAuditLog {
  private static final Logger OVERFLOW = LoggerFactory.getLogger("creditgate.audit.overflow");

  private final BlockingQueue<AuditRecord> queue;
  private final LongAdder accepted = new LongAdder();
  private final LongAdder overflowed = new LongAdder();
  private final LongAdder written = new LongAdder();
  private final LongAdder logged = new LongAdder();

  private DecisionAuditLog(int capacity) {
    this.queue = new ArrayBlockingQueue<>(capacity);
  }

  /** A log whose records go to Postgres through the {@link AuditWriter}. */
  public static DecisionAuditLog toPostgres(int capacity) {
    return new DecisionAuditLog(capacity);
  }

  /** Queues {@code record} for Postgres, or logs it when the queue is full. Never blocks. */
  public void offer(AuditRecord record) {
    if (queue.offer(record)) {
      accepted.increment();
    } else {
      overflowed.increment();
      OVERFLOW.warn("{}", record.json().encode());
    }
  }

  /** Moves up to {@code max} queued records into {@code batch}; returns how many. */
  int drainTo(List<AuditRecord> batch, int max) {
    return queue.drainTo(batch, max);
  }

  /** Records that could not be written to Postgres go to the log instead, counted. */
  void logUnwritten(List<AuditRecord> batch, Throwable cause) {
    logged.add(batch.size());
    OVERFLOW.warn("audit batch of {} not written to Postgres: {}", batch.size(), cause.toString());
    batch.forEach(r -> OVERFLOW.warn("{}", r.json().encode()));
  }

  void written(int count) {
    written.add(count);
  }

  /** Records queued for Postgres since start. */
  public long accepted() {
    return accepted.sum();
  }

  /** Records that found the queue full and went to the log. */
  public long overflowed() {
    return overflowed.sum();
  }

  /** Records written to Postgres. */
  public long written() {
    return written.sum();
  }

  /** Records whose Postgres write failed and went to the log. */
  public long loggedAfterFailure() {
    return logged.sum();
  }

  /** Records waiting now. */
  public int backlog() {
    return queue.size();
  }
}
