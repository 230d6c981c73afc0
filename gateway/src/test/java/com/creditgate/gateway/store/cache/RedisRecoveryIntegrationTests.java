package com.creditgate.gateway.store.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.gateway.support.Accounts;
import com.creditgate.gateway.support.RedisProcess;
import com.creditgate.gateway.support.Scrape;
import com.creditgate.gateway.support.TestGateway;
import com.creditgate.gateway.support.TestVertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Redis back after an outage: the open breaker lets a half-open probe through after its reset period, the
 * probe succeeds, the breaker closes and answers are no longer degraded.
 */
class RedisRecoveryIntegrationTests {
  private static TestVertx testVertx;
  private static RedisProcess redis;
  private static TestGateway gateway;

  @BeforeAll
  static void startGateway() {
    testVertx = TestVertx.create();
    redis = RedisProcess.start();
    Map<String, String> settings = TestGateway.freshSettings(testVertx.vertx());
    settings.put("REDIS_URL", redis.url());
    settings.put("VERTICLE_INSTANCES", "1");
    settings.put("L1_TTL_MILLIS", "1");
    settings.put("BREAKER_MAX_FAILURES", "2");
    settings.put("BREAKER_RESET_MILLIS", "200");
    settings.put("REQUEST_DEADLINE_MILLIS", "500");
    gateway = TestGateway.start(testVertx.vertx(), settings, Clock.systemUTC());
  }

  @AfterAll
  static void stopGateway() {
    gateway.close();
    redis.close();
    testVertx.close();
    testVertx.assertNeverBlocked();
  }

  @Test
  void breakerClosesAgainWhenRedisComesBack() throws InterruptedException {
    gateway.put("/v1/accounts/rr-1", Accounts.goodProfile());
    redis.kill();
    JsonObject answer = check();
    boolean opened = false;
    for (int attempt = 0; attempt < 50 && !opened; attempt++) {
      answer = check();
      opened = Scrape.of(gateway).value("creditgate_dependency_breaker_open", Map.of("dependency", "redis")) == 1;
    }
    assertThat(opened).isTrue();
    assertThat(answer.getBoolean("degraded")).isTrue();

    redis.restart();
    for (int attempt = 0; attempt < 300 && answer.getBoolean("degraded"); attempt++) {
      Thread.sleep(20);
      answer = check();
    }
    assertThat(answer.getBoolean("degraded")).isFalse();
    assertThat(answer.getString("decision")).isEqualTo("APPROVE");
    Scrape scrape = Scrape.of(gateway);
    assertThat(scrape.value("creditgate_dependency_breaker_open", Map.of("dependency", "redis"))).isZero();
    assertThat(scrape.value("creditgate_dependency_up", Map.of("dependency", "redis"))).isEqualTo(1);
  }

  private static JsonObject check() {
    JsonObject answer = gateway.post("/v1/limit-checks", Accounts.check("rr-1", 100)).bodyAsJsonObject();
    assertThat(answer.getString("decision")).isEqualTo("APPROVE");
    return answer;
  }
}
