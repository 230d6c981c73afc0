package com.creditgate.loadtest.baseline;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

/**
 * Starts {@link BaselineVerticle} with one instance per event loop, as the gateway deploys its API
 * verticles. Usage: {@code BaselineServer [port]} (default 8090); stops on SIGTERM.
 */
public final class BaselineServer {
  private BaselineServer() {}

  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8090;
    int instances = Integer.getInteger("instances", Runtime.getRuntime().availableProcessors());
    Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
    vertx.deployVerticle(() -> new BaselineVerticle(port), new DeploymentOptions().setInstances(instances))
        .onSuccess(id -> System.out.printf("baseline listening on %d with %d verticles%n", port, instances))
        .onFailure(e -> {
          e.printStackTrace();
          vertx.close();
          System.exit(1);
        });
  }
}
