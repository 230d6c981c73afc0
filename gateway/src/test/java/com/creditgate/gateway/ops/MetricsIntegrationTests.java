package com.creditgate.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.gateway.support.Accounts;
import com.creditgate.gateway.support.Scrape;
import com.creditgate.gateway.support.TestGateway;
import com.creditgate.gateway.support.TestServices;
import com.creditgate.gateway.support.TestVertx;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /metrics} over real HTTP: what each storage level answered, decisions, latency by route template. */
class MetricsIntegrationTests {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
  private static TestVertx testVertx;
  private static Vertx vertx;
  private static TestGateway gateway;

  @BeforeAll
  static void startGateway() {
    testVertx = TestVertx.create();
    vertx = testVertx.vertx();
    gateway = TestGateway.start(vertx, TestGateway.freshSettings(vertx), CLOCK);
  }

  @AfterAll
  static void stopGateway() {
    gateway.close();
    testVertx.close();
    testVertx.assertNeverBlocked();
  }

  @Test
  void readinessListsEachDependencyAndItsBreaker() {
    HttpResponse<Buffer> answer = TestServices.await(gateway.client().get("/health/ready").send());
    assertThat(answer.statusCode()).isEqualTo(200);
    JsonObject body = answer.bodyAsJsonObject();
    assertThat(body.getString("status")).isEqualTo("UP");
    assertThat(body.getJsonObject("checks").getMap()).containsEntry("postgres", "UP").containsEntry("redis", "UP")
        .containsEntry("model", "UP");
    assertThat(body.getJsonObject("breakers").getMap()).containsEntry("postgres", "CLOSED")
        .containsEntry("redis", "CLOSED");
  }

  @Test
  void metricsArePrometheusTextWithoutAuthentication() {
    HttpResponse<Buffer> answer = TestServices.await(gateway.client().get("/metrics").send());
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.getHeader("Content-Type")).startsWith("text/plain");
    assertThat(answer.bodyAsString()).contains("creditgate_http_inflight_requests ")
        .contains("creditgate_dependency_up{dependency=\"redis\"} 1")
        .contains("creditgate_dependency_up{dependency=\"postgres\"} 1")
        .contains("jvm_memory_used_bytes");
  }

  @Test
  void secondReadOfAnAccountIsAnL1Hit() {
    gateway.put("/v1/accounts/m-l1", Accounts.goodProfile());
    Scrape before = Scrape.of(gateway);
    gateway.post("/v1/limit-checks", Accounts.check("m-l1", 100));
    Scrape after = Scrape.of(gateway);
    assertThat(after.lookups("l1", "hit") - before.lookups("l1", "hit")).isEqualTo(1);
    assertThat(after.lookups("postgres", "hit") - before.lookups("postgres", "hit")).isZero();
  }

  @Test
  void l1MissIsAnsweredByRedis() {
    gateway.put("/v1/accounts/m-l2", Accounts.goodProfile());
    gateway.gateway().services().l1().invalidateAll();
    Scrape before = Scrape.of(gateway);
    assertThat(gateway.post("/v1/limit-checks", Accounts.check("m-l2", 100)).statusCode()).isEqualTo(200);
    Scrape after = Scrape.of(gateway);
    assertThat(after.lookups("redis", "hit") - before.lookups("redis", "hit")).isEqualTo(1);
    assertThat(after.lookups("postgres", "hit") - before.lookups("postgres", "hit")).isZero();
  }

  @Test
  void concurrentMissesForOneAccountCoalesceIntoOnePostgresRead() {
    gateway.put("/v1/accounts/m-pg", Accounts.goodProfile());
    evictEverywhere("m-pg");
    Scrape before = Scrape.of(gateway);
    List<Future<HttpResponse<Buffer>>> answers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      answers.add(gateway.request(HttpMethod.POST, "/v1/limit-checks").sendJsonObject(Accounts.check("m-pg", 100)));
    }
    TestServices.await(Future.all(answers));
    answers.forEach(answer -> assertThat(answer.result().statusCode()).isEqualTo(200));
    Scrape after = Scrape.of(gateway);
    assertThat(after.lookups("redis", "miss") - before.lookups("redis", "miss")).isEqualTo(1);
    assertThat(after.lookups("postgres", "hit") - before.lookups("postgres", "hit")).isEqualTo(1);
    double l1 = (after.lookups("l1", "hit") - before.lookups("l1", "hit"))
        + (after.lookups("l1", "miss") - before.lookups("l1", "miss"))
        + (after.lookups("l1", "coalesced") - before.lookups("l1", "coalesced"));
    assertThat(l1).isEqualTo(20);
    assertThat(after.lookups("l1", "miss") - before.lookups("l1", "miss")).isEqualTo(1);
  }

  @Test
  void unknownAccountIsCountedAsAPostgresMiss() {
    Scrape before = Scrape.of(gateway);
    assertThat(gateway.post("/v1/limit-checks", Accounts.check("m-nobody", 100)).statusCode()).isEqualTo(404);
    Scrape after = Scrape.of(gateway);
    assertThat(after.lookups("postgres", "miss") - before.lookups("postgres", "miss")).isEqualTo(1);
  }

  @Test
  void decisionsAreCountedByDecision() {
    long limit = gateway.put("/v1/accounts/m-dec", Accounts.goodProfile()).bodyAsJsonObject().getLong("creditLimit");
    Scrape before = Scrape.of(gateway);
    gateway.post("/v1/limit-checks", Accounts.check("m-dec", limit + 1));
    Scrape after = Scrape.of(gateway);
    Map<String, String> decline = Map.of("decision", "DECLINE");
    assertThat(after.value("creditgate_limit_checks_total", decline)
        - before.value("creditgate_limit_checks_total", decline)).isEqualTo(1);
  }

  @Test
  void limitCheckLatencyIsRecordedPerDecision() {
    long limit = gateway.put("/v1/accounts/m-lat", Accounts.goodProfile()).bodyAsJsonObject().getLong("creditLimit");
    Scrape before = Scrape.of(gateway);
    gateway.post("/v1/limit-checks", Accounts.check("m-lat", 100));
    gateway.post("/v1/limit-checks", Accounts.check("m-lat", limit + 1));
    Scrape after = Scrape.of(gateway);
    for (String decision : new String[] {"APPROVE", "DECLINE"}) {
      Map<String, String> tags = Map.of("decision", decision);
      assertThat(after.value("creditgate_limit_check_duration_seconds_count", tags)
          - before.value("creditgate_limit_check_duration_seconds_count", tags)).isEqualTo(1);
    }
    assertThat(after.text()).contains("creditgate_limit_check_duration_seconds_bucket{decision=\"REVIEW\"");
  }

  @Test
  void latencyIsRecordedUnderTheRouteTemplateAndStatusClass() {
    gateway.put("/v1/accounts/m-route", Accounts.goodProfile());
    gateway.get("/v1/accounts/m-route/credit");
    gateway.get("/v1/accounts/m-route-nobody/credit");
    Scrape scrape = Scrape.of(gateway);
    assertThat(scrape.value("creditgate_http_server_requests_seconds_count",
        Map.of("route", "/v1/accounts/:accountId/credit", "status", "2xx"))).isGreaterThanOrEqualTo(1);
    assertThat(scrape.value("creditgate_http_server_requests_seconds_count",
        Map.of("route", "/v1/accounts/:accountId/credit", "status", "4xx"))).isGreaterThanOrEqualTo(1);
    assertThat(scrape.text()).doesNotContain("m-route").contains("creditgate_http_server_requests_seconds_bucket");
  }

  private static void evictEverywhere(String accountId) {
    Redis redis = Redis.createClient(vertx, TestServices.redisUrl());
    TestServices.await(redis.send(Request.cmd(Command.DEL)
        .arg(gateway.settings().get("REDIS_KEY_PREFIX") + "acct:" + accountId)).eventually(redis::close));
    gateway.gateway().services().l1().invalidateAll();
  }
}
