package com.creditgate.gateway.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.gateway.support.Accounts;
import com.creditgate.gateway.support.MutableClock;
import com.creditgate.gateway.support.TestGateway;
import com.creditgate.gateway.support.TestServices;
import com.creditgate.gateway.support.TestVertx;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Limits over time through the ledger (issue #13): reviews that do not compound, the increase cool-down, days
 * past due that age by the calendar, reasons only from present factors. Time moves by an injected clock.
 */
class LimitsOverTimeIntegrationTests {
  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
  private static Vertx vertx;
  private static TestGateway gateway;
  private static int eventNumber;

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

  @Test
  void reviewingAgainWithNothingNewChangesNothing() {
    create("ot-churn", Accounts.goodProfile());
    for (int cycle = 0; cycle < 4; cycle++) {
      event("ot-churn", "DRAW", 100_000L, null);
      event("ot-churn", "REPAYMENT", 100_000L, null);
    }
    long cut = limit("ot-churn");
    List<Long> after = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      after.add(review("ot-churn").getJsonObject("after").getLong("creditLimit"));
      after.add(event("ot-churn", "SPEND", 100L, null).getJsonObject("review").getJsonObject("after")
          .getLong("creditLimit"));
    }
    assertThat(after).containsOnly(cut);
    assertThat(review("ot-churn").getBoolean("changed")).isFalse();
  }

  @Test
  void increasesWaitForTheCoolDown() {
    create("ot-cool", Accounts.goodProfile().put("monthlyIncome", 1_000_000));
    event("ot-cool", "PROFILE_UPDATE", null, new JsonObject().put("monthlyIncome", 5_000_000));
    long before = limit("ot-cool");
    for (int i = 0; i < 6; i++) {
      event("ot-cool", "REPAYMENT", 100L, null);
    }
    long raised = limit("ot-cool");
    assertThat(raised).isGreaterThan(before);
    JsonObject early = event("ot-cool", "REPAYMENT", 100L, null).getJsonObject("review");
    assertThat(early.getJsonObject("after").getLong("creditLimit")).isEqualTo(raised);
    assertThat(early.getJsonArray("reasons").encode()).contains("P322");
    CLOCK.advance(Duration.ofDays(30));
    event("ot-cool", "REPAYMENT", 100L, null);
    assertThat(limit("ot-cool")).isGreaterThan(raised);
  }

  @Test
  void daysPastDueAgeByTheCalendarThroughTheBuckets() {
    create("ot-dpd", Accounts.goodProfile());
    event("ot-dpd", "DRAW", 100_000L, null);
    event("ot-dpd", "OVERDUE", null, new JsonObject().put("daysPastDue", 5));
    assertThat(latestHistoryReasons("ot-dpd")).contains("DPD_1_30");
    CLOCK.advance(Duration.ofDays(30));
    JsonObject month = review("ot-dpd");
    assertThat(month.getJsonArray("reasons").encode()).contains("P324");
    assertThat(month.getJsonObject("after").getString("status")).isEqualTo("FROZEN");
    assertThat(latestHistoryReasons("ot-dpd")).contains("DPD_31_60");
    CLOCK.advance(Duration.ofDays(30));
    assertThat(review("ot-dpd").getBoolean("changed")).isTrue();
    assertThat(latestHistoryReasons("ot-dpd")).contains("DPD_61_90");
    assertThat(gateway.sql("SELECT kind FROM notification_outbox WHERE account_id = $1 ORDER BY id DESC LIMIT 1",
        "ot-dpd").iterator().next().getString("kind")).isEqualTo("DELINQUENCY_DPD_61_90");
  }

  @Test
  void aNeverOverdueAccountIsNotToldItIsOverdue() {
    create("ot-clean", Accounts.goodProfile());
    assertThat(gateway.get("/v1/accounts/ot-clean/credit").bodyAsString()).doesNotContain("R105");
    assertThat(gateway.get("/v1/accounts/ot-clean/report").bodyAsString()).doesNotContain("R105");
    assertThat(review("ot-clean").encode()).doesNotContain("R105");
  }

  @Test
  void transactionAnomalyFlagsExpireAfterTheirWindow() {
    create("ot-txn", Accounts.goodProfile());
    JsonObject flagged = event("ot-txn", "TXN_ANOMALY", null, null).getJsonObject("review");
    assertThat(flagged.getJsonArray("increaseClosedReasons").encode()).contains("R119");
    CLOCK.advance(Duration.ofDays(89));
    assertThat(review("ot-txn").getJsonArray("increaseClosedReasons").encode()).contains("R119");
    CLOCK.advance(Duration.ofDays(2));
    JsonObject expired = review("ot-txn");
    assertThat(expired.getJsonArray("increaseClosedReasons").encode()).doesNotContain("R119");
    assertThat(expired.getJsonObject("after").getBoolean("increaseEligible")).isTrue();
  }

  @Test
  void incomeStabilityFollowsDeclaredIncome() {
    create("ot-income", Accounts.goodProfile());
    assertThat(incomeStability("ot-income")).isEqualTo(1f);
    event("ot-income", "PROFILE_UPDATE", null, new JsonObject().put("monthlyIncome", 1_000_000));
    assertThat(incomeStability("ot-income")).isEqualTo(0.5f);
    review("ot-income");
    assertThat(incomeStability("ot-income")).isEqualTo(0.5f);
  }

  private static float incomeStability(String accountId) {
    // Postgres arrays count from 1: feature ordinal + 1.
    return gateway.sql("SELECT features[" + (com.creditgate.scoring.feature.Feature.INCOME_STABILITY.ordinal() + 1)
        + "] AS v FROM accounts WHERE account_id = $1", accountId).iterator().next().getFloat("v");
  }

  private static void create(String accountId, JsonObject profile) {
    assertThat(gateway.put("/v1/accounts/" + accountId, profile).statusCode()).isEqualTo(201);
  }

  private static JsonObject event(String accountId, String type, Long amount, JsonObject attributes) {
    JsonObject body = new JsonObject().put("eventId", "e-" + ++eventNumber).put("type", type)
        .put("occurredAt", CLOCK.instant().toString());
    if (amount != null) {
      body.put("amount", amount);
    }
    if (attributes != null) {
      body.put("attributes", attributes);
    }
    var response = gateway.post("/v1/accounts/" + accountId + "/events", body);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject();
  }

  private static JsonObject review(String accountId) {
    var response = gateway.post("/v1/accounts/" + accountId + "/reviews", new JsonObject());
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject();
  }

  private static long limit(String accountId) {
    return gateway.get("/v1/accounts/" + accountId + "/credit").bodyAsJsonObject().getLong("creditLimit");
  }

  private static List<String> latestHistoryReasons(String accountId) {
    Row row = gateway.sql("SELECT reasons FROM limit_history WHERE account_id = $1 ORDER BY id DESC LIMIT 1",
        accountId).iterator().next();
    return List.of(row.getArrayOfStrings("reasons"));
  }
}
