package com.creditgate.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.gateway.support.Accounts;
import com.creditgate.gateway.support.Scrape;
import com.creditgate.gateway.support.TestGateway;
import com.creditgate.gateway.support.TestServices;
import com.creditgate.gateway.support.TestVertx;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Shedding past the in-flight bound, deterministically: one verticle admitting one request, and a request
 * held in flight by a body that has not finished arriving.
 */
class OverloadIntegrationTests {
  private static TestVertx testVertx;
  private static TestGateway gateway;

  @BeforeAll
  static void startGateway() {
    testVertx = TestVertx.create();
    Vertx vertx = testVertx.vertx();
    Map<String, String> settings = TestGateway.freshSettings(vertx);
    settings.put("VERTICLE_INSTANCES", "1");
    settings.put("INFLIGHT_MAX_PER_VERTICLE", "1");
    gateway = TestGateway.start(vertx, settings, Clock.systemUTC());
  }

  @AfterAll
  static void stopGateway() {
    gateway.close();
    testVertx.close();
    testVertx.assertNeverBlocked();
  }

  @Test
  void requestPastTheInflightBoundIsShedWith503AndRetryAfter() throws InterruptedException {
    gateway.put("/v1/accounts/ov-1", Accounts.goodProfile());
    HttpClient http = testVertx.vertx().createHttpClient();
    HttpClientRequest held = TestServices.await(http.request(new RequestOptions().setMethod(HttpMethod.POST)
        .setHost("127.0.0.1").setPort(Integer.parseInt(gateway.settings().get("HTTP_PORT")))
        .setURI("/v1/limit-checks").putHeader("Authorization", "Bearer " + TestGateway.API_KEY)
        .putHeader("Content-Type", "application/json")));
    held.setChunked(true);
    TestServices.await(held.write("{\"accountId\":\"ov-1\","));
    awaitInflight(1);

    HttpResponse<Buffer> shed = gateway.post("/v1/limit-checks", Accounts.check("ov-1", 100));
    assertThat(shed.statusCode()).isEqualTo(503);
    assertThat(shed.getHeader("Retry-After")).isEqualTo("1");
    assertThat(shed.getHeader("Content-Type")).isEqualTo("application/problem+json");
    assertThat(shed.bodyAsJsonObject().getString("code")).isEqualTo("overloaded");

    TestServices.await(held.end("\"amount\":100}"));
    HttpClientResponse admitted = TestServices.await(held.response());
    assertThat(admitted.statusCode()).isEqualTo(200);
    awaitInflight(0);
    assertThat(gateway.post("/v1/limit-checks", Accounts.check("ov-1", 100)).statusCode()).isEqualTo(200);
    assertThat(Scrape.of(gateway).value("creditgate_http_shed_total", Map.of())).isEqualTo(1);
    TestServices.await(http.close());
  }

  @Test
  void probesAndMetricsAreNeverShed() {
    assertThat(TestServices.await(gateway.client().get("/health/live").send()).statusCode()).isEqualTo(200);
    assertThat(TestServices.await(gateway.client().get("/metrics").send()).statusCode()).isEqualTo(200);
  }

  /** Waits (bounded) until the gauge shows {@code expected} requests in flight. */
  private static void awaitInflight(int expected) throws InterruptedException {
    for (int attempt = 0; attempt < 500; attempt++) {
      if (Scrape.of(gateway).value("creditgate_http_inflight_requests", Map.of()) == expected) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("in-flight gauge never reached " + expected);
  }
}
