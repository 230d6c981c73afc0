package com.creditgate.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.gateway.support.TestGateway;
import com.creditgate.scoring.feature.Feature;
import com.creditgate.gateway.support.TestServices;
import com.creditgate.gateway.support.TestVertx;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Events, reviews and limit history over real HTTP on real Postgres and Redis. */
class EventIntegrationTests {
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

  private static void createAccount(String accountId) {
    JsonObject profile = new JsonObject().put("region", "310000").put("occupation", "ENGINEER")
        .put("monthlyIncome", 2_000_000).put("creditScore", 760).put("segment", "MASS").put("assets", 5_000_000)
        .put("accountOpenedAt", "2022-01-15T00:00:00Z");
    assertThat(gateway.put("/v1/accounts/" + accountId, profile).statusCode()).isEqualTo(201);
  }

  private static HttpResponse<Buffer> event(String accountId, String eventId, String type, Long amount,
      JsonObject attributes) {
    JsonObject body = new JsonObject().put("eventId", eventId).put("type", type)
        .put("occurredAt", "2026-11-22T09:00:00Z");
    if (amount != null) {
      body.put("amount", amount);
    }
    if (attributes != null) {
      body.put("attributes", attributes);
    }
    return gateway.post("/v1/accounts/" + accountId + "/events", body);
  }

  private static JsonObject credit(String accountId) {
    return gateway.get("/v1/accounts/" + accountId + "/credit").bodyAsJsonObject();
  }

  @Test
  void duplicateEventIdChangesNothingTwice() {
    createAccount("ev-dup");
    assertThat(event("ev-dup", "d1", "DRAW", 100_000L, null).statusCode()).isEqualTo(200);
    HttpResponse<Buffer> first = event("ev-dup", "r1", "REPAYMENT", 30_000L, null);
    HttpResponse<Buffer> again = event("ev-dup", "r1", "REPAYMENT", 30_000L, null);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(first.bodyAsJsonObject().getBoolean("duplicate")).isFalse();
    assertThat(again.bodyAsJsonObject().getBoolean("duplicate")).isTrue();
    assertThat(credit("ev-dup").getLong("outstanding")).isEqualTo(70_000);
    assertThat(gateway.sql("SELECT count(*) AS n FROM account_events WHERE account_id = $1", "ev-dup")
        .iterator().next().getLong("n")).isEqualTo(2);

    HttpResponse<Buffer> clash = event("ev-dup", "r1", "REPAYMENT", 40_000L, null);
    assertThat(clash.statusCode()).isEqualTo(409);
    assertThat(clash.bodyAsJsonObject().getString("code")).isEqualTo("event-id-conflict");
    assertThat(credit("ev-dup").getLong("outstanding")).isEqualTo(70_000);
  }

  @Test
  void repaymentNeverMakesOutstandingNegative() {
    createAccount("ev-overpay");
    event("ev-overpay", "d1", "DRAW", 50_000L, null);
    HttpResponse<Buffer> repaid = event("ev-overpay", "r1", "REPAYMENT", 80_000L, null);
    assertThat(repaid.bodyAsJsonObject().getJsonObject("effect").getLong("repaid")).isEqualTo(50_000);
    assertThat(repaid.bodyAsJsonObject().getJsonObject("effect").getLong("unapplied")).isEqualTo(30_000);
    assertThat(credit("ev-overpay").getLong("outstanding")).isZero();
    event("ev-overpay", "r2", "REPAYMENT", 1_000L, null);
    assertThat(credit("ev-overpay").getLong("outstanding")).isZero();
  }

  @Test
  void drawBeyondAvailableIsDeclinedAndNotRecorded() {
    createAccount("ev-overdraw");
    long available = credit("ev-overdraw").getLong("available");
    HttpResponse<Buffer> declined = event("ev-overdraw", "d1", "DRAW", available + 1, null);
    assertThat(declined.statusCode()).isEqualTo(409);
    assertThat(declined.bodyAsJsonObject().getJsonArray("reasons").getJsonObject(0).getString("code"))
        .isEqualTo("D201");
    assertThat(event("ev-overdraw", "d1", "DRAW", available, null).statusCode()).isEqualTo(200);
    assertThat(credit("ev-overdraw").getLong("available")).isZero();
  }

  @Test
  void overdueFreezesAtOnceAndRepayingItReopensTheLine() {
    createAccount("ev-overdue");
    event("ev-overdue", "d1", "DRAW", 200_000L, null);
    HttpResponse<Buffer> overdue = event("ev-overdue", "o1", "OVERDUE", null, new JsonObject().put("daysPastDue", 5));
    assertThat(overdue.statusCode()).isEqualTo(200);
    assertThat(credit("ev-overdue").getString("status")).isEqualTo("FROZEN");
    JsonObject check = gateway.post("/v1/limit-checks", new JsonObject().put("accountId", "ev-overdue")
        .put("amount", 100)).bodyAsJsonObject();
    assertThat(check.getString("decision")).isEqualTo("DECLINE");
    assertThat(check.getJsonArray("reasons").getJsonObject(0).getString("code")).isEqualTo("D202");
    assertThat(gateway.post("/v1/holds", new JsonObject().put("accountId", "ev-overdue").put("amount", 100))
        .statusCode()).isEqualTo(409);

    event("ev-overdue", "r1", "REPAYMENT", 150_000L, null);
    assertThat(credit("ev-overdue").getString("status")).isEqualTo("FROZEN");
    event("ev-overdue", "r2", "REPAYMENT", 50_000L, null);
    JsonObject after = credit("ev-overdue");
    assertThat(after.getString("status")).isEqualTo("ACTIVE");
    assertThat(after.getLong("outstanding")).isZero();

    JsonArray history = gateway.get("/v1/accounts/ev-overdue/limit-history").bodyAsJsonObject().getJsonArray("items");
    assertThat(history.getJsonObject(0).getString("newStatus")).isEqualTo("ACTIVE");
    assertThat(history.getJsonObject(0).getJsonArray("reasons").encode()).contains("P319");
    assertThat(history.getJsonObject(1).getString("newStatus")).isEqualTo("FROZEN");
    assertThat(history.getJsonObject(1).getString("trigger")).isEqualTo("EVENT:OVERDUE");
    assertThat(gateway.sql("SELECT count(*) AS n FROM notification_outbox WHERE account_id = $1", "ev-overdue")
        .iterator().next().getLong("n")).isGreaterThanOrEqualTo(2);
  }

  @Test
  void anomalyClosesIncreasesAtOnceWithItsReasons() {
    createAccount("ev-anomaly");
    event("ev-anomaly", "a1", "LOGIN_ANOMALY", null, new JsonObject().put("score", 0.95));
    JsonObject credit = credit("ev-anomaly");
    assertThat(credit.getBoolean("increaseEligible")).isFalse();
    assertThat(credit.getJsonArray("increaseClosedReasons").encode()).contains("P304").contains("R118");
  }

  @Test
  void reviewOnDemandAndHistoryPagesNewestFirst() {
    createAccount("ev-review");
    event("ev-review", "x1", "TXN_ANOMALY", null, null);
    event("ev-review", "o1", "OVERDUE", null, new JsonObject().put("daysPastDue", 3));
    HttpResponse<Buffer> review = gateway.post("/v1/accounts/ev-review/reviews", new JsonObject());
    assertThat(review.statusCode()).isEqualTo(200);
    assertThat(review.bodyAsJsonObject().getJsonObject("after").getString("status")).isEqualTo("FROZEN");
    assertThat(review.bodyAsJsonObject().getBoolean("changed")).isFalse();

    JsonObject page1 = gateway.get("/v1/accounts/ev-review/limit-history?limit=1").bodyAsJsonObject();
    assertThat(page1.getJsonArray("items")).hasSize(1);
    assertThat(page1.getJsonArray("items").getJsonObject(0).getString("newStatus")).isEqualTo("FROZEN");
    long cursor = page1.getLong("nextBefore");
    JsonObject page2 = gateway.get("/v1/accounts/ev-review/limit-history?limit=1&before=" + cursor).bodyAsJsonObject();
    assertThat(page2.getJsonArray("items").getJsonObject(0).getLong("id")).isLessThan(cursor);
    assertThat(page2.getJsonArray("items").getJsonObject(0).getBoolean("newIncreaseEligible")).isFalse();
  }

  private static float feature(String accountId, Feature feature) {
    return gateway.sql("SELECT features[" + (feature.ordinal() + 1) + "] AS f FROM accounts WHERE account_id = $1",
        accountId).iterator().next().getFloat("f");
  }

  @Test
  void everyBehaviourEventMovesItsFeature() {
    createAccount("ev-kinds");
    assertThat(event("ev-kinds", "k1", "EXTENSION", null, null).statusCode()).isEqualTo(200);
    assertThat(event("ev-kinds", "k2", "SPEND", 600_000L, null).statusCode()).isEqualTo(200);
    assertThat(event("ev-kinds", "k3", "ASSET_UPDATE", 9_000_000L, null).statusCode()).isEqualTo(200);
    assertThat(event("ev-kinds", "k4", "LINKED_ACCOUNT_RISK", null, new JsonObject().put("score", 0.9))
        .statusCode()).isEqualTo(200);
    assertThat(event("ev-kinds", "k5", "ENGAGEMENT", null, null).statusCode()).isEqualTo(200);
    assertThat(event("ev-kinds", "k6", "INQUIRY", null, null).statusCode()).isEqualTo(200);
    assertThat(feature("ev-kinds", Feature.EXTENSIONS_12M)).isEqualTo(1f);
    assertThat(feature("ev-kinds", Feature.MONTHLY_SPEND)).isEqualTo(6_000f);
    assertThat(feature("ev-kinds", Feature.PAYMENT_FREQUENCY_30D)).isEqualTo(1f);
    assertThat(feature("ev-kinds", Feature.LARGE_PAYMENTS_12M)).isEqualTo(1f);
    assertThat(feature("ev-kinds", Feature.LINKED_ACCOUNT_RISK)).isEqualTo(0.9f);
    assertThat(feature("ev-kinds", Feature.ENGAGEMENT_TASKS)).isEqualTo(1f);
    assertThat(feature("ev-kinds", Feature.INQUIRIES_30D)).isEqualTo(1f);
    assertThat(gateway.sql("SELECT assets_minor FROM accounts WHERE account_id = $1", "ev-kinds").iterator().next()
        .getLong("assets_minor")).isEqualTo(9_000_000L);
    assertThat(credit("ev-kinds").getJsonArray("increaseClosedReasons").encode()).contains("R120");
  }

  @Test
  void eventFromTheFutureIsRejectedAndOneOlderThanItsWindowCountsNowhere() {
    createAccount("ev-when");
    HttpResponse<Buffer> future = gateway.post("/v1/accounts/ev-when/events", new JsonObject().put("eventId", "f1")
        .put("type", "DRAW").put("amount", 100).put("occurredAt", "2026-11-22T11:00:00Z"));
    assertThat(future.statusCode()).isEqualTo(400);
    assertThat(future.bodyAsJsonObject().getString("field")).isEqualTo("/occurredAt");
    HttpResponse<Buffer> old = gateway.post("/v1/accounts/ev-when/events", new JsonObject().put("eventId", "o1")
        .put("type", "INQUIRY").put("occurredAt", "2026-09-01T00:00:00Z"));
    assertThat(old.statusCode()).isEqualTo(200);
    assertThat(feature("ev-when", Feature.INQUIRIES_30D)).isNaN();
    assertThat(feature("ev-when", Feature.INQUIRIES_90D)).isEqualTo(1f);
  }

  @Test
  void badEventsAreNamedFourHundreds() {
    createAccount("ev-bad");
    HttpResponse<Buffer> unknownType = event("ev-bad", "b1", "TELEPORT", null, null);
    assertThat(unknownType.statusCode()).isEqualTo(400);
    assertThat(unknownType.bodyAsJsonObject().getString("field")).isEqualTo("/type");
    HttpResponse<Buffer> noDpd = event("ev-bad", "b2", "OVERDUE", null, null);
    assertThat(noDpd.statusCode()).isEqualTo(400);
    assertThat(noDpd.bodyAsJsonObject().getString("field")).isEqualTo("/attributes/daysPastDue");
    HttpResponse<Buffer> noAmount = event("ev-bad", "b3", "REPAYMENT", null, null);
    assertThat(noAmount.bodyAsJsonObject().getString("field")).isEqualTo("/amount");
    assertThat(event("nobody", "b4", "INQUIRY", null, null).statusCode()).isEqualTo(404);
    assertThat(gateway.get("/v1/accounts/nobody/limit-history").statusCode()).isEqualTo(404);
    assertThat(gateway.get("/v1/accounts/ev-bad/limit-history?limit=0").statusCode()).isEqualTo(400);
  }

  @Test
  void creationAndProfileChangesAreInTheHistory() {
    createAccount("ev-profile");
    JsonObject lower = new JsonObject().put("region", "310000").put("occupation", "ENGINEER")
        .put("monthlyIncome", 500_000).put("creditScore", 760).put("segment", "MASS")
        .put("accountOpenedAt", "2022-01-15T00:00:00Z");
    assertThat(gateway.put("/v1/accounts/ev-profile", lower).statusCode()).isEqualTo(200);
    JsonArray items = gateway.get("/v1/accounts/ev-profile/limit-history").bodyAsJsonObject().getJsonArray("items");
    assertThat(items).hasSize(2);
    assertThat(items.getJsonObject(0).getString("trigger")).isEqualTo("PROFILE_UPDATE");
    assertThat(items.getJsonObject(0).getLong("newLimit")).isLessThan(items.getJsonObject(0).getLong("oldLimit"));
    assertThat(items.getJsonObject(1).getString("trigger")).isEqualTo("CREATED");
    assertThat(items.getJsonObject(1).getLong("oldLimit")).isZero();
  }

  @Test
  void changesAreNotifiedThroughTheOutboxToTheRedisStream() {
    createAccount("ev-notify");
    event("ev-notify", "o1", "OVERDUE", null, new JsonObject().put("daysPastDue", 2));
    Redis redis = Redis.createClient(vertx, TestServices.redisUrl());
    try {
      String stream = gateway.settings().get("REDIS_KEY_PREFIX") + "notifications";
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      String entries = "";
      long unpublished = -1;
      while ((!entries.contains("LINE_FROZEN") || unpublished != 0) && System.nanoTime() < deadline) {
        TestServices.await(Future.future(p -> vertx.setTimer(50, id -> p.complete())));
        entries = String.valueOf(TestServices.await(redis.send(Request.cmd(Command.XRANGE).arg(stream).arg("-").arg("+"))));
        unpublished = gateway.sql("SELECT count(*) AS n FROM notification_outbox WHERE account_id = $1 "
            + "AND published_at IS NULL", "ev-notify").iterator().next().getLong("n");
      }
      assertThat(entries).contains("LINE_FROZEN").contains("ev-notify");
      assertThat(unpublished).isZero();
    } finally {
      redis.close();
    }
  }
}
