package com.creditgate.gateway.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.gateway.support.MutableClock;
import com.creditgate.gateway.support.TestGateway;
import com.creditgate.gateway.support.TestServices;
import com.creditgate.gateway.support.TestVertx;
import com.creditgate.scoring.feature.Feature;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Window features leave their window at the next review after it passed (real Postgres, a moved clock). */
class WindowAgeingIntegrationTests {
  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
  private static Vertx vertx;
  private static TestGateway gateway;

  @BeforeAll
  static void start() {
    vertx = TestVertx.loopLimited();
    gateway = TestGateway.start(vertx, TestGateway.freshSettings(vertx), CLOCK);
  }

  @AfterAll
  static void stop() {
    gateway.close();
    TestServices.await(vertx.close());
  }

  private static float feature(String accountId, Feature feature) {
    return gateway.sql("SELECT features[" + (feature.ordinal() + 1) + "] AS f FROM accounts WHERE account_id = $1",
        accountId).iterator().next().getFloat("f");
  }

  @Test
  void inquiriesLeaveTheThirtyDayWindowButStayInTheNinetyDayOne() {
    JsonObject profile = new JsonObject().put("region", "310000").put("occupation", "ENGINEER")
        .put("monthlyIncome", 2_000_000).put("creditScore", 760).put("segment", "MASS")
        .put("accountOpenedAt", "2022-01-15T00:00:00Z");
    assertThat(gateway.put("/v1/accounts/age-1", profile).statusCode()).isEqualTo(201);
    for (int i = 0; i < 4; i++) {
      assertThat(gateway.post("/v1/accounts/age-1/events", new JsonObject().put("eventId", "inq-" + i)
          .put("type", "INQUIRY").put("occurredAt", CLOCK.instant().minus(Duration.ofDays(1)).toString()))
          .statusCode()).isEqualTo(200);
    }
    assertThat(feature("age-1", Feature.INQUIRIES_30D)).isEqualTo(4f);
    assertThat(gateway.get("/v1/accounts/age-1/credit").bodyAsJsonObject().getJsonArray("increaseClosedReasons")
        .encode()).contains("P310");

    CLOCK.advance(Duration.ofDays(31));
    assertThat(gateway.post("/v1/accounts/age-1/reviews", new JsonObject()).statusCode()).isEqualTo(200);
    assertThat(feature("age-1", Feature.INQUIRIES_30D)).isZero();
    assertThat(feature("age-1", Feature.INQUIRIES_90D)).isEqualTo(4f);
    assertThat(gateway.get("/v1/accounts/age-1/credit").bodyAsJsonObject().getJsonArray("increaseClosedReasons")
        .encode()).doesNotContain("P310");

    CLOCK.advance(Duration.ofDays(60));
    gateway.post("/v1/accounts/age-1/reviews", new JsonObject());
    assertThat(feature("age-1", Feature.INQUIRIES_90D)).isZero();
  }

  private static JsonObject event(String eventId, String type, Long amountMinor, JsonObject attributes) {
    JsonObject event = new JsonObject().put("eventId", eventId).put("type", type)
        .put("occurredAt", CLOCK.instant().minus(Duration.ofHours(1)).toString());
    if (amountMinor != null) {
      event.put("amount", amountMinor);
    }
    return attributes == null ? event : event.put("attributes", attributes);
  }

  private static void post(String accountId, JsonObject event) {
    assertThat(gateway.post("/v1/accounts/" + accountId + "/events", event).statusCode()).isEqualTo(200);
  }

  private static String increaseClosedReasons(String accountId) {
    return gateway.get("/v1/accounts/" + accountId + "/credit").bodyAsJsonObject()
        .getJsonArray("increaseClosedReasons").encode();
  }

  @Test
  void anOverdueOlderThanTwelveMonthsNoLongerBlocksIncreases() {
    assertThat(gateway.put("/v1/accounts/age-2", profile()).statusCode()).isEqualTo(201);
    post("age-2", event("draw-1", "DRAW", 100_000L, null));
    post("age-2", event("late-1", "OVERDUE", null, new JsonObject().put("daysPastDue", 12)));
    post("age-2", event("repay-1", "REPAYMENT", 100_000L, null));
    assertThat(feature("age-2", Feature.MAX_DPD_12M)).isEqualTo(12f);
    assertThat(feature("age-2", Feature.OVERDUE_COUNT_12M)).isEqualTo(1f);
    assertThat(increaseClosedReasons("age-2")).contains("R106");

    CLOCK.advance(Duration.ofDays(200));
    post("age-2", event("draw-2", "DRAW", 50_000L, null));
    post("age-2", event("late-2", "OVERDUE", null, new JsonObject().put("daysPastDue", 3)));
    post("age-2", event("repay-2", "REPAYMENT", 50_000L, null));
    CLOCK.advance(Duration.ofDays(170));
    assertThat(gateway.post("/v1/accounts/age-2/reviews", new JsonObject()).statusCode()).isEqualTo(200);
    assertThat(feature("age-2", Feature.MAX_DPD_12M)).isEqualTo(3f);
    assertThat(feature("age-2", Feature.OVERDUE_COUNT_12M)).isEqualTo(1f);

    CLOCK.advance(Duration.ofDays(200));
    assertThat(gateway.post("/v1/accounts/age-2/reviews", new JsonObject()).statusCode()).isEqualTo(200);
    assertThat(feature("age-2", Feature.MAX_DPD_12M)).isZero();
    assertThat(feature("age-2", Feature.OVERDUE_COUNT_12M)).isZero();
    assertThat(increaseClosedReasons("age-2")).doesNotContain("R106");
  }

  @Test
  void quickBorrowRepayCyclesLeaveTheThirtyDayWindow() {
    assertThat(gateway.put("/v1/accounts/age-3", profile()).statusCode()).isEqualTo(201);
    post("age-3", event("draw-1", "DRAW", 100_000L, null));
    post("age-3", event("repay-1", "REPAYMENT", 100_000L, null));
    assertThat(feature("age-3", Feature.QUICK_CYCLES_30D)).isEqualTo(1f);
    assertThat(feature("age-3", Feature.ONTIME_RATIO_12M)).isEqualTo(1f);

    CLOCK.advance(Duration.ofDays(31));
    assertThat(gateway.post("/v1/accounts/age-3/reviews", new JsonObject()).statusCode()).isEqualTo(200);
    assertThat(feature("age-3", Feature.QUICK_CYCLES_30D)).isZero();
    assertThat(feature("age-3", Feature.ONTIME_RATIO_12M)).isEqualTo(1f);

    CLOCK.advance(Duration.ofDays(335));
    assertThat(gateway.post("/v1/accounts/age-3/reviews", new JsonObject()).statusCode()).isEqualTo(200);
    assertThat(feature("age-3", Feature.ONTIME_REPAYMENTS_12M)).isZero();
    assertThat(feature("age-3", Feature.ONTIME_RATIO_12M)).isNaN();
  }

  private static JsonObject profile() {
    return new JsonObject().put("region", "310000").put("occupation", "ENGINEER")
        .put("monthlyIncome", 2_000_000).put("creditScore", 760).put("segment", "MASS")
        .put("accountOpenedAt", "2022-01-15T00:00:00Z");
  }
}
