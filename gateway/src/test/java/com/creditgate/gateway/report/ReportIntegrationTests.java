package com.creditgate.gateway.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.gateway.support.Accounts;
import com.creditgate.gateway.support.TestGateway;
import com.creditgate.gateway.support.TestServices;
import com.creditgate.gateway.support.TestVertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The account report and the limit calculator over real HTTP. */
class ReportIntegrationTests {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
  private static TestVertx testVertx;
  private static TestGateway gateway;

  @BeforeAll
  static void startGateway() {
    testVertx = TestVertx.create();
    gateway = TestGateway.start(testVertx.vertx(), TestGateway.freshSettings(testVertx.vertx()), CLOCK);
  }

  @AfterAll
  static void stopGateway() {
    gateway.close();
    testVertx.close();
    testVertx.assertNeverBlocked();
  }

  private static JsonObject modestProfile() {
    return Accounts.goodProfile().put("creditScore", 560).put("assets", 0).put("monthlyIncome", 500_000)
        .put("accountOpenedAt", "2026-09-01T00:00:00Z");
  }

  @Test
  void reportListsModelFactorsWithImpactAndTips() {
    gateway.put("/v1/accounts/r-factors", modestProfile());
    JsonObject report = gateway.get("/v1/accounts/r-factors/report").bodyAsJsonObject();
    JsonArray factors = report.getJsonArray("factors");
    JsonObject model = factors.stream().map(JsonObject.class::cast)
        .filter(f -> "MODEL".equals(f.getString("source"))).findFirst().orElseThrow();
    assertThat(model.getString("code")).startsWith("R1");
    assertThat(model.getString("effect")).isEqualTo("LOWERS_SCORE");
    assertThat(model.getDouble("impact")).isPositive();
    assertThat(model.getString("feature")).isNotBlank();
    assertThat(model.getString("tip")).isNotBlank();
    assertThat(report.getJsonArray("tips")).isNotEmpty();
    assertThat(report.getLong("creditLimit")).isEqualTo(
        gateway.get("/v1/accounts/r-factors/credit").bodyAsJsonObject().getLong("creditLimit"));
  }

  @Test
  void reportFollowsAcceptLanguage() {
    gateway.put("/v1/accounts/r-zh", modestProfile());
    JsonObject english = gateway.get("/v1/accounts/r-zh/report").bodyAsJsonObject();
    JsonObject chinese = TestServices.await(gateway.request(HttpMethod.GET, "/v1/accounts/r-zh/report")
        .putHeader("Accept-Language", "zh-CN").send()).bodyAsJsonObject();
    String englishTip = english.getJsonArray("tips").getJsonObject(0).getString("tip");
    String chineseTip = chinese.getJsonArray("tips").getJsonObject(0).getString("tip");
    assertThat(chineseTip).isNotEqualTo(englishTip);
    assertThat(chineseTip.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
        .isTrue();
  }

  @Test
  void reportOfUnknownAccountIsNotFound() {
    assertThat(gateway.get("/v1/accounts/r-nobody/report").statusCode()).isEqualTo(404);
  }

  @Test
  void simulateAnswersTheLimitAndChangesNothing() {
    gateway.put("/v1/accounts/r-sim", modestProfile());
    JsonObject before = gateway.get("/v1/accounts/r-sim/credit").bodyAsJsonObject();
    HttpResponse<Buffer> answer = gateway.post("/v1/accounts/r-sim/simulate", new JsonObject()
        .put("changes", new JsonObject().put("creditScore", 900).put("monthlyIncome", 3_000_000)
            .put("onTimeRepayments12m", 12).put("onTimeRatio12m", 1.0)));
    assertThat(answer.statusCode()).isEqualTo(200);
    JsonObject simulated = answer.bodyAsJsonObject();
    assertThat(simulated.getLong("creditLimit")).isGreaterThan(before.getLong("creditLimit"));
    assertThat(simulated.getLong("delta"))
        .isEqualTo(simulated.getLong("creditLimit") - simulated.getLong("baselineCreditLimit"));
    assertThat(simulated.getLong("available")).isEqualTo(simulated.getLong("creditLimit"));
    assertThat(simulated.getString("tier")).isNotBlank();
    assertThat(simulated.getJsonArray("reasons")).isNotNull();
    JsonObject after = gateway.get("/v1/accounts/r-sim/credit").bodyAsJsonObject();
    assertThat(after).isEqualTo(before);
  }

  @Test
  void simulatedOverdueFreezesTheLine() {
    gateway.put("/v1/accounts/r-dpd", Accounts.goodProfile());
    JsonObject simulated = gateway.post("/v1/accounts/r-dpd/simulate",
        new JsonObject().put("changes", new JsonObject().put("currentDpd", 45))).bodyAsJsonObject();
    assertThat(simulated.getString("status")).isEqualTo("FROZEN");
    assertThat(simulated.getLong("delta")).isNotPositive();
    assertThat(gateway.get("/v1/accounts/r-dpd/credit").bodyAsJsonObject().getString("status")).isEqualTo("ACTIVE");
  }

  @Test
  void reportAndSimulationOfACutLineDoNotCutItAgain() {
    String accountId = "r-churned";
    gateway.put("/v1/accounts/" + accountId, Accounts.goodProfile());
    for (int cycle = 0; cycle < 4; cycle++) {
      event(accountId, "DRAW", 100_000);
      event(accountId, "REPAYMENT", 100_000);
    }
    JsonObject credit = gateway.get("/v1/accounts/" + accountId + "/credit").bodyAsJsonObject();
    long current = credit.getLong("creditLimit");
    long earned = gateway.sql("SELECT earned_limit_minor FROM accounts WHERE account_id = $1", accountId)
        .iterator().next().getLong("earned_limit_minor");
    assertThat(current).as("the churn cut is in force").isLessThan(earned);

    JsonObject report = gateway.get("/v1/accounts/" + accountId + "/report").bodyAsJsonObject();
    assertThat(report.getLong("reviewedCreditLimit")).isEqualTo(current);
    JsonObject simulated = gateway.post("/v1/accounts/" + accountId + "/simulate",
        new JsonObject().put("changes", new JsonObject())).bodyAsJsonObject();
    assertThat(simulated.getLong("creditLimit")).isEqualTo(current);
    assertThat(simulated.getLong("delta")).isZero();
    assertThat(gateway.get("/v1/accounts/" + accountId + "/credit").bodyAsJsonObject()).isEqualTo(credit);
  }

  private static int eventNumber;

  private static void event(String accountId, String type, long amountMinor) {
    JsonObject body = new JsonObject().put("eventId", "r-e-" + ++eventNumber).put("type", type)
        .put("amount", amountMinor).put("occurredAt", CLOCK.instant().toString());
    HttpResponse<Buffer> response = gateway.post("/v1/accounts/" + accountId + "/events", body);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
  }

  @Test
  void unknownFeatureIsBadRequestNamingIt() {
    gateway.put("/v1/accounts/r-unknown", Accounts.goodProfile());
    HttpResponse<Buffer> answer = gateway.post("/v1/accounts/r-unknown/simulate",
        new JsonObject().put("changes", new JsonObject().put("luckyNumber", 7)));
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.bodyAsJsonObject().getString("field")).isEqualTo("/changes/luckyNumber");
  }

  @Test
  void outOfRangeProfileChangeIsBadRequestNamingIt() {
    gateway.put("/v1/accounts/r-range", Accounts.goodProfile());
    HttpResponse<Buffer> answer = gateway.post("/v1/accounts/r-range/simulate",
        new JsonObject().put("changes", new JsonObject().put("creditScore", 2_000)));
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.bodyAsJsonObject().getString("field")).isEqualTo("/changes/creditScore");
  }

  @Test
  void missingChangesIsBadRequest() {
    HttpResponse<Buffer> answer = gateway.post("/v1/accounts/r-range/simulate", new JsonObject());
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.bodyAsJsonObject().getString("field")).isEqualTo("/changes");
  }

  @Test
  void reportWithoutAClientKeyIsUnauthorized() {
    HttpResponse<Buffer> answer = TestServices.await(gateway.client().get("/v1/accounts/r-factors/report").send());
    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
  }

  @Test
  void simulateWithAWrongKeyIsUnauthorized() {
    HttpResponse<Buffer> answer = TestServices.await(gateway.client().post("/v1/accounts/r-sim/simulate")
        .putHeader("Authorization", "Bearer not-a-key")
        .sendJsonObject(new JsonObject().put("changes", new JsonObject())));
    assertThat(answer.statusCode()).isEqualTo(401);
  }
}
