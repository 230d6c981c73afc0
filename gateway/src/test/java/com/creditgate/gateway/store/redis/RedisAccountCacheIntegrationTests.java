package com.creditgate.gateway.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.common.account.AccountProfile;
import com.creditgate.common.account.AccountStatus;
import com.creditgate.common.account.CreditState;
import com.creditgate.gateway.store.AccountRecord;
import com.creditgate.gateway.support.RedisProcess;
import com.creditgate.gateway.support.TestServices;
import com.creditgate.scoring.feature.FeatureSchema;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The L2 cache on a real Redis: refreshes that finish out of order never leave the older record behind; the refresh
 * script goes by its digest.
 */
class RedisAccountCacheIntegrationTests {
  private static Vertx vertx;
  private static Redis redis;
  private static RedisAccountCache cache;
  private static String prefix;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    redis = Redis.createClient(vertx, TestServices.redisUrl());
    prefix = TestServices.freshRedisPrefix();
    cache = new RedisAccountCache(redis, prefix, 60, 2_000);
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

  @Test
  void putAndAnnounceStoresUnlessNewerAndAnnouncesEveryVersion() throws Exception {
    List<String> heard = new CopyOnWriteArrayList<>();
    RedisConnection subscriber = TestServices.await(Redis.createClient(vertx, TestServices.redisUrl()).connect());
    try {
      subscriber.handler(message -> {
        if (message.size() == 3 && "message".equals(message.get(0).toString())) {
          heard.add(message.get(2).toString());
        }
      });
      TestServices.await(subscriber.send(Request.cmd(Command.SUBSCRIBE)
          .arg(RedisAccountCache.invalidationChannel(prefix))));

      TestServices.await(cache.putAndAnnounce(record("l2-announce", 3, 300)));
      TestServices.await(cache.putAndAnnounce(record("l2-announce", 2, 200)));
      // The late, older version 2 was not stored over version 3 ...
      assertThat(TestServices.await(cache.get("l2-announce")).state().heldMinor()).isEqualTo(300);
      TestServices.await(cache.putAndAnnounce(record("l2-announce", 4, 400)));
      AccountRecord cached = TestServices.await(cache.get("l2-announce"));
      assertThat(cached.state().version()).isEqualTo(4);
      assertThat(cached.state().heldMinor()).isEqualTo(400);

      // ... but every version was announced, in order: replicas drop whatever older entry they hold.
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (heard.size() < 3 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(heard).containsExactly(InvalidationMessage.encode("l2-announce", 3),
          InvalidationMessage.encode("l2-announce", 2), InvalidationMessage.encode("l2-announce", 4));
    } finally {
      subscriber.close();
    }
  }

  @Test
  void theScriptGoesByItsDigestAndWholeOnlyToARedisThatLacksIt() {
    // a server of its own: its command counters count this test only, and SCRIPT FLUSH touches no one else
    try (RedisProcess own = RedisProcess.start()) {
      Redis client = Redis.createClient(vertx, own.url());
      try {
        RedisAccountCache onOwn = new RedisAccountCache(client, prefix, 60, 2_000);
        TestServices.await(onOwn.putAndAnnounce(record("l2-sha", 1, 100)));
        TestServices.await(onOwn.put(record("l2-sha", 2, 200)));
        TestServices.await(onOwn.putAndAnnounce(record("l2-sha", 3, 300)));
        assertThat(calls(client, "eval")).as("the text once, to a server that did not have it").isEqualTo(1);
        assertThat(calls(client, "evalsha")).isGreaterThanOrEqualTo(3);

        TestServices.await(client.send(Request.cmd(Command.SCRIPT).arg("FLUSH")));
        TestServices.await(onOwn.put(record("l2-sha", 4, 400)));
        assertThat(calls(client, "eval")).as("again after the server lost its scripts").isEqualTo(2);
        AccountRecord cached = TestServices.await(onOwn.get("l2-sha"));
        assertThat(cached.state().version()).isEqualTo(4);
        assertThat(cached.state().heldMinor()).isEqualTo(400);
      } finally {
        client.close();
      }
    }
  }

  /** How many times {@code command} ran on the server of {@code client} ({@code INFO commandstats}). */
  private static long calls(Redis client, String command) {
    String stats = TestServices.await(client.send(Request.cmd(Command.INFO).arg("commandstats"))).toString();
    Matcher calls = Pattern.compile("cmdstat_" + command + ":calls=(\\d+)").matcher(stats);
    return calls.find() ? Long.parseLong(calls.group(1)) : 0;
  }
}
