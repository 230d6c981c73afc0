package com.creditgate.gateway;

import com.creditgate.gateway.config.ConfigLoader;
import com.creditgate.gateway.config.GatewayConfig;
import com.creditgate.gateway.ops.Tracing;
import com.creditgate.gateway.seed.Seeder;
import com.creditgate.gateway.store.postgres.EmbeddedPostgresServer;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

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
    routeJavaUtilLogging();
    if (args.length > 0 && "seed".equals(args[0])) {
      System.exit(Seeder.command(java.util.Arrays.copyOfRange(args, 1, args.length), System.getenv()));
    }
    GatewayConfig config = ConfigLoader.load(System.getenv());
    if (args.length > 0 && "batch-review".equals(args[0])) {
      batchReview(Vertx.vertx(), config, args.length > 1 ? args[1] : null);
      return;
    }
    Stopper stopper = new Stopper(config.shutdownGraceMillis(), config.faults().drainDelayMillis());
    Runtime.getRuntime().addShutdownHook(new Thread(stopper, "shutdown"));
    try {
      start(config, stopper);
    } catch (Exception e) { // also the checked ones Future.await() rethrows undeclared, e.g. a BindException
      LOG.error("CreditGate failed to start", e);
      System.exit(1);
    }
  }

  /** Sends java.util.logging records (the OpenTelemetry SDK's) to SLF4J, i.e. to logback and LOG_FORMAT. */
  static void routeJavaUtilLogging() {
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
  }

  /**
   * Starts everything, recording each part in {@code stopper} as soon as it runs, so an interrupted or failed
   * start leaves nothing behind (no orphan Postgres). Starting Postgres and seeding block for seconds (initdb,
   * pg_ctl, inserts): they run here on the main thread, before the gateway's Vert.x and event loops exist.
   */
  private static void start(GatewayConfig config, Stopper stopper) {
    GatewayConfig effective = config;
    if (config.embedded()) {
      stopper.embedded = EmbeddedDefault.startServer(config);
      EmbeddedDefault.seed(config, stopper.embedded);
      effective = config.withPgUrl(stopper.embedded.url());
    }
    stopper.tracing = effective.tracing().enabled() ? Tracing.otlp(effective.tracing()) : null;
    VertxOptions options = new VertxOptions().setPreferNativeTransport(true);
    stopper.vertx = stopper.tracing == null ? Vertx.vertx(options) : stopper.tracing.vertx(options);
    if (stopper.tracing != null) {
      LOG.info("tracing on: OTLP to {}, sampling {} of new traces", effective.tracing().otlpEndpoint(),
          effective.tracing().sampleRatio());
    }
    stopper.gateway = Gateway.start(stopper.vertx, effective, Clock.systemUTC()).await();
    if (stopper.embedded != null) {
      EmbeddedDefault.banner(effective, stopper.embedded);
    }
  }

  /**
   * The shutdown hook: stops what start-up got as far as starting, newest first (gateway with its drain,
   * Vert.x, the span exporter, the embedded Postgres). Fields are set by the main thread as start-up proceeds.
   */
  private static final class Stopper implements Runnable {
    private final long graceMillis;
    private final long drainMillis;
    volatile EmbeddedPostgresServer embedded;
    volatile Tracing tracing;
    volatile Vertx vertx;
    volatile Gateway gateway;

    Stopper(long graceMillis, long drainMillis) {
      this.graceMillis = graceMillis;
      this.drainMillis = drainMillis;
    }

    @Override
    public void run() {
      if (gateway != null) {
        LOG.info("shutting down: readiness DRAINING for {} ms while serving, then in-flight requests finish "
            + "within {} ms", drainMillis, graceMillis);
        gateway.stop().await();
      }
      if (vertx != null) {
        vertx.close().await();
      }
      if (tracing != null) {
        tracing.close();
      }
      if (embedded != null) {
        embedded.close();
      }
      LOG.info("stopped");
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
