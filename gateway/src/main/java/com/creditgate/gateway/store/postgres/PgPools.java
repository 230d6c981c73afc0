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
    return create(vertx, config, connectOptions(config));
  }

  /**
   * A pool for request paths: as {@link #create}, and every statement on it is cancelled by Postgres itself
   * past {@code MONEY_WRITE_DEADLINE_MILLIS} ({@code statement_timeout}, sent at connect), so a statement
   * stuck behind a lock cannot outlive the client's deadline on the server.
   */
  public static Pool createForRequests(Vertx vertx, GatewayConfig config) {
    PgConnectOptions options = connectOptions(config)
        .addProperty("statement_timeout", Long.toString(config.faults().writeDeadlineMillis()));
    return create(vertx, config, options);
  }

  private static Pool create(Vertx vertx, GatewayConfig config, PgConnectOptions options) {
    PoolOptions pool = new PoolOptions().setMaxSize(config.pgPoolSize()).setMaxWaitQueueSize(4_096)
        .setConnectionTimeout(2).setConnectionTimeoutUnit(java.util.concurrent.TimeUnit.SECONDS);
    return PgBuilder.pool().with(pool).connectingTo(options).using(vertx).build();
  }
}
