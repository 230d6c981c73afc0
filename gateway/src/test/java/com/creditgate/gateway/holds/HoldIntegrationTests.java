package com.creditgate.gateway.holds;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.gateway.support.MutableClock;
import com.creditgate.gateway.support.TestGateway;
import com.creditgate.gateway.support.TestServices;
import com.creditgate.gateway.support.TestVertx;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Row;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Holds over real HTTP on real Postgres and Redis: atomic reservation, capture, release, expiry, idempotency. */
class HoldIntegrationTests {
  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
  private static Vertx vertx;
  private static TestGateway gateway;

  @BeforeAll
  static void startGateway() {
    vertx = TestVertx.loopLimited();
    Map<String, String> settings = TestGateway.freshSettings(vertx);
    settings.put("HOLD_SWEEP_INTERVAL_MILLIS", "50");
    // These tests are about races and money, not deadlines (PostgresStallIntegrationTests): 300 holds queue on one
    // row lock, and on a loaded box the last of them would otherwise pass the 2 s default and answer 503.
    settings.put("MONEY_WRITE_DEADLINE_MILLIS", "20000");
    gateway = TestGateway.start(vertx, settings, CLOCK);
  }

  @AfterAll
  static void stopGateway() {
    gateway.close();
    TestServices.await(vertx.close());
  }

  private static long createAccount(String accountId) {
    JsonObject profile = new JsonObject().put("region", "310000").put("occupation", "ENGINEER")
        .put("monthlyIncome", 2_000_000).put("creditScore", 760).put("segment", "MASS").put("assets", 5_000_000)
        .put("accountOpenedAt", "2022-01-15T00:00:00Z");
    HttpResponse<Buffer> created = gateway.put("/v1/accounts/" + accountId, profile);
    assertThat(created.statusCode()).isEqualTo(201);
    long available = created.bodyAsJsonObject().getLong("available");
    assertThat(available).isPositive();
    return available;
  }

  private static JsonObject hold(String accountId, long amount) {
    return new JsonObject().put("accountId", accountId).put("amount", amount).put("ttlSeconds", 600);
  }

  private static JsonObject credit(String accountId) {
    return gateway.get("/v1/accounts/" + accountId + "/credit").bodyAsJsonObject();
  }

  @Test
  void concurrentHoldsOnOneAccountNeverTogetherExceedAvailableCredit() {
    long available = createAccount("hold-race");
    int fit = 7;
    long amount = available / fit;
    List<Future<HttpResponse<Buffer>>> attempts = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      attempts.add(gateway.request(HttpMethod.POST, "/v1/holds").sendJsonObject(hold("hold-race", amount)));
    }
    TestServices.await(Future.join(attempts));
    long approved = attempts.stream().filter(f -> f.result().statusCode() == 201).count();
    long declined = attempts.stream().filter(f -> f.result().statusCode() == 409).count();
    assertThat(approved).isEqualTo(fit);
    assertThat(declined).isEqualTo(300 - fit);
    JsonObject decline = attempts.stream().map(Future::result).filter(r -> r.statusCode() == 409).findFirst()
        .orElseThrow().bodyAsJsonObject();
    assertThat(decline.getString("code")).isEqualTo("hold-declined");
    assertThat(decline.getJsonArray("reasons").getJsonObject(0).getString("code")).isEqualTo("D201");

    Row row = gateway.sql("SELECT held_minor, credit_limit_minor - outstanding_minor - held_minor AS available "
        + "FROM accounts WHERE account_id = $1", "hold-race").iterator().next();
    assertThat(row.getLong("held_minor")).isEqualTo(fit * amount);
    assertThat(row.getLong("available")).isGreaterThanOrEqualTo(0).isEqualTo(available - fit * amount);
    assertThat(credit("hold-race").getLong("held")).isEqualTo(fit * amount);
  }

  @Test
  void partialCaptureDrawsTheCapturedAmountAndReleasesTheRest() {
    long available = createAccount("hold-capture");
    String holdId = gateway.post("/v1/holds", hold("hold-capture", 100_000)).bodyAsJsonObject().getString("holdId");
    HttpResponse<Buffer> captured = gateway.post("/v1/holds/" + holdId + "/capture", new JsonObject().put("amount", 60_000));
    assertThat(captured.statusCode()).isEqualTo(200);
    assertThat(captured.bodyAsJsonObject().getLong("released")).isEqualTo(40_000);
    JsonObject credit = credit("hold-capture");
    assertThat(credit.getLong("outstanding")).isEqualTo(60_000);
    assertThat(credit.getLong("held")).isZero();
    assertThat(credit.getLong("available")).isEqualTo(available - 60_000);

    HttpResponse<Buffer> again = gateway.post("/v1/holds/" + holdId + "/capture", new JsonObject().put("amount", 1));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.bodyAsJsonObject().getString("code")).isEqualTo("hold-not-active");
    assertThat(credit("hold-capture").getLong("outstanding")).isEqualTo(60_000);
  }

  @Test
  void captureCannotExceedTheHold() {
    createAccount("hold-over");
    String holdId = gateway.post("/v1/holds", hold("hold-over", 1_000)).bodyAsJsonObject().getString("holdId");
    HttpResponse<Buffer> over = gateway.post("/v1/holds/" + holdId + "/capture", new JsonObject().put("amount", 1_001));
    assertThat(over.statusCode()).isEqualTo(400);
    assertThat(over.bodyAsJsonObject().getString("field")).isEqualTo("/amount");
  }

  @Test
  void releaseGivesTheCreditBackOnceAndBlocksCapture() {
    long available = createAccount("hold-release");
    String holdId = gateway.post("/v1/holds", hold("hold-release", 50_000)).bodyAsJsonObject().getString("holdId");
    assertThat(credit("hold-release").getLong("available")).isEqualTo(available - 50_000);
    HttpResponse<Buffer> released = gateway.delete("/v1/holds/" + holdId);
    assertThat(released.statusCode()).isEqualTo(200);
    assertThat(released.bodyAsJsonObject().getString("status")).isEqualTo("RELEASED");
    assertThat(gateway.delete("/v1/holds/" + holdId).statusCode()).isEqualTo(200);
    assertThat(credit("hold-release").getLong("available")).isEqualTo(available);
    assertThat(gateway.post("/v1/holds/" + holdId + "/capture", new JsonObject()).statusCode()).isEqualTo(409);
  }

  @Test
  void expiredHoldsReleaseThemselves() {
    long available = createAccount("hold-expiry");
    JsonObject request = hold("hold-expiry", 70_000).put("ttlSeconds", 30);
    String holdId = gateway.post("/v1/holds", request).bodyAsJsonObject().getString("holdId");
    CLOCK.advance(Duration.ofSeconds(31));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (credit("hold-expiry").getLong("held") != 0 && System.nanoTime() < deadline) {
      TestServices.await(Future.future(p -> vertx.setTimer(50, id -> p.complete())));
    }
    assertThat(credit("hold-expiry").getLong("available")).isEqualTo(available);
    HttpResponse<Buffer> hold = gateway.get("/v1/holds/" + holdId);
    assertThat(hold.bodyAsJsonObject().getString("status")).isEqualTo("EXPIRED");
    assertThat(gateway.post("/v1/holds/" + holdId + "/capture", new JsonObject()).statusCode()).isEqualTo(409);
  }

  @Test
  void idempotencyKeyReplaysTheFirstAnswerAndHoldsOnce() {
    long available = createAccount("hold-idem");
    HttpResponse<Buffer> first = TestServices.await(gateway.request(HttpMethod.POST, "/v1/holds")
        .putHeader("Idempotency-Key", "order-42").sendJsonObject(hold("hold-idem", 10_000)));
    HttpResponse<Buffer> replay = TestServices.await(gateway.request(HttpMethod.POST, "/v1/holds")
        .putHeader("Idempotency-Key", "order-42").sendJsonObject(hold("hold-idem", 10_000)));
    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(replay.statusCode()).isEqualTo(201);
    assertThat(replay.getHeader("Idempotent-Replayed")).isEqualTo("true");
    assertThat(replay.bodyAsJsonObject().getString("holdId")).isEqualTo(first.bodyAsJsonObject().getString("holdId"));
    assertThat(credit("hold-idem").getLong("available")).isEqualTo(available - 10_000);

    HttpResponse<Buffer> clash = TestServices.await(gateway.request(HttpMethod.POST, "/v1/holds")
        .putHeader("Idempotency-Key", "order-42").sendJsonObject(hold("hold-idem", 20_000)));
    assertThat(clash.statusCode()).isEqualTo(422);
    assertThat(clash.bodyAsJsonObject().getString("code")).isEqualTo("idempotency-key-reused");
  }

  @Test
  void holdOnUnknownAccountIs404AndBadInputIs400() {
    assertThat(gateway.post("/v1/holds", hold("nobody-here", 100)).statusCode()).isEqualTo(404);
    HttpResponse<Buffer> bad = gateway.post("/v1/holds", new JsonObject().put("accountId", "x").put("amount", -5));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.bodyAsJsonObject().getString("field")).isEqualTo("/amount");
    assertThat(gateway.get("/v1/holds/hld_missing").statusCode()).isEqualTo(404);
  }

  @Test
  void aHoldThatDoesNotFitRacingAReleaseIsPlacedOrDeclinedWithAReasonNeverA500() {
    long available = createAccount("hold-decline-race");
    List<String> unexpected = new ArrayList<>();
    for (int round = 0; round < 100; round++) {
      String first = gateway.post("/v1/holds", hold("hold-decline-race", available)).bodyAsJsonObject()
          .getString("holdId");
      Future<HttpResponse<Buffer>> release = gateway.request(HttpMethod.DELETE, "/v1/holds/" + first).send();
      Future<HttpResponse<Buffer>> second = gateway.request(HttpMethod.POST, "/v1/holds")
          .sendJsonObject(hold("hold-decline-race", available));
      TestServices.await(Future.join(release, second));
      assertThat(release.result().statusCode()).isEqualTo(200);
      HttpResponse<Buffer> answer = second.result();
      if (answer.statusCode() == 201) {
        assertThat(gateway.delete("/v1/holds/" + answer.bodyAsJsonObject().getString("holdId")).statusCode())
            .isEqualTo(200);
      } else if (answer.statusCode() != 409 || !answer.bodyAsJsonObject().getJsonArray("reasons")
          .getJsonObject(0).getString("code").equals("D201")) {
        unexpected.add(answer.statusCode() + " " + answer.bodyAsString());
      }
    }
    assertThat(unexpected).as("answers other than 201 or 409 D201").isEmpty();
    assertThat(credit("hold-decline-race").getLong("held")).isZero();
  }

  @Test
  void captureWithoutABodyCapturesTheWholeHold() {
    long available = createAccount("hold-capture-nobody");
    String holdId = gateway.post("/v1/holds", hold("hold-capture-nobody", available / 2)).bodyAsJsonObject()
        .getString("holdId");
    HttpResponse<Buffer> captured = TestServices.await(gateway.request(HttpMethod.POST,
        "/v1/holds/" + holdId + "/capture").send());
    assertThat(captured.statusCode()).as(captured.bodyAsString()).isEqualTo(200);
    assertThat(captured.bodyAsJsonObject().getLong("captured")).isEqualTo(available / 2);
    assertThat(credit("hold-capture-nobody").getLong("outstanding")).isEqualTo(available / 2);
  }
}
