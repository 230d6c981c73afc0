package com.creditgate.gateway.holds;

import com.creditgate.gateway.config.MoneySettings;
import com.creditgate.gateway.runtime.GatewayServices;
import com.creditgate.gateway.runtime.StorageClients;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Releases expired holds in the background: every {@code HOLD_SWEEP_INTERVAL_MILLIS}, one statement expires up
 * to {@code HOLD_SWEEP_BATCH} holds and gives their credit back. Safe with many replicas: rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so two sweepers never release the same hold. One instance per process.
 */
public final class HoldSweeper extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(HoldSweeper.class);

  private final GatewayServices services;
  private final HoldRepository holds = new HoldRepository();
  private StorageClients storage;
  private long timerId = -1;
  private boolean sweeping;

  public HoldSweeper(GatewayServices services) {
    this.services = services;
  }

  @Override
  public Future<?> start() {
    storage = StorageClients.open(vertx, context, services);
    MoneySettings settings = services.config().money();
    timerId = vertx.setPeriodic(settings.holdSweepIntervalMillis(), id -> sweep(settings.holdSweepBatch()));
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timerId);
    return storage.close();
  }

  /** One sweep; skipped while the previous one runs. */
  private void sweep(int batch) {
    if (sweeping) {
      return;
    }
    sweeping = true;
    holds.expire(storage.pool(), services.clock().instant(), batch)
        .compose(this::refresh)
        .onFailure(e -> LOG.warn("hold sweep failed: {}", e.toString()))
        .onComplete(r -> sweeping = false);
  }

  private Future<Void> refresh(List<String> accountIds) {
    if (!accountIds.isEmpty()) {
      LOG.info("released expired holds on {} accounts", accountIds.size());
    }
    return Future.join(accountIds.stream().map(id -> storage.tiered().refresh(id)).toList()).mapEmpty();
  }
}
