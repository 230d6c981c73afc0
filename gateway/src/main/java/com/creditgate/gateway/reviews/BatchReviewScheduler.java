package com.creditgate.gateway.reviews;

import com.creditgate.gateway.ledger.AccountLedger;
import com.creditgate.gateway.runtime.GatewayServices;
import com.creditgate.gateway.runtime.StorageClients;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the batch review in-process every {@code BATCH_REVIEW_INTERVAL_SECONDS} (deployed only when it is
 * positive): every replica tries, the advisory lock and the run key let exactly one of them review each period.
 */
public final class BatchReviewScheduler extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(BatchReviewScheduler.class);

  private final GatewayServices services;
  private StorageClients storage;
  private BatchReview batch;
  private long timerId = -1;
  private boolean running;

  public BatchReviewScheduler(GatewayServices services) {
    this.services = services;
  }

  @Override
  public Future<?> start() {
    storage = StorageClients.open(vertx, context, services);
    batch = new BatchReview(storage.pool(), new AccountLedger(services.engine()), services.clock(),
        services.config().money().batchReviewPageSize(), id -> storage.tiered().refresh(id));
    long intervalSeconds = services.config().money().batchReviewIntervalSeconds();
    timerId = vertx.setPeriodic(Math.min(intervalSeconds * 1_000, 60_000), id -> runIfDue(intervalSeconds));
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timerId);
    return storage.close();
  }

  private void runIfDue(long intervalSeconds) {
    if (running) {
      return;
    }
    running = true;
    String runKey = "every-" + intervalSeconds + "s-" + services.clock().instant().getEpochSecond() / intervalSeconds;
    batch.run(runKey, services.config().instanceId())
        .onFailure(e -> LOG.warn("scheduled batch review failed: {}", e.toString()))
        .onComplete(r -> running = false);
  }
}
