package com.creditgate.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.gateway.support.TestGateway;
import com.creditgate.gateway.support.TestServices;
import com.creditgate.gateway.support.TestVertx;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin API on two gateway instances sharing Postgres and Redis: publish, activate, hot reload, rollback. */
class AdminIntegrationTests {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
  private static Vertx vertx;
  private static TestGateway first;
  private static TestGateway second;

  @BeforeAll
  static void startGateways() {
    vertx = TestVertx.loopLimited();
    Map<String, String> settings = TestGateway.freshSettings(vertx);
    settings.put("RISK_CONFIG_POLL_MILLIS", "60000");
    first = TestGateway.start(vertx, settings, CLOCK);
    second = TestGateway.start(vertx, settings, CLOCK);
    JsonObject profile = new JsonObject().put("region", "310000").put("occupation", "ENGINEER")
        .put("monthlyIncome", 2_000_000).put("creditScore", 760).put("segment", "MASS")
        .put("accountOpenedAt", "2022-01-15T00:00:00Z");
    assertThat(first.put("/v1/accounts/adm-1", profile).statusCode()).isEqualTo(201);
  }

  @AfterAll
  static void stopGateways() {
    second.close();
    first.close();
    TestServices.await(vertx.close());
  }

  private static HttpRequest<Buffer> admin(TestGateway gateway, HttpMethod method, String path) {
    return gateway.client().request(method, path).putHeader("Authorization", "Bearer " + TestGateway.ADMIN_TOKEN);
  }

  private static JsonObject config(TestGateway gateway) {
    return TestServices.await(admin(gateway, HttpMethod.GET, "/admin/config").send()).bodyAsJsonObject();
  }

  private static void eventually(Supplier<Boolean> condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.get() && System.nanoTime() < deadline) {
      TestServices.await(Future.future(p -> vertx.setTimer(25, id -> p.complete())));
    }
    assertThat(condition.get()).isTrue();
  }

  private static String decision(TestGateway gateway) {
    return gateway.post("/v1/limit-checks", new JsonObject().put("accountId", "adm-1").put("amount", 100))
        .bodyAsJsonObject().getString("decision");
  }

  @Test
  void policyActivatedOnOneReplicaReachesTheOtherAndRollsBack() {
    assertThat(decision(second)).isEqualTo("APPROVE");
    HttpResponse<Buffer> published = TestServices.await(admin(first, HttpMethod.PUT, "/admin/policies/p-strict")
        .sendJsonObject(new JsonObject().put("pdCutoff", 0.000001)));
    assertThat(published.statusCode()).isEqualTo(201);
    assertThat(published.bodyAsJsonObject().getJsonObject("document").getLong("customerCapMinor")).isEqualTo(20_000_000L);

    HttpResponse<Buffer> activated = TestServices.await(admin(first, HttpMethod.POST,
        "/admin/policies/p-strict/activate").send());
    assertThat(activated.statusCode()).isEqualTo(200);
    assertThat(activated.bodyAsJsonObject().getString("policyVersion")).isEqualTo("p-strict");
    eventually(() -> "p-strict".equals(config(second).getString("policyVersion")));
    JsonObject check = second.post("/v1/limit-checks", new JsonObject().put("accountId", "adm-1").put("amount", 100))
        .bodyAsJsonObject();
    assertThat(check.getString("decision")).isEqualTo("DECLINE");
    assertThat(check.getString("policyVersion")).isEqualTo("p-strict");

    assertThat(TestServices.await(admin(second, HttpMethod.POST, "/admin/rollback").send()).statusCode())
        .isEqualTo(200);
    eventually(() -> "policy-default-1".equals(config(first).getString("policyVersion")));
    assertThat(decision(first)).isEqualTo("APPROVE");
  }

  @Test
  void publishedDocumentsAreValidatedAndImmutable() {
    HttpResponse<Buffer> typo = TestServices.await(admin(first, HttpMethod.PUT, "/admin/policies/p-typo")
        .sendJsonObject(new JsonObject().put("custmerCap", 1)));
    assertThat(typo.statusCode()).isEqualTo(400);
    assertThat(typo.bodyAsJsonObject().getString("detail")).contains("custmerCap");
    TestServices.await(admin(first, HttpMethod.PUT, "/admin/policies/p-once").sendJsonObject(new JsonObject()));
    HttpResponse<Buffer> again = TestServices.await(admin(first, HttpMethod.PUT, "/admin/policies/p-once")
        .sendJsonObject(new JsonObject()));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(TestServices.await(admin(first, HttpMethod.POST, "/admin/policies/nope/activate").send()).statusCode())
        .isEqualTo(404);
    HttpResponse<Buffer> garbage = TestServices.await(admin(first, HttpMethod.PUT, "/admin/models/m-bad")
        .sendJsonObject(new JsonObject().put("format", "magic")));
    assertThat(garbage.statusCode()).isEqualTo(400);
  }

  @Test
  void policyWhoseFactorsOverflowMoneyIsRejectedAtPublish() {
    HttpResponse<Buffer> overflowing = TestServices.await(admin(first, HttpMethod.PUT, "/admin/policies/p-overflow")
        .sendJsonObject(new JsonObject().put("incomeMultipleBps", Long.MAX_VALUE)));
    assertThat(overflowing.statusCode()).isEqualTo(400);
    assertThat(overflowing.bodyAsJsonObject().getString("detail")).contains("probe account", "overflow");
    assertThat(TestServices.await(admin(first, HttpMethod.POST, "/admin/policies/p-overflow/activate").send())
        .statusCode()).isEqualTo(404);
    assertThat(first.post("/v1/accounts/adm-1/reviews", new JsonObject()).statusCode()).isEqualTo(200);
  }

  @Test
  void challengerIsScoredInShadowAndNeverReturned() throws IOException {
    JsonObject scorecard;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("models/scorecard-default.json")) {
      scorecard = new JsonObject(Buffer.buffer(in.readAllBytes()));
    }
    scorecard.put("version", "scorecard-challenger-1");
    HttpResponse<Buffer> mismatch = TestServices.await(admin(first, HttpMethod.PUT, "/admin/models/other-name")
        .sendJsonObject(scorecard));
    assertThat(mismatch.statusCode()).isEqualTo(400);
    assertThat(TestServices.await(admin(first, HttpMethod.PUT, "/admin/models/scorecard-challenger-1")
        .sendJsonObject(scorecard)).statusCode()).isEqualTo(201);
    HttpResponse<Buffer> set = TestServices.await(admin(first, HttpMethod.PUT, "/admin/challenger")
        .sendJsonObject(new JsonObject().put("version", "scorecard-challenger-1").put("share", 1.0)));
    assertThat(set.statusCode()).isEqualTo(200);
    long before = config(first).getLong("shadowScored");
    JsonObject check = first.post("/v1/limit-checks", new JsonObject().put("accountId", "adm-1").put("amount", 100))
        .bodyAsJsonObject();
    assertThat(check.getString("modelVersion")).isNotEqualTo("scorecard-challenger-1");
    assertThat(check.encode()).doesNotContain("challenger");
    assertThat(config(first).getLong("shadowScored")).isGreaterThan(before);
    assertThat(TestServices.await(admin(first, HttpMethod.DELETE, "/admin/challenger").send()).statusCode())
        .isEqualTo(200);
  }

  @Test
  void adminNeedsTheAdminToken() {
    assertThat(first.get("/admin/config").statusCode()).isEqualTo(403);
    assertThat(TestServices.await(first.client().get("/admin/config").send()).statusCode()).isEqualTo(401);
  }

  @Test
  void xgboostModelPublishedAndActivatedBecomesTheChampion() throws IOException {
    byte[] gbdt;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("models/gbdt-default.json")) {
      gbdt = in.readAllBytes();
    }
    HttpResponse<Buffer> published = TestServices.await(admin(first, HttpMethod.PUT, "/admin/models/gbdt-2026.11.1")
        .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(gbdt)));
    assertThat(published.statusCode()).as(published.bodyAsString()).isEqualTo(201);
    assertThat(published.bodyAsJsonObject().getJsonObject("document").getString("format")).isEqualTo("xgboost-json");
    assertThat(TestServices.await(admin(first, HttpMethod.POST, "/admin/models/gbdt-2026.11.1/activate").send())
        .statusCode()).isEqualTo(200);
    eventually(() -> "gbdt-2026.11.1".equals(config(second).getString("championVersion")));
    JsonObject check = second.post("/v1/limit-checks", new JsonObject().put("accountId", "adm-1").put("amount", 100))
        .bodyAsJsonObject();
    assertThat(check.getString("modelVersion")).isEqualTo("gbdt-2026.11.1");
    assertThat(check.getJsonArray("reasons").size()).isBetween(1, 4);
    TestServices.await(admin(first, HttpMethod.POST, "/admin/rollback").send());
  }

  @Test
  void limitCheckOnAClosedLineThatQualifiesAgainReopensIt() {
    JsonObject profile = new JsonObject().put("region", "310000").put("occupation", "ENGINEER")
        .put("monthlyIncome", 2_000_000).put("creditScore", 760).put("segment", "MASS")
        .put("accountOpenedAt", "2022-01-15T00:00:00Z");
    assertThat(first.put("/v1/accounts/adm-closed", profile).statusCode()).isEqualTo(201);
    TestServices.await(admin(first, HttpMethod.PUT, "/admin/policies/p-close-all")
        .sendJsonObject(new JsonObject().put("pdCutoff", 0.000001)));
    TestServices.await(admin(first, HttpMethod.POST, "/admin/policies/p-close-all/activate").send());
    assertThat(first.post("/v1/accounts/adm-closed/reviews", new JsonObject()).bodyAsJsonObject()
        .getJsonObject("after").getString("status")).isEqualTo("CLOSED");
    JsonObject stillClosed = first.post("/v1/limit-checks", new JsonObject().put("accountId", "adm-closed")
        .put("amount", 100)).bodyAsJsonObject();
    assertThat(stillClosed.getString("status")).isEqualTo("CLOSED");
    assertThat(stillClosed.getString("decision")).isEqualTo("DECLINE");

    TestServices.await(admin(first, HttpMethod.POST, "/admin/rollback").send());
    JsonObject reopened = first.post("/v1/limit-checks", new JsonObject().put("accountId", "adm-closed")
        .put("amount", 100)).bodyAsJsonObject();
    assertThat(reopened.getString("status")).isEqualTo("ACTIVE");
    assertThat(reopened.getString("decision")).isEqualTo("APPROVE");
    JsonObject latest = first.get("/v1/accounts/adm-closed/limit-history").bodyAsJsonObject().getJsonArray("items")
        .getJsonObject(0);
    assertThat(latest.getString("trigger")).isEqualTo("LIMIT_CHECK");
    assertThat(latest.getJsonArray("reasons").encode()).contains("P314");
  }
}
