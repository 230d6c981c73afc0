package com.creditgate.gateway.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.gateway.BatchReviewCommand;
import com.creditgate.gateway.config.ConfigLoader;
import com.creditgate.gateway.support.TestGateway;
import com.creditgate.gateway.support.TestServices;
import com.creditgate.gateway.support.TestVertx;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The batch review with two gateway instances and the CronJob command, on real Postgres and Redis. */
class BatchReviewIntegrationTests {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
  private static final int ACCOUNTS = 12;
  private static Vertx vertx;
  private static Map<String, String> settings;
  private static TestGateway first;
  private static TestGateway second;

  @BeforeAll
  static void startGateways() {
    vertx = TestVertx.loopLimited();
    settings = TestGateway.freshSettings(vertx);
    first = TestGateway.start(vertx, settings, CLOCK);
    second = TestGateway.start(vertx, settings, CLOCK);
    for (int i = 0; i < ACCOUNTS; i++) {
      JsonObject profile = new JsonObject().put("region", "310000").put("occupation", "ENGINEER")
          .put("monthlyIncome", 1_000_000 + i * 100_000).put("creditScore", 700).put("segment", "MASS")
          .put("accountOpenedAt", "2023-01-15T00:00:00Z");
      assertThat(first.put("/v1/accounts/batch-" + i, profile).statusCode()).isEqualTo(201);
    }
  }

  @AfterAll
  static void stopGateways() {
    second.close();
    first.close();
    TestServices.await(vertx.close());
  }

  private static Future<HttpResponse<Buffer>> trigger(TestGateway gateway, String runKey) {
    return gateway.client().request(HttpMethod.POST, "/admin/batch-reviews")
        .putHeader("Authorization", "Bearer " + TestGateway.ADMIN_TOKEN)
        .sendJsonObject(new JsonObject().put("runKey", runKey));
  }

  @Test
  void batchTriggeredOnTwoInstancesReviewsEveryAccountOnce() {
    Future<HttpResponse<Buffer>> a = trigger(first, "day-1");
    Future<HttpResponse<Buffer>> b = trigger(second, "day-1");
    TestServices.await(Future.join(a, b));
    JsonObject ra = a.result().bodyAsJsonObject();
    JsonObject rb = b.result().bodyAsJsonObject();
    assertThat(ra.getBoolean("ran") ^ rb.getBoolean("ran")).as("exactly one ran: %s %s", ra, rb).isTrue();
    JsonObject ran = ra.getBoolean("ran") ? ra : rb;
    assertThat(ran.getLong("accountsReviewed")).isEqualTo(ACCOUNTS);
    assertThat(TestServices.await(trigger(second, "day-1")).bodyAsJsonObject().getBoolean("ran")).isFalse();
    assertThat(first.sql("SELECT count(*) AS n FROM review_runs WHERE run_key = $1", "day-1").iterator().next()
        .getLong("n")).isEqualTo(1);
    assertThat(first.sql("SELECT count(*) AS n FROM accounts WHERE last_reviewed_at IS NOT NULL").iterator().next()
        .getLong("n")).isEqualTo(ACCOUNTS);
  }

  @Test
  void cronJobCommandRunsTheBatch() {
    JsonObject summary = TestServices.await(BatchReviewCommand.run(vertx, ConfigLoader.load(settings), CLOCK, "cron-1"));
    assertThat(summary.getBoolean("ran")).isTrue();
    assertThat(summary.getLong("accountsReviewed")).isEqualTo(ACCOUNTS);
  }
}
