package com.creditgate.gateway.admin;

import com.creditgate.gateway.risk.RiskEngineLoader;
import com.creditgate.gateway.runtime.GatewayServices;
import com.creditgate.gateway.store.cache.InvalidationSubscriber;
import com.creditgate.gateway.store.postgres.PgPools;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this replica on the newest risk configuration: loads it at start (bootstrapping an empty database),
 * reloads when told through Redis pub/sub (via {@link InvalidationSubscriber}) and, as a safety net when
 * messages are lost or Redis is absent, checks the revision every {@code RISK_CONFIG_POLL_MILLIS}. The swap is
 * one volatile write: no request fails during it. One per process.
 */
public final class RiskConfigReloader extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(RiskConfigReloader.class);

  private final GatewayServices services;
  private Pool pool;
  private RiskConfigLoader loader;
  private MessageConsumer<String> consumer;
  private long timerId = -1;
  private boolean checking;

  public RiskConfigReloader(GatewayServices services) {
    this.services = services;
  }

  @Override
  public Future<?> start() {
    pool = PgPools.create(vertx, services.config());
    loader = new RiskConfigLoader(vertx, pool, services.engine());
    consumer = vertx.eventBus().consumer(InvalidationSubscriber.RISK_CONFIG_CHANGED, message -> check());
    return vertx.executeBlocking(() -> RiskEngineLoader.resource(services.config().modelResource()))
        .compose(loader::bootstrap)
        .compose(v -> loader.reload())
        .onSuccess(revision -> timerId = vertx.setPeriodic(services.config().money().riskConfigPollMillis(),
            id -> check()));
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timerId);
    return consumer.unregister().eventually(pool::close);
  }

  private void check() {
    if (checking) {
      return;
    }
    checking = true;
    loader.reload()
        .onFailure(e -> LOG.warn("risk configuration reload failed, keeping revision {}: {}",
            services.engine().active().revision(), e.toString()))
        .onComplete(r -> checking = false);
  }
}
