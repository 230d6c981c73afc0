package com.creditgate.gateway.store.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.common.account.AccountProfile;
import com.creditgate.common.account.AccountStatus;
import com.creditgate.common.account.CreditState;
import com.creditgate.gateway.ops.GatewayMetrics;
import com.creditgate.gateway.store.AccountRecord;
import com.creditgate.gateway.store.redis.RedisAccountCache;
import com.creditgate.gateway.support.RedisProcess;
import com.creditgate.gateway.support.TestServices;
import com.creditgate.gateway.support.TestVertx;
import com.creditgate.scoring.feature.FeatureSchema;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * L2 reads asked for in one turn of the event loop reach Redis as one MGET (or one per {@link
 * RedisReadBatch#MAX_KEYS}), and each read gets its own account back, or {@code null} when Redis has none. A
 * dedicated redis-server, so its command counts are this test's alone.
 */
class RedisReadBatchIntegrationTests {
  private static final Pattern MGET_CALLS = Pattern.compile("cmdstat_mget:calls=(\\d+)");
  private TestVertx testVertx;
  private RedisProcess redisProcess;
  private Redis redis;
  private RedisAccountCache l2;
  private GatewayMetrics metrics;
  private DependencyBreaker breaker;
  private Context context;
  private final List<AccountRecord> lateFills = new ArrayList<>();

  @BeforeEach
  void start() {
    testVertx = TestVertx.create();
    redisProcess = RedisProcess.start();
    redis = Redis.createClient(testVertx.vertx(), redisProcess.url());
    l2 = new RedisAccountCache(redis, "batch:", 60, 5_000);
    metrics = new GatewayMetrics();
    context = testVertx.vertx().getOrCreateContext();
    breaker = new DependencyBreaker(testVertx.vertx(), "redis", 5, 5_000, 1_000, metrics.breaker("redis"), l2::ping);
  }

  @AfterEach
  void stop() {
    breaker.close();
    metrics.close();
    redis.close();
    redisProcess.close();
    testVertx.close();
    testVertx.assertNeverBlocked();
  }

  private static AccountRecord record(String accountId, long limitMinor) {
    AccountProfile profile = new AccountProfile("310000", "ENGINEER", 2_000_000, 760, "MASS", 0,
        Instant.parse("2022-01-15T00:00:00Z"));
    CreditState state = new CreditState(limitMinor, 0, 0, AccountStatus.ACTIVE, "B", true, List.of(), 1);
    return new AccountRecord(accountId, profile, state, FeatureSchema.missingVector());
  }

  /** Asks for {@code accountIds} in one task on the context, as requests read in one turn would. */
  private List<AccountRecord> readInOneTurn(List<String> accountIds) {
    RedisReadBatch batch = new RedisReadBatch(context, l2, breaker, 5_000, lateFills::add);
    Future<List<AccountRecord>> all = Future.future(promise -> context.runOnContext(v -> {
      List<Future<AccountRecord>> reads = new ArrayList<>();
      accountIds.forEach(id -> reads.add(batch.get(id)));
      Future.all(reads).map(done -> reads.stream().map(Future::result).toList()).onComplete(promise);
    }));
    return TestServices.await(all);
  }

  private long mgetCalls() {
    String stats = TestServices.await(redis.send(Request.cmd(Command.INFO).arg("commandstats"))).toString();
    Matcher calls = MGET_CALLS.matcher(stats);
    return calls.find() ? Long.parseLong(calls.group(1)) : 0;
  }

  @Test
  void readsOfOneTurnGoAsOneMgetAndEachGetsItsOwnAccount() {
    TestServices.await(l2.put(record("b-1", 100_000)));
    TestServices.await(l2.put(record("b-2", 200_000)));
    TestServices.await(l2.put(record("b-3", 300_000)));

    List<AccountRecord> read = readInOneTurn(List.of("b-3", "b-absent", "b-1", "b-2"));

    assertThat(read.get(0).accountId()).isEqualTo("b-3");
    assertThat(read.get(0).state().creditLimitMinor()).isEqualTo(300_000);
    assertThat(read.get(1)).as("absent from Redis").isNull();
    assertThat(read.get(2).state().creditLimitMinor()).isEqualTo(100_000);
    assertThat(read.get(3).state().creditLimitMinor()).isEqualTo(200_000);
    assertThat(mgetCalls()).isEqualTo(1);
    assertThat(lateFills).isEmpty();
  }

  @Test
  void readsBeyondOneMgetAreSplitIntoMore() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < RedisReadBatch.MAX_KEYS + 2; i++) {
      ids.add("m-" + i);
      TestServices.await(l2.put(record("m-" + i, 1_000L * (i + 1))));
    }

    List<AccountRecord> read = readInOneTurn(ids);

    for (int i = 0; i < ids.size(); i++) {
      assertThat(read.get(i).accountId()).isEqualTo(ids.get(i));
      assertThat(read.get(i).state().creditLimitMinor()).isEqualTo(1_000L * (i + 1));
    }
    assertThat(mgetCalls()).isEqualTo(2);
  }
}
