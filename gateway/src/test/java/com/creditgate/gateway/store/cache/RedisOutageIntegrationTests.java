package com.creditgate.gateway.store.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.gateway.support.Accounts;
import com.creditgate.gateway.support.RedisProcess;
import com.creditgate.gateway.support.Scrape;
import com.creditgate.gateway.support.TestGateway;
import com.creditgate.gateway.support.TestServices;
import com.creditgate.gateway.support.TestVertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Redis killed under requests: decisions keep flowing from Postgres, marked {@code degraded}, never a 5xx;
 * the breaker opens, and readiness stays 200 (the replica can serve) while listing Redis as degraded. A
 * dedicated redis-server is started and killed.
 */
class RedisOutageIntegrationTests {
  private static final int ACCOUNTS = 5;
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
    settings.put("BREAKER_MAX_FAILURES", "3");
    settings.put("BREAKER_RESET_MILLIS", "600000");
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
  void decisionsKeepFlowingDegradedWhenRedisDies() {
    for (int i = 0; i < ACCOUNTS; i++) {
      gateway.put("/v1/accounts/ro-" + i, Accounts.goodProfile());
    }
    JsonObject healthy = gateway.post("/v1/limit-checks", Accounts.check("ro-0", 100)).bodyAsJsonObject();
    assertThat(healthy.getBoolean("degraded")).isFalse();

    redis.kill();
    for (int round = 0; round < 6; round++) {
      for (int i = 0; i < ACCOUNTS; i++) {
        HttpResponse<Buffer> answer = gateway.post("/v1/limit-checks", Accounts.check("ro-" + i, 100));
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonObject body = answer.bodyAsJsonObject();
        assertThat(body.getString("decision")).isEqualTo("APPROVE");
        assertThat(body.getBoolean("degraded")).isTrue();
      }
    }

    Scrape scrape = Scrape.of(gateway);
    assertThat(scrape.lookups("redis", "error")).isPositive();
    assertThat(scrape.lookups("redis", "skipped")).isPositive();
    assertThat(scrape.value("creditgate_dependency_breaker_open", Map.of("dependency", "redis"))).isEqualTo(1);
    assertThat(scrape.value("creditgate_dependency_up", Map.of("dependency", "redis"))).isZero();
    assertThat(scrape.value("creditgate_limit_checks_degraded_total", Map.of())).isEqualTo(6 * ACCOUNTS);

    HttpResponse<Buffer> ready = TestServices.await(gateway.client().get("/health/ready").send());
    assertThat(ready.statusCode()).as("ready: it serves, degraded").isEqualTo(200);
    assertThat(ready.bodyAsJsonObject().getString("status")).isEqualTo("DEGRADED");
    assertThat(ready.bodyAsJsonObject().getJsonArray("degraded").getList()).containsExactly("redis");
    assertThat(ready.bodyAsJsonObject().getJsonObject("checks").getString("redis")).isEqualTo("DOWN");
    assertThat(ready.bodyAsJsonObject().getJsonObject("breakers").getString("redis")).isEqualTo("OPEN");
    assertThat(gateway.get("/v1/accounts/ro-1/credit").statusCode()).isEqualTo(200);
  }
}
