package com.creditgate.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.gateway.Gateway;
import com.creditgate.gateway.config.ConfigLoader;
import com.creditgate.gateway.support.TcpProxy;
import com.creditgate.gateway.support.TestGateway;
import com.creditgate.gateway.support.TestServices;
import com.creditgate.gateway.support.TestVertx;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Starting while Postgres accepts TCP but never answers (a {@link TcpProxy} frozen in front of the shared
 * server): the gateway retries with backoff and becomes ready once Postgres answers, or gives up after
 * STARTUP_MAX_MILLIS so the process exits non-zero; it never hangs.
 */
class StartupIntegrationTests {
  private TestVertx testVertx;
  private TcpProxy proxy;
  private Map<String, String> env;

  @BeforeEach
  void frozenPostgres() {
    testVertx = TestVertx.create();
    env = TestGateway.freshSettings(testVertx.vertx());
    proxy = TcpProxy.toUrl(env.get("PG_URL"));
    env.put("PG_URL", proxy.rewrite(env.get("PG_URL")));
    env.put("HTTP_HOST", "127.0.0.1");
    env.put("HTTP_PORT", Integer.toString(TestServices.freePort()));
    env.put("STARTUP_ATTEMPT_TIMEOUT_MILLIS", "300");
    env.put("STARTUP_BACKOFF_MAX_MILLIS", "300");
    proxy.freeze();
  }

  @AfterEach
  void close() {
    proxy.close();
    testVertx.close();
    testVertx.assertNeverBlocked();
  }

  @Test
  void startRetriesUntilPostgresAnswersThenBecomesReady() throws InterruptedException {
    env.put("STARTUP_MAX_MILLIS", "60000");
    Future<Gateway> started = Gateway.start(testVertx.vertx(), ConfigLoader.load(env), Clock.systemUTC());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (proxy.accepted() < 3 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(proxy.accepted()).as("connection attempts while Postgres is silent").isGreaterThanOrEqualTo(3);
    assertThat(started.isComplete()).isFalse();

    long attempts = proxy.accepted();
    long thawNanos = System.nanoTime();
    proxy.thaw();
    Gateway gateway = TestServices.await(started);
    System.out.printf("FAULT-FIGURE startup: %d connection attempts while Postgres was silent; started %d ms after "
        + "it answered%n", attempts, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - thawNanos));
    WebClient client = WebClient.create(testVertx.vertx(), new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(Integer.parseInt(env.get("HTTP_PORT"))));
    try {
      HttpResponse<Buffer> ready = TestServices.await(client.get("/health/ready").send());
      assertThat(ready.statusCode()).as(ready.bodyAsString()).isEqualTo(200);
    } finally {
      client.close();
      TestServices.await(gateway.stop());
    }
  }

  @Test
  void startGivesUpAfterStartupMaxMillis() {
    env.put("STARTUP_MAX_MILLIS", "1500");
    long startNanos = System.nanoTime();
    Future<Gateway> started = Gateway.start(testVertx.vertx(), ConfigLoader.load(env), Clock.systemUTC());
    Throwable failure = null;
    try {
      TestServices.await(started);
    } catch (IllegalStateException e) {
      failure = e;
    }
    assertThat(failure).as("the start failed instead of hanging").isNotNull();
    assertThat(started.cause()).hasMessageContaining("STARTUP_MAX_MILLIS");
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos)).isLessThan(1_500 + 300 + 3_000);
  }
}
