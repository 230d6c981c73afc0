package com.creditgate.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.gateway.support.Scrape;
import com.creditgate.gateway.support.TestGateway;
import com.creditgate.gateway.support.TestServices;
import com.creditgate.gateway.support.TestVertx;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The per-client token bucket over real HTTP: one token a second, a burst of three. */
class RateLimitIntegrationTests {
  private static final int BURST = 3;
  private static TestVertx testVertx;
  private static TestGateway gateway;

  @BeforeAll
  static void startGateway() {
    testVertx = TestVertx.create();
    Vertx vertx = testVertx.vertx();
    Map<String, String> settings = TestGateway.freshSettings(vertx);
    settings.put("RATE_LIMIT_PER_SECOND", "1");
    settings.put("RATE_LIMIT_BURST", Integer.toString(BURST));
    gateway = TestGateway.start(vertx, settings, Clock.systemUTC());
  }

  @AfterAll
  static void stopGateway() {
    gateway.close();
    testVertx.close();
    testVertx.assertNeverBlocked();
  }

  @Test
  void clientPastItsRateIsRefusedWith429AndRetryAfter() {
    List<Future<HttpResponse<Buffer>>> answers = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      answers.add(gateway.request(HttpMethod.GET, "/v1/accounts/rl-nobody/credit").send());
    }
    TestServices.await(Future.join(answers));
    List<HttpResponse<Buffer>> limited = answers.stream().map(Future::result)
        .filter(answer -> answer.statusCode() == 429).toList();
    assertThat(limited).isNotEmpty();
    assertThat(answers.stream().map(Future::result).filter(answer -> answer.statusCode() == 404)).isNotEmpty();
    HttpResponse<Buffer> first = limited.get(0);
    assertThat(Long.parseLong(first.getHeader("Retry-After"))).isBetween(1L, 60L);
    assertThat(first.bodyAsJsonObject().getString("code")).isEqualTo("rate-limited");
    assertThat(Scrape.of(gateway).value("creditgate_http_rate_limited_total", Map.of()))
        .isEqualTo(limited.size());
  }

  @Test
  void healthAndMetricsAreNotRateLimited() {
    for (int i = 0; i < BURST + 3; i++) {
      assertThat(TestServices.await(gateway.client().get("/health/live").send()).statusCode()).isEqualTo(200);
    }
  }
}
