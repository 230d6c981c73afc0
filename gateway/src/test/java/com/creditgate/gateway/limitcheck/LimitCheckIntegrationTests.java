package com.creditgate.gateway.limitcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.gateway.support.TestGateway;
import com.creditgate.gateway.support.TestServices;
import com.creditgate.gateway.support.TestVertx;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One limit-check end to end over real HTTP, real Postgres and real Redis. */
class LimitCheckIntegrationTests {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
  private static Vertx vertx;
  private static TestGateway gateway;

  @BeforeAll
  static void startGateway() {
    vertx = TestVertx.loopLimited();
    gateway = TestGateway.start(vertx, TestGateway.freshSettings(vertx), CLOCK);
  }

  @AfterAll
  static void stopGateway() {
    gateway.close();
    TestServices.await(vertx.close());
  }

  static JsonObject goodProfile() {
    return new JsonObject().put("region", "310000").put("occupation", "ENGINEER").put("monthlyIncome", 2_000_000)
        .put("creditScore", 760).put("segment", "MASS").put("assets", 5_000_000)
        .put("accountOpenedAt", "2022-01-15T00:00:00Z");
  }

  @Test
  void createdAccountIsStoredInPostgresAndCachedInRedis() {
    HttpResponse<Buffer> created = gateway.put("/v1/accounts/it-pg-redis", goodProfile());
    assertThat(created.statusCode()).isEqualTo(201);
    long limit = created.bodyAsJsonObject().getLong("creditLimit");
    assertThat(limit).isPositive();

    Pool pool = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(gateway.settings().get("PG_URL")))
        .using(vertx).build();
    Row row = TestServices.await(pool.preparedQuery("SELECT credit_limit_minor, status FROM accounts WHERE account_id = $1")
        .execute(Tuple.of("it-pg-redis")).eventually(pool::close)).iterator().next();
    assertThat(row.getLong("credit_limit_minor")).isEqualTo(limit);
    assertThat(row.getString("status")).isEqualTo("ACTIVE");

    Redis redis = Redis.createClient(vertx, TestServices.redisUrl());
    Response cached = TestServices.await(redis.send(Request.cmd(Command.EXISTS)
        .arg(gateway.settings().get("REDIS_KEY_PREFIX") + "acct:it-pg-redis")).eventually(redis::close));
    assertThat(cached.toInteger()).isEqualTo(1);
  }

  @Test
  void creditStateReturnsLimitAndAvailable() {
    gateway.put("/v1/accounts/it-credit", goodProfile());
    JsonObject credit = gateway.get("/v1/accounts/it-credit/credit").bodyAsJsonObject();
    assertThat(credit.getLong("available")).isEqualTo(credit.getLong("creditLimit"));
    assertThat(credit.getLong("outstanding")).isZero();
    assertThat(credit.getString("status")).isEqualTo("ACTIVE");
    assertThat(credit.getBoolean("increaseEligible")).isTrue();
    assertThat(credit.getDouble("dailyRate")).isPositive();
  }

  @Test
  void amountWithinAvailableIsApproved() {
    long limit = gateway.put("/v1/accounts/it-approve", goodProfile()).bodyAsJsonObject().getLong("creditLimit");
    JsonObject answer = gateway.post("/v1/limit-checks",
        new JsonObject().put("accountId", "it-approve").put("amount", limit / 2)).bodyAsJsonObject();
    assertThat(answer.getString("decision")).isEqualTo("APPROVE");
    assertThat(answer.getString("decisionId")).hasSize(36);
    assertThat(answer.getLong("available")).isEqualTo(limit);
    assertThat(answer.getString("modelVersion")).isNotBlank();
    assertThat(answer.getString("policyVersion")).isNotBlank();
    assertThat(answer.getBoolean("degraded")).isFalse();
  }

  @Test
  void amountAboveAvailableIsDeclinedWithReason() {
    long limit = gateway.put("/v1/accounts/it-decline", goodProfile()).bodyAsJsonObject().getLong("creditLimit");
    JsonObject answer = gateway.post("/v1/limit-checks",
        new JsonObject().put("accountId", "it-decline").put("amount", limit + 1)).bodyAsJsonObject();
    assertThat(answer.getString("decision")).isEqualTo("DECLINE");
    assertThat(answer.getJsonArray("reasons").getJsonObject(0).getString("code")).isEqualTo("D201");
  }

  @Test
  void reasonsFollowAcceptLanguage() {
    long limit = gateway.put("/v1/accounts/it-zh", goodProfile()).bodyAsJsonObject().getLong("creditLimit");
    JsonObject answer = TestServices.await(gateway.request(HttpMethod.POST, "/v1/limit-checks")
        .putHeader("Accept-Language", "zh-CN,zh;q=0.9")
        .sendJsonObject(new JsonObject().put("accountId", "it-zh").put("amount", limit + 1))).bodyAsJsonObject();
    assertThat(answer.getJsonArray("reasons").getJsonObject(0).getString("message")).isEqualTo("可用额度不足");
  }

  @Test
  void unknownAccountIsNotFoundProblem() {
    HttpResponse<Buffer> answer = gateway.post("/v1/limit-checks",
        new JsonObject().put("accountId", "it-nobody").put("amount", 100));
    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(answer.getHeader("Content-Type")).isEqualTo("application/problem+json");
    assertThat(answer.bodyAsJsonObject().getString("code")).isEqualTo("account-not-found");
  }

  @Test
  void negativeAmountIsBadRequestNamingTheField() {
    HttpResponse<Buffer> answer = gateway.post("/v1/limit-checks",
        new JsonObject().put("accountId", "it-approve").put("amount", -5));
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.bodyAsJsonObject().getString("field")).isEqualTo("/amount");
  }

  @Test
  void fractionalAmountIsBadRequest() {
    HttpResponse<Buffer> answer = gateway.post("/v1/limit-checks",
        new JsonObject().put("accountId", "it-approve").put("amount", 10.5));
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.bodyAsJsonObject().getString("field")).isEqualTo("/amount");
  }

  @Test
  void missingAccountIdIsBadRequestNamingTheField() {
    HttpResponse<Buffer> answer = gateway.post("/v1/limit-checks", new JsonObject().put("amount", 5));
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.bodyAsJsonObject().getString("field")).isEqualTo("/accountId");
  }

  @Test
  void malformedJsonIsBadRequest() {
    HttpResponse<Buffer> answer = TestServices.await(gateway.request(HttpMethod.POST, "/v1/limit-checks")
        .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer("{\"accountId\":")));
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.bodyAsJsonObject().getString("code")).isEqualTo("malformed-request");
  }

  @Test
  void outOfRangeCreditScoreIsBadRequest() {
    HttpResponse<Buffer> answer = gateway.put("/v1/accounts/it-bad-score", goodProfile().put("creditScore", 1_000));
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.bodyAsJsonObject().getString("field")).isEqualTo("/creditScore");
  }

  @Test
  void missingApiKeyIsUnauthorized() {
    HttpResponse<Buffer> answer = TestServices.await(gateway.client().post("/v1/limit-checks")
        .sendJsonObject(new JsonObject().put("accountId", "it-approve").put("amount", 5)));
    assertThat(answer.statusCode()).isEqualTo(401);
  }

  @Test
  void clientKeyOnAdminIsForbidden() {
    HttpResponse<Buffer> answer = gateway.get("/admin/policies");
    assertThat(answer.statusCode()).isEqualTo(403);
  }

  @Test
  void aVerifiedKeyIsAdmittedAgainAndANearMissAfterItIsRefused() {
    String key = TestGateway.API_KEY;
    String nearMiss = key.substring(0, key.length() - 1) + (key.endsWith("x") ? "y" : "x");
    JsonObject body = new JsonObject().put("accountId", "it-never-created").put("amount", 5);
    for (String token : List.of(key, key, nearMiss, key.toUpperCase(java.util.Locale.ROOT) + "", key + " extra")) {
      int status = TestServices.await(gateway.client().post("/v1/limit-checks")
          .putHeader("Authorization", "Bearer " + token).sendJsonObject(body)).statusCode();
      assertThat(status).as(token).isEqualTo(token.equals(key) ? 404 : 401);
    }
  }
}
