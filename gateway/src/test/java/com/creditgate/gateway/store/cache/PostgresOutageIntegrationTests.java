package com.creditgate.gateway.store.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.gateway.support.Accounts;
import com.creditgate.gateway.support.TestGateway;
import com.creditgate.gateway.support.TestServices;
import com.creditgate.gateway.support.TestVertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.sqlclient.Pool;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Postgres gone (its database dropped under the gateway): an account still in L1 is decided normally; one that
 * no level can produce gets a conservative DECLINE D206, {@code degraded}, with status 200, never a 5xx.
 */
class PostgresOutageIntegrationTests {
  private static TestVertx testVertx;
  private TestGateway gateway;

  @BeforeAll
  static void startVertx() {
    testVertx = TestVertx.create();
  }

  @AfterAll
  static void stopVertx() {
    testVertx.close();
    testVertx.assertNeverBlocked();
  }

  /** A gateway on its own database, since each test drops it. */
  @BeforeEach
  void startGateway() {
    Map<String, String> settings = TestGateway.freshSettings(testVertx.vertx());
    settings.put("REQUEST_DEADLINE_MILLIS", "500");
    gateway = TestGateway.start(testVertx.vertx(), settings, Clock.systemUTC());
  }

  @AfterEach
  void stopGateway() {
    gateway.close();
  }

  @Test
  void limitCheckWithNoLevelAnsweringIsAConservativeDegradedDecline() {
    gateway.put("/v1/accounts/po-cached", Accounts.goodProfile());
    gateway.put("/v1/accounts/po-cold", Accounts.goodProfile());
    evictFromRedis("po-cold");
    gateway.gateway().services().l1().invalidateAll();
    assertThat(gateway.post("/v1/limit-checks", Accounts.check("po-cached", 100)).statusCode()).isEqualTo(200);

    dropDatabase();

    JsonObject cached = gateway.post("/v1/limit-checks", Accounts.check("po-cached", 100)).bodyAsJsonObject();
    assertThat(cached.getString("decision")).isEqualTo("APPROVE");
    HttpResponse<Buffer> cold = gateway.post("/v1/limit-checks", Accounts.check("po-cold", 100));
    assertThat(cold.statusCode()).isEqualTo(200);
    JsonObject body = cold.bodyAsJsonObject();
    assertThat(body.getString("decision")).isEqualTo("DECLINE");
    assertThat(body.getBoolean("degraded")).isTrue();
    assertThat(body.getLong("available")).isZero();
    assertThat(body.getJsonArray("reasons").getJsonObject(0).getString("code")).isEqualTo("D206");
    assertThat(body.getString("decisionId")).hasSize(36);
  }

  @Test
  void creditReadWithNoLevelAnsweringIs503WithRetryAfter() {
    gateway.put("/v1/accounts/po-credit", Accounts.goodProfile());
    evictFromRedis("po-credit");
    gateway.gateway().services().l1().invalidateAll();
    dropDatabase();
    HttpResponse<Buffer> answer = gateway.get("/v1/accounts/po-credit/credit");
    assertThat(answer.statusCode()).isEqualTo(503);
    assertThat(answer.getHeader("Retry-After")).isEqualTo("1");
    assertThat(answer.bodyAsJsonObject().getString("code")).isEqualTo("dependency-unavailable");
  }

  @Test
  void moneyWritesFailFastWith503WhenPostgresIsGone() {
    gateway.put("/v1/accounts/po-money", Accounts.goodProfile());
    dropDatabase();
    HttpResponse<Buffer> hold = gateway.post("/v1/holds", new JsonObject().put("accountId", "po-money")
        .put("amount", 100));
    HttpResponse<Buffer> event = gateway.post("/v1/accounts/po-money/events", new JsonObject().put("eventId", "e1")
        .put("type", "REPAYMENT").put("amount", 100).put("occurredAt", "2026-11-22T09:00:00Z"));
    for (HttpResponse<Buffer> answer : java.util.List.of(hold, event)) {
      assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(503);
      assertThat(answer.getHeader("Retry-After")).isEqualTo("1");
      assertThat(answer.bodyAsJsonObject().getString("code")).isEqualTo("dependency-unavailable");
    }
  }

  @Test
  void readinessStaysUpDegradedWhileTheCacheCanServeAndGoesDownWhenNothingCan() {
    gateway.put("/v1/accounts/po-ready", Accounts.goodProfile());
    dropDatabase();
    HttpResponse<Buffer> warm = TestServices.await(gateway.client().get("/health/ready").send());
    assertThat(warm.statusCode()).as(warm.bodyAsString()).isEqualTo(200);
    assertThat(warm.bodyAsJsonObject().getString("status")).isEqualTo("DEGRADED");
    assertThat(warm.bodyAsJsonObject().getJsonArray("degraded").getList()).containsExactly("postgres");

    gateway.gateway().services().l1().invalidateAll();
    HttpResponse<Buffer> cold = TestServices.await(gateway.client().get("/health/ready").send());
    assertThat(cold.statusCode()).as(cold.bodyAsString()).isEqualTo(503);
    assertThat(cold.bodyAsJsonObject().getString("status")).isEqualTo("DOWN");
  }

  private void evictFromRedis(String accountId) {
    Redis redis = Redis.createClient(testVertx.vertx(), TestServices.redisUrl());
    TestServices.await(redis.send(Request.cmd(Command.DEL)
        .arg(gateway.settings().get("REDIS_KEY_PREFIX") + "acct:" + accountId)).eventually(redis::close));
  }

  /** Drops the gateway's database, closing its connections: Postgres is gone for this gateway. */
  private void dropDatabase() {
    URI db = URI.create(gateway.settings().get("PG_URL"));
    String name = db.getPath().substring(1);
    String admin = db.getScheme() + "://" + db.getRawAuthority() + "/postgres";
    Pool pool = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(admin)).using(testVertx.vertx()).build();
    TestServices.await(pool.query("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)").execute()
        .eventually(pool::close));
  }
}
