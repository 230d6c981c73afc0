package com.creditgate.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.gateway.support.LocalRedisCluster;
import com.creditgate.gateway.support.TestRedis;
import com.creditgate.gateway.support.TestGateway;
import com.creditgate.gateway.support.TestServices;
import com.creditgate.gateway.support.TestVertx;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** REDIS_MODE=cluster against a real local three-master Redis Cluster: L2 reads and writes, invalidation. */
class RedisClusterIntegrationTests {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
  private static final boolean REDIS_CLI = TestRedis.onPath("redis-cli");
  private static final String NO_REDIS_CLI = "redis-cli is not on the PATH: it creates the cluster (the"
      + " embedded-redis jar bundles only redis-server); these tests are skipped, not passed";
  private static LocalRedisCluster cluster;
  private static Vertx vertx;
  private static TestGateway first;
  private static TestGateway second;
  private static Map<String, String> settings;

  @BeforeAll
  static void start() throws Exception {
    if (!REDIS_CLI) {
      System.err.println("[RedisClusterIntegrationTests] SKIPPED: " + NO_REDIS_CLI);
      return;
    }
    cluster = LocalRedisCluster.start();
    vertx = TestVertx.loopLimited();
    settings = TestGateway.freshSettings(vertx);
    settings.put("REDIS_MODE", "cluster");
    settings.put("REDIS_URL", cluster.urls());
    settings.put("L1_TTL_MILLIS", "600000");
    first = TestGateway.start(vertx, settings, CLOCK);
    second = TestGateway.start(vertx, settings, CLOCK);
  }

  /** Each test, not only the class, is reported as skipped, so the skip shows in the build's counts. */
  @BeforeEach
  void needsRedisCli() {
    Assumptions.assumeTrue(REDIS_CLI, NO_REDIS_CLI);
  }

  @AfterAll
  static void stop() {
    if (second != null) {
      second.close();
    }
    if (first != null) {
      first.close();
    }
    if (vertx != null) {
      TestServices.await(vertx.close());
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  private static JsonObject profile(long income) {
    return new JsonObject().put("region", "310000").put("occupation", "ENGINEER").put("monthlyIncome", income)
        .put("creditScore", 760).put("segment", "MASS").put("accountOpenedAt", "2022-01-15T00:00:00Z");
  }

  @Test
  void accountsAreCachedAcrossTheClusterSlots() {
    Redis redis = Redis.createClient(vertx, new RedisOptions().setType(RedisClientType.CLUSTER)
        .setConnectionString(cluster.urls().split(",")[0]));
    try {
      for (int i = 0; i < 20; i++) {
        assertThat(first.put("/v1/accounts/cluster-" + i, profile(1_000_000)).statusCode()).isEqualTo(201);
      }
      int cached = 0;
      for (int i = 0; i < 20; i++) {
        cached += TestServices.await(redis.send(Request.cmd(Command.EXISTS)
            .arg(settings.get("REDIS_KEY_PREFIX") + "acct:cluster-" + i))).toInteger();
      }
      assertThat(cached).isEqualTo(20);
      assertThat(second.post("/v1/limit-checks", new JsonObject().put("accountId", "cluster-7").put("amount", 100))
          .bodyAsJsonObject().getString("decision")).isEqualTo("APPROVE");
    } finally {
      redis.close();
    }
  }

  @Test
  void changeOnOneReplicaDropsTheOthersL1() {
    assertThat(first.put("/v1/accounts/cluster-inv", profile(2_000_000)).statusCode()).isEqualTo(201);
    long before = second.get("/v1/accounts/cluster-inv/credit").bodyAsJsonObject().getLong("creditLimit");
    assertThat(first.put("/v1/accounts/cluster-inv", profile(500_000)).statusCode()).isEqualTo(200);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    long seen = before;
    while (seen == before && System.nanoTime() < deadline) {
      TestServices.await(Future.future(p -> vertx.setTimer(25, id -> p.complete())));
      seen = second.get("/v1/accounts/cluster-inv/credit").bodyAsJsonObject().getLong("creditLimit");
    }
    assertThat(seen).isLessThan(before);
  }
}
