package com.creditgate.gateway.store.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.gateway.support.Accounts;
import com.creditgate.gateway.support.Scrape;
import com.creditgate.gateway.support.TcpProxy;
import com.creditgate.gateway.support.TestGateway;
import com.creditgate.gateway.support.TestServices;
import com.creditgate.gateway.support.TestVertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Redis slow but healthy: its replies come long after the answer deadline, yet well within the breaker's call
 * timeout. The answer does not wait for them, but a late reply is a success of Redis (its breaker stays closed,
 * nothing is marked degraded because of it) and still fills L1. Postgres is frozen meanwhile, so the only way an
 * account can reach L1 is Redis's late reply. Both services sit behind a {@link TcpProxy}.
 */
class SlowRedisIntegrationTests {
  private static final long DEADLINE_MILLIS = 100;
  private static final long REDIS_DELAY_MILLIS = 600;
  private static TestVertx testVertx;
  private static TcpProxy redisProxy;
  private static TcpProxy pgProxy;
  private static TestGateway gateway;

  @BeforeAll
  static void startGateway() {
    testVertx = TestVertx.create();
    Map<String, String> settings = TestGateway.freshSettings(testVertx.vertx());
    redisProxy = TcpProxy.toUrl(settings.get("REDIS_URL"));
    pgProxy = TcpProxy.toUrl(settings.get("PG_URL"));
    settings.put("REDIS_URL", redisProxy.rewrite(settings.get("REDIS_URL")));
    settings.put("PG_URL", pgProxy.rewrite(settings.get("PG_URL")));
    settings.put("VERTICLE_INSTANCES", "1");
    settings.put("REQUEST_DEADLINE_MILLIS", Long.toString(DEADLINE_MILLIS));
    settings.put("BREAKER_MAX_FAILURES", "1");
    settings.put("BREAKER_CALL_TIMEOUT_MILLIS", "30000");
    gateway = TestGateway.start(testVertx.vertx(), settings, Clock.systemUTC());
  }

  @AfterAll
  static void stopGateway() {
    redisProxy.delayReplies(0);
    pgProxy.thaw();
    gateway.close();
    redisProxy.close();
    pgProxy.close();
    testVertx.close();
    testVertx.assertNeverBlocked();
  }

  @Test
  void lateRedisReplyStillFillsL1AndKeepsTheBreakerClosed() throws InterruptedException {
    gateway.put("/v1/accounts/slow-1", Accounts.goodProfile());
    gateway.gateway().services().l1().invalidateAll();
    redisProxy.delayReplies(REDIS_DELAY_MILLIS);
    pgProxy.freeze();

    JsonObject first = check();
    assertThat(first.getString("decision")).as("no level answered within the deadline").isEqualTo("DECLINE");
    assertThat(first.getJsonArray("reasons").getJsonObject(0).getString("code")).isEqualTo("D206");

    JsonObject answer = first;
    for (int attempt = 0; attempt < 200 && !answer.getString("decision").equals("APPROVE"); attempt++) {
      Thread.sleep(50);
      answer = check();
    }
    assertThat(answer.getString("decision")).as("answered from L1, filled by Redis's late reply")
        .isEqualTo("APPROVE");
    assertThat(answer.getBoolean("degraded")).isFalse();
    Scrape scrape = Scrape.of(gateway);
    assertThat(scrape.lookups("redis", "late")).isPositive();
    assertThat(scrape.lookups("redis", "error")).isZero();
    assertThat(scrape.lookups("redis", "skipped")).isZero();
    assertThat(scrape.value("creditgate_dependency_breaker_open", Map.of("dependency", "redis"))).isZero();
  }

  private static JsonObject check() {
    var answer = gateway.post("/v1/limit-checks", Accounts.check("slow-1", 100));
    assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(200);
    return answer.bodyAsJsonObject();
  }
}
