package com.creditgate.gateway.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.common.account.AccountProfile;
import com.creditgate.common.account.AccountStatus;
import com.creditgate.common.account.CreditState;
import com.creditgate.gateway.store.AccountRecord;
import com.creditgate.gateway.support.TestServices;
import com.creditgate.scoring.feature.FeatureSchema;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The L2 cache on a real Redis: refreshes that finish out of order never leave the older record behind. */
class RedisAccountCacheIntegrationTests {
  private static Vertx vertx;
  private static Redis redis;
  private static RedisAccountCache cache;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    redis = Redis.createClient(vertx, TestServices.redisUrl());
    cache = new RedisAccountCache(redis, TestServices.freshRedisPrefix(), 60, 2_000);
  }

  @AfterAll
  static void stop() {
    redis.close();
    TestServices.await(vertx.close());
  }

  private static AccountRecord record(String accountId, long version, long heldMinor) {
    AccountProfile profile = new AccountProfile("310000", "ENGINEER", 2_000_000, 760, "MASS", 0,
        Instant.parse("2022-01-15T00:00:00Z"));
    CreditState state = new CreditState(1_000_000, 0, heldMinor, AccountStatus.ACTIVE, "B", true, List.of(), version);
    return new AccountRecord(accountId, profile, state, FeatureSchema.missingVector());
  }

  @Test
  void olderVersionWrittenLateDoesNotOverwriteANewerOne() {
    TestServices.await(cache.put(record("l2-order", 6, 500)));
    TestServices.await(cache.put(record("l2-order", 5, 0)));
    AccountRecord cached = TestServices.await(cache.get("l2-order"));
    assertThat(cached.state().version()).isEqualTo(6);
    assertThat(cached.state().heldMinor()).isEqualTo(500);

    TestServices.await(cache.put(record("l2-order", 7, 200)));
    assertThat(TestServices.await(cache.get("l2-order")).state().heldMinor()).isEqualTo(200);
  }
}
