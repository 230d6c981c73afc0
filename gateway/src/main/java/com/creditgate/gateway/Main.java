package com.creditgate.gateway;

import com.creditgate.gateway.config.ConfigLoader;
import com.creditgate.gateway.config.GatewayConfig;
import com.creditgate.gateway.reviews.BatchReviewCommand;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts CreditGate from environment variables (see the README for every key). With the argument
 * {@code batch-review [runKey]} it runs one batch limit review instead and exits (the CronJob's command).
 */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) {
    GatewayConfig config = ConfigLoader.load(System.getenv());
    Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
    if (args.length > 0 && "batch-review".equals(args[0])) {
      batchReview(vertx, config, args.length > 1 ? args[1] : null);
      return;
    }
    Gateway.start(vertx, config, Clock.systemUTC())
        .onSuccess(gateway -> Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          LOG.info("shutting down: readiness DRAINING for {} ms while serving, then in-flight requests finish "
              + "within {} ms", config.faults().drainDelayMillis(), config.shutdownGraceMillis());
          gateway.stop().eventually(vertx::close).await();
          LOG.info("stopped");
        }, "shutdown")))
        .onFailure(e -> {
          LOG.error("CreditGate failed to start", e);
          vertx.close();
          System.exit(1);
        });
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
