package com.creditgate.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.gateway.Main;
import com.creditgate.gateway.support.TestGateway;
import com.creditgate.gateway.support.TestServices;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM during load: the real launcher ({@link Main}) in its own JVM on real Postgres and Redis. The proof is
 * server-side: every limit-check the gateway decided is in the audit log (flushed on stop), so comparing it
 * with the answers the client received shows that no request the gateway took in was lost in flight.
 * Connections it refused or closed unread once the drain began are not failures: nothing was decided on them.
 * Keep-alive clients are drained without a single failed request: readiness is DRAINING while answers still
 * flow, each carrying {@code Connection: close}, before the server stops accepting.
 */
class GracefulShutdownIntegrationTests {
  private static final int LOOPS = 16;
  private static final int KEEP_ALIVE_CLIENTS = 32;
  private static final JsonObject PROFILE = new JsonObject().put("region", "310000").put("occupation", "ENGINEER")
      .put("monthlyIncome", 2_000_000).put("creditScore", 760).put("segment", "MASS")
      .put("accountOpenedAt", "2022-01-15T00:00:00Z");

  /**
   * Not a drain, but the other end of the process's life: a start that cannot listen (the port is taken) must
   * end the process with exit 1, so the orchestrator restarts it. It used to leave the JVM running without a
   * listener (the bind failure escaped the start's catch as an undeclared checked exception).
   */
  @Test
  void aStartThatCannotListenExitsWith1InsteadOfLingeringWithoutAListener() throws Exception {
    Vertx vertx = Vertx.vertx();
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 50,
        java.net.InetAddress.getByName("127.0.0.1"))) {
      Map<String, String> env = TestGateway.freshSettings(vertx);
      env.put("HTTP_PORT", Integer.toString(taken.getLocalPort()));
      env.put("HTTP_HOST", "127.0.0.1");
      Process process = launch(env, "target/port-taken-gateway.log");
      try {
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the process ended").isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
      } finally {
        process.destroyForcibly();
      }
    } finally {
      TestServices.await(vertx.close());
    }
  }

  @Test
  void sigtermUnderLoadFailsNoInFlightRequest() throws Exception {
    Vertx vertx = Vertx.vertx();
    Map<String, String> env = TestGateway.freshSettings(vertx);
    int port = TestServices.freePort();
    env.put("HTTP_PORT", Integer.toString(port));
    env.put("HTTP_HOST", "127.0.0.1");
    env.put("SHUTDOWN_GRACE_MILLIS", "10000");
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        Main.class.getName()).redirectErrorStream(true)
        .redirectOutput(new File("target/graceful-shutdown-gateway.log"));
    builder.environment().putAll(env);
    Process process = builder.start();
    WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port)
        .setKeepAlive(false), new PoolOptions().setHttp1MaxSize(LOOPS));
    try {
      awaitReady(vertx, client);
      JsonObject profile = new JsonObject().put("region", "310000").put("occupation", "ENGINEER")
          .put("monthlyIncome", 2_000_000).put("creditScore", 760).put("segment", "MASS")
          .put("accountOpenedAt", "2022-01-15T00:00:00Z");
      assertThat(TestServices.await(client.put("/v1/accounts/drain-1").putHeader("Authorization", "Bearer "
          + TestGateway.API_KEY).sendJsonObject(profile)).statusCode()).isEqualTo(201);

      AtomicBoolean stopping = new AtomicBoolean();
      AtomicLong answered = new AtomicLong();
      ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
      ConcurrentLinkedQueue<String> notTakenIn = new ConcurrentLinkedQueue<>();
      List<Future<Void>> loops = new ArrayList<>();
      for (int i = 0; i < LOOPS; i++) {
        Promise<Void> done = Promise.promise();
        loops.add(done.future());
        vertx.runOnContext(v -> loop(client, stopping, answered, failures, notTakenIn, done));
      }
      while (answered.get() < 500) {
        Thread.sleep(10);
      }
      long answeredAtSigterm = answered.get();
      process.destroy();
      stopping.set(true);
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the gateway exits within its grace period").isTrue();
      TestServices.await(Future.join(loops));
      assertThat(failures).as("requests answered with an error status, or failing before the drain").isEmpty();
      assertThat(answered.get()).isGreaterThanOrEqualTo(answeredAtSigterm);
      TestGateway.Sql sql = new TestGateway.Sql(vertx, env.get("PG_URL"));
      long decided = sql.query("SELECT count(*) AS n FROM decision_audit").iterator().next().getLong("n");
      assertThat(decided).as("decisions made = decisions answered (not taken in: %s)", notTakenIn.size())
          .isEqualTo(answered.get());
    } finally {
      process.destroyForcibly();
      client.close();
      TestServices.await(vertx.close());
    }
  }

  @Test
  void sigtermDrainsKeepAliveClientsWithoutDroppingARequest() throws Exception {
    Vertx vertx = Vertx.vertx();
    Map<String, String> env = TestGateway.freshSettings(vertx);
    int port = TestServices.freePort();
    env.put("HTTP_PORT", Integer.toString(port));
    env.put("HTTP_HOST", "127.0.0.1");
    env.put("SHUTDOWN_DRAIN_DELAY_MILLIS", "3000");
    env.put("SHUTDOWN_GRACE_MILLIS", "10000");
    Process process = launch(env, "target/graceful-drain-gateway.log");
    WebClient keepAlive = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(port).setKeepAlive(true), new PoolOptions().setHttp1MaxSize(KEEP_ALIVE_CLIENTS));
    WebClient fresh = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port)
        .setKeepAlive(false));
    try {
      awaitReady(vertx, fresh);
      assertThat(TestServices.await(fresh.put("/v1/accounts/drain-ka").putHeader("Authorization", "Bearer "
          + TestGateway.API_KEY).sendJsonObject(PROFILE)).statusCode()).isEqualTo(201);
      AtomicLong answered = new AtomicLong();
      ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
      List<Future<Void>> clients = new ArrayList<>();
      for (int i = 0; i < KEEP_ALIVE_CLIENTS; i++) {
        Promise<Void> done = Promise.promise();
        clients.add(done.future());
        vertx.runOnContext(v -> keepAliveLoop(keepAlive, answered, failures, done));
      }
      while (answered.get() < 500) {
        Thread.sleep(10);
      }
      process.destroy();
      HttpResponse<Buffer> draining = awaitDraining(fresh);
      assertThat(draining.bodyAsJsonObject().getString("status")).isEqualTo("DRAINING");
      HttpResponse<Buffer> servedWhileDraining = TestServices.await(fresh.post("/v1/limit-checks")
          .putHeader("Authorization", "Bearer " + TestGateway.API_KEY)
          .sendJsonObject(new JsonObject().put("accountId", "drain-ka").put("amount", 100)));
      assertThat(servedWhileDraining.statusCode()).as("still serving while draining").isEqualTo(200);
      assertThat(servedWhileDraining.getHeader("Connection")).isEqualToIgnoringCase("close");
      TestServices.await(Future.join(clients));
      assertThat(failures).as("keep-alive requests dropped or refused while draining").isEmpty();
      System.out.printf("FAULT-FIGURE drain: %d keep-alive clients, %d limit-checks answered, 0 failed, "
          + "each client left on Connection: close%n", KEEP_ALIVE_CLIENTS, answered.get());
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the gateway exits after draining").isTrue();
    } finally {
      process.destroyForcibly();
      keepAlive.close();
      fresh.close();
      TestServices.await(vertx.close());
    }
  }

  /**
   * One keep-alive client: limit-checks back to back on pooled connections until an answer says
   * {@code Connection: close} (the drain asks it to leave). Any other status or a transport error is a failure.
   */
  private static void keepAliveLoop(WebClient client, AtomicLong answered, ConcurrentLinkedQueue<String> failures,
      Promise<Void> done) {
    client.post("/v1/limit-checks").putHeader("Authorization", "Bearer " + TestGateway.API_KEY)
        .sendJsonObject(new JsonObject().put("accountId", "drain-ka").put("amount", 100))
        .onComplete(result -> {
          if (result.failed()) {
            failures.add(result.cause().toString());
            done.complete();
          } else if (result.result().statusCode() != 200) {
            failures.add("status " + result.result().statusCode() + ": " + result.result().bodyAsString());
            done.complete();
          } else if ("close".equalsIgnoreCase(result.result().getHeader("Connection"))) {
            done.complete();
          } else {
            answered.incrementAndGet();
            keepAliveLoop(client, answered, failures, done);
          }
        });
  }

  private static HttpResponse<Buffer> awaitDraining(WebClient client) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      HttpResponse<Buffer> ready = TestServices.await(client.get("/health/ready").send());
      if (ready.statusCode() == 503) {
        return ready;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("readiness never went DRAINING after SIGTERM");
  }

  private static Process launch(Map<String, String> env, String log) throws java.io.IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        Main.class.getName()).redirectErrorStream(true).redirectOutput(new File(log));
    builder.environment().putAll(env);
    return builder.start();
  }

  /**
   * Sends limit-checks one after another until the gateway stops taking them in. An error status is a failure;
   * a transport error before SIGTERM is a failure; after it, the audit comparison decides.
   */
  private static void loop(WebClient client, AtomicBoolean stopping, AtomicLong answered,
      ConcurrentLinkedQueue<String> failures, ConcurrentLinkedQueue<String> notTakenIn, Promise<Void> done) {
    client.post("/v1/limit-checks").putHeader("Authorization", "Bearer " + TestGateway.API_KEY)
        .sendJsonObject(new JsonObject().put("accountId", "drain-1").put("amount", 100))
        .onComplete(result -> {
          if (result.succeeded()) {
            HttpResponse<Buffer> response = result.result();
            if (response.statusCode() != 200) {
              failures.add("status " + response.statusCode() + ": " + response.bodyAsString());
            }
            answered.incrementAndGet();
            loop(client, stopping, answered, failures, notTakenIn, done);
          } else if (stopping.get()) {
            notTakenIn.add(result.cause().toString());
            done.complete();
          } else {
            failures.add(result.cause().toString());
            done.complete();
          }
        });
  }

  private static void awaitReady(Vertx vertx, WebClient client) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      try {
        if (TestServices.await(client.get("/health/ready").send()).statusCode() == 200) {
          return;
        }
      } catch (IllegalStateException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError("gateway did not become ready; see target/graceful-shutdown-gateway.log");
  }
}
