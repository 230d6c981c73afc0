package com.creditgate.gateway;

import com.creditgate.gateway.config.ConfigLoader;
import com.creditgate.gateway.config.GatewayConfig;
import com.creditgate.gateway.ops.Tracing;
import com.creditgate.gateway.reviews.BatchReviewCommand;
import com.creditgate.gateway.seed.Seeder;
import com.creditgate.gateway.store.postgres.EmbeddedPostgresServer;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts CreditGate from environment variables (see the README for every key); without {@code PG_URL} it
 * first starts an embedded Postgres and seeds it. With the argument {@code batch-review [runKey]} it runs one
 * batch limit review instead and exits (the CronJob's command); with {@code seed [flags]} it seeds a database
 * with synthetic accounts and exits (the load tests' command).
 */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) {
    if (args.length > 0 && "seed".equals(args[0])) {
      System.exit(Seeder.command(java.util.Arrays.copyOfRange(args, 1, args.length), System.getenv()));
    }
    GatewayConfig config = ConfigLoader.load(System.getenv());
    if (args.length > 0 && "batch-review".equals(args[0])) {
      batchReview(Vertx.vertx(), config, args.length > 1 ? args[1] : null);
      return;
    }
    // Starting Postgres blocks for seconds (initdb, pg_ctl), and so does seeding: both run here on the main
    // thread, before the gateway's Vert.x and its event loops exist.
    EmbeddedPostgresServer embedded = config.embedded() ? EmbeddedDefault.start(config) : null;
    GatewayConfig effective = embedded == null ? config : config.withPgUrl(embedded.url());
    Tracing tracing = effective.tracing().enabled() ? Tracing.otlp(effective.tracing()) : null;
    VertxOptions options = new VertxOptions().setPreferNativeTransport(true);
    Vertx vertx = tracing == null ? Vertx.vertx(options) : tracing.vertx(options);
    if (tracing != null) {
      LOG.info("tracing on: OTLP to {}, sampling {} of new traces", effective.tracing().otlpEndpoint(),
          effective.tracing().sampleRatio());
    }
    Gateway gateway;
    try {
      gateway = Gateway.start(vertx, effective, Clock.systemUTC()).await();
    } catch (RuntimeException e) {
      LOG.error("CreditGate failed to start", e);
      vertx.close().await();
      closeAll(tracing, embedded);
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("shutting down: draining in-flight requests for up to {} ms", config.shutdownGraceMillis());
      gateway.stop().eventually(vertx::close).await();
      closeAll(tracing, embedded);
      LOG.info("stopped");
    }, "shutdown"));
    if (embedded != null) {
      EmbeddedDefault.banner(effective, embedded);
    }
  }

  /** After Vert.x closed: flush the last spans, then stop the embedded Postgres. */
  private static void closeAll(Tracing tracing, EmbeddedPostgresServer embedded) {
    if (tracing != null) {
      tracing.close();
    }
    if (embedded != null) {
      embedded.close();
    }
  }

  private static void batchReview(Vertx vertx, GatewayConfig config, String runKey) {
    BatchReviewCommand.run(vertx, config, Clock.systemUTC(), runKey)
        .onComplete(result -> {
          int code = result.succeeded() ? 0 : 1;
          if (result.succeeded()) {
            LOG.info("batch review: {}", result.result().encode());
          } else {
            LOG.error("batch review failed", result.cause());
          }
          vertx.close().onComplete(v -> System.exit(code));
        });
  }
}
