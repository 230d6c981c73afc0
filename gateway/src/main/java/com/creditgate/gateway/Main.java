package com.creditgate.gateway;

import com.creditgate.gateway.config.ConfigLoader;
import com.creditgate.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts CreditGate from environment variables; see the README for every key. */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) {
    GatewayConfig config = ConfigLoader.load(System.getenv());
    Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
    Gateway.start(vertx, config, Clock.systemUTC())
        .onSuccess(gateway -> Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          gateway.stop().eventually(vertx::close).await();
        }, "shutdown")))
        .onFailure(e -> {
          LOG.error("CreditGate failed to start", e);
          vertx.close();
          System.exit(1);
        });
  }
}
