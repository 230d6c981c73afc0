package com.creditgate.gateway.limitcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.gateway.support.Accounts;
import com.creditgate.gateway.support.TestGateway;
import com.creditgate.gateway.support.TestServices;
import com.creditgate.gateway.support.TestVertx;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a limit-check says about its checkout (issue #13): the merchant category and the channel in policy, the
 * order in audit.
 */
class CheckContextIntegrationTests {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
  private static Vertx vertx;
  private static TestGateway gateway;

  @BeforeAll
  static void startGateway() {
    vertx = TestVertx.loopLimited();
    gateway = TestGateway.start(vertx, TestGateway.freshSettings(vertx), CLOCK);
    assertThat(gateway.put("/v1/accounts/cc-1", Accounts.goodProfile()).statusCode()).isEqualTo(201);
  }

  @AfterAll
  static void stopGateway() {
    gateway.close();
    TestServices.await(vertx.close());
  }

  @Test
  void merchantCategoryBlockedForTheSegmentIsDeclined() {
    JsonObject policy = new JsonObject().put("blockedMerchantCategories",
        new JsonObject().put("MASS", new JsonArray().add("GAMBLING")));
    assertThat(admin(HttpMethod.PUT, "/admin/policies/p-no-gambling", policy)).isEqualTo(201);
    assertThat(admin(HttpMethod.POST, "/admin/policies/p-no-gambling/activate", new JsonObject())).isEqualTo(200);
    try {
      JsonObject blocked = gateway.post("/v1/limit-checks", Accounts.check("cc-1", 100)
          .put("merchantCategory", "GAMBLING")).bodyAsJsonObject();
      assertThat(blocked.getString("decision")).isEqualTo("DECLINE");
      assertThat(blocked.getJsonArray("reasons").getJsonObject(0).getString("code")).isEqualTo("D208");
      JsonObject allowed = gateway.post("/v1/limit-checks", Accounts.check("cc-1", 100)
          .put("merchantCategory", "GROCERY")).bodyAsJsonObject();
      assertThat(allowed.getString("decision")).isEqualTo("APPROVE");
    } finally {
      assertThat(admin(HttpMethod.POST, "/admin/rollback", new JsonObject())).isEqualTo(200);
    }
  }

  @Test
  void channelBlockedForTheSegmentIsDeclined() {
    JsonObject policy = new JsonObject().put("blockedChannels",
        new JsonObject().put("MASS", new JsonArray().add("MINI_PROGRAM")));
    assertThat(admin(HttpMethod.PUT, "/admin/policies/p-no-mini-program", policy)).isEqualTo(201);
    assertThat(admin(HttpMethod.POST, "/admin/policies/p-no-mini-program/activate", new JsonObject()))
        .isEqualTo(200);
    try {
      JsonObject blocked = TestServices.await(gateway.request(HttpMethod.POST, "/v1/limit-checks")
          .putHeader("Accept-Language", "zh-CN")
          .sendJsonObject(Accounts.check("cc-1", 100).put("channel", "MINI_PROGRAM"))).bodyAsJsonObject();
      assertThat(blocked.getString("decision")).isEqualTo("DECLINE");
      assertThat(blocked.getJsonArray("reasons").getJsonObject(0).getString("code")).isEqualTo("D210");
      assertThat(blocked.getJsonArray("reasons").getJsonObject(0).getString("message"))
          .isEqualTo("该渠道不支持使用信用额度");
      JsonObject allowed = gateway.post("/v1/limit-checks", Accounts.check("cc-1", 100)
          .put("channel", "APP")).bodyAsJsonObject();
      assertThat(allowed.getString("decision")).isEqualTo("APPROVE");
    } finally {
      assertThat(admin(HttpMethod.POST, "/admin/rollback", new JsonObject())).isEqualTo(200);
    }
  }

  @Test
  void orderMerchantCategoryAndChannelAreWrittenToTheAuditRecord() {
    String decisionId = gateway.post("/v1/limit-checks", Accounts.check("cc-1", 100).put("orderId", "order-42")
        .put("merchantCategory", "GROCERY").put("channel", "APP")).bodyAsJsonObject().getString("decisionId");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (gateway.sql("SELECT 1 FROM decision_audit WHERE decision_id = $1", UUID.fromString(decisionId)).size() == 0
        && System.nanoTime() < deadline) {
      TestServices.await(io.vertx.core.Future.future(p -> vertx.setTimer(20, id -> p.complete())));
    }
    Row row = gateway.sql("SELECT order_id, merchant_category, channel FROM decision_audit WHERE decision_id = $1",
        UUID.fromString(decisionId)).iterator().next();
    assertThat(row.getString("order_id")).isEqualTo("order-42");
    assertThat(row.getString("merchant_category")).isEqualTo("GROCERY");
    assertThat(row.getString("channel")).isEqualTo("APP");
  }

  private static int admin(HttpMethod method, String path, JsonObject body) {
    return TestServices.await(gateway.client().request(method, path)
        .putHeader("Authorization", "Bearer " + TestGateway.ADMIN_TOKEN).sendJsonObject(body)).statusCode();
  }
}
