package com.creditgate.gateway.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.gateway.support.Accounts;
import com.creditgate.gateway.support.MutableClock;
import com.creditgate.gateway.support.TestGateway;
import com.creditgate.gateway.support.TestServices;
import com.creditgate.gateway.support.TestVertx;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
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
 * A 365-day simulation (issue #13): a line granted and never drawn, reviewed by the daily batch under an
 * injected clock, moves only by dormancy decay (用即有,不用则降), at most the policy's maximum share.
 */
class YearOfBatchReviewsIntegrationTests {
  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
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

  @Test
  void aNeverDrawnLineDecaysOnlyByDormancyOverAYearOfDailyBatches() {
    assertThat(gateway.put("/v1/accounts/year-1", Accounts.goodProfile()).statusCode()).isEqualTo(201);
    long granted = gateway.get("/v1/accounts/year-1/credit").bodyAsJsonObject().getLong("creditLimit");
    List<Long> limits = new ArrayList<>();
    for (int day = 1; day <= 365; day++) {
      CLOCK.advance(Duration.ofDays(1));
      var run = TestServices.await(gateway.client().request(HttpMethod.POST, "/admin/batch-reviews")
          .putHeader("Authorization", "Bearer " + TestGateway.ADMIN_TOKEN)
          .sendJsonObject(new JsonObject().put("runKey", "day-" + day)));
      assertThat(run.bodyAsJsonObject().getBoolean("ran")).as(run.bodyAsString()).isTrue();
      limits.add(gateway.get("/v1/accounts/year-1/credit").bodyAsJsonObject().getLong("creditLimit"));
    }
    // Dormant after 180 days, then 10 % of the earned limit per started 90-day period: 3 periods by day 365.
    assertThat(limits.get(178)).isEqualTo(granted);
    assertThat(limits.get(179)).isEqualTo(granted * 9 / 10 / 10_000 * 10_000);
    assertThat(limits.get(364)).isEqualTo(granted * 7 / 10 / 10_000 * 10_000);
    assertThat(limits).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    List<String> moves = new ArrayList<>();
    for (Row row : gateway.sql("SELECT trigger, reasons FROM limit_history WHERE account_id = $1 ORDER BY id",
        "year-1")) {
      moves.add(row.getString("trigger") + " " + List.of(row.getArrayOfStrings("reasons")).contains("DORMANCY_DECAY"));
    }
    assertThat(moves).hasSize(4).element(0).asString().startsWith("CREATED");
    assertThat(moves.subList(1, 4)).allMatch(move -> move.endsWith("true"));
  }
}
