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
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SPEC 2.5: a borderline limit-check is answered REVIEW once a policy configures the review margin. */
class ReviewDecisionIntegrationTests {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
  private static Vertx vertx;
  private static TestGateway gateway;

  @BeforeAll
  static void start() {
    vertx = TestVertx.loopLimited();
    gateway = TestGateway.start(vertx, TestGateway.freshSettings(vertx), CLOCK);
    JsonObject profile = new JsonObject().put("region", "310000").put("occupation", "ENGINEER")
        .put("monthlyIncome", 2_000_000).put("creditScore", 760).put("segment", "MASS")
        .put("accountOpenedAt", "2022-01-15T00:00:00Z");
    assertThat(gateway.put("/v1/accounts/rev-1", profile).statusCode()).isEqualTo(201);
  }

  @AfterAll
  static void stop() {
    gateway.close();
    TestServices.await(vertx.close());
  }

  @Test
  void borderlineCheckIsReviewedOnlyWhileTheMarginCoversItsPd() {
    JsonObject before = check(100);
    assertThat(before.getString("decision")).isEqualTo("APPROVE");
    double pd = before.getDouble("pd");

    activate("p-review", new JsonObject().put("pdCutoff", 0.25).put("reviewPdMargin", 0.25 - pd / 2));
    JsonObject reviewed = check(100);
    assertThat(reviewed.getString("decision")).isEqualTo("REVIEW");
    assertThat(reviewed.getJsonArray("reasons").getJsonObject(0).getString("code")).isEqualTo("D205");
    assertThat(reviewed.getString("policyVersion")).isEqualTo("p-review");
    assertThat(check(reviewed.getLong("available") + 1).getString("decision")).isEqualTo("DECLINE");

    activate("p-no-review", new JsonObject().put("pdCutoff", 0.25).put("reviewPdMargin", 0.25 - pd * 2));
    assertThat(check(100).getString("decision")).isEqualTo("APPROVE");
  }

  private static JsonObject check(long amountMinor) {
    return gateway.post("/v1/limit-checks", new JsonObject().put("accountId", "rev-1").put("amount", amountMinor))
        .bodyAsJsonObject();
  }

  private static void activate(String version, JsonObject document) {
    HttpResponse<Buffer> published = TestServices.await(gateway.client().request(HttpMethod.PUT,
        "/admin/policies/" + version).putHeader("Authorization", "Bearer " + TestGateway.ADMIN_TOKEN)
        .sendJsonObject(document));
    assertThat(published.statusCode()).isEqualTo(201);
    HttpResponse<Buffer> activated = TestServices.await(gateway.client().request(HttpMethod.POST,
        "/admin/policies/" + version + "/activate").putHeader("Authorization", "Bearer " + TestGateway.ADMIN_TOKEN)
        .send());
    assertThat(activated.statusCode()).isEqualTo(200);
  }
}
