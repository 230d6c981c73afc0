package com.creditgate.gateway.store.postgres;

import com.creditgate.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

/** Builds Postgres pools from the configuration, with explicit limits. */
public final class PgPools {
  private PgPools() {}

  /** Connection options for {@code PG_URL} (and {@code PG_PASSWORD} when set). */
  public static PgConnectOptions connectOptions(GatewayConfig config) {
    String url = config.pgUrl().orElseThrow(() -> new IllegalStateException("PG_URL is not set"));
    PgConnectOptions options = PgConnectOptions.fromUri(url)
        .setCachePreparedStatements(true)
        .setPreparedStatementCacheMaxSize(256)
        // A span per statement only inside a traced request (Tracing); background loops make none.
        .setTracingPolicy(TracingPolicy.PROPAGATE);
    config.pgPassword().ifPresent(options::setPassword);
    return options;
  }

  /** A new pool of {@code PG_POOL_SIZE} connections; the caller owns and closes it. */
  public static Pool create(Vertx vertx, GatewayConfig config) {
    PoolOptions pool = new PoolOptions().setMaxSize(config.pgPoolSize()).setMaxWaitQueueSize(4_096)
        .setConnectionTimeout(2).setConnectionTimeoutUnit(java.util.concurrent.TimeUnit.SECONDS);
    return PgBuilder.pool().with(pool).connectingTo(connectOptions(config)).using(vertx).build();
  }
}
