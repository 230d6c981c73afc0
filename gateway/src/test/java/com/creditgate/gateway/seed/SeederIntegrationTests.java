package com.creditgate.gateway.seed;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.common.account.AccountStatus;
import com.creditgate.gateway.store.AccountRecord;
import com.creditgate.gateway.store.postgres.PgAccountRepository;
import com.creditgate.gateway.store.redis.AccountCodec;
import com.creditgate.gateway.support.TestServices;
import com.creditgate.scoring.feature.FeatureSchema;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seeder against the test Postgres and Redis ({@link TestServices}: {@code TEST_PG_URL},
 * {@code TEST_REDIS_URL}, or their fallbacks). Each test gets a fresh database and Redis key prefix, both removed afterwards.
 * Never skipped: when no service can be found or started the tests fail.
 */
class SeederIntegrationTests {
  private static final int ACCOUNTS = 2_000;
  private static final long HOT_LIMIT_MINOR = 5_000_000;
  private static final Instant AS_OF = Instant.parse("2026-12-01T00:00:00Z");

  private final String adminPgUrl = TestServices.adminPgUrl();
  private final String redisUrl = TestServices.redisUrl();
  private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  private final String database = "creditgate_seed_test_" + suffix;
  private final String prefix = "cgseedtest:" + suffix + ":";
  private Vertx vertx;
  private Pool pool;
  private Redis redis;

  @BeforeEach
  void createDatabase() {
    vertx = Vertx.vertx();
    onAdminDatabase("CREATE DATABASE " + database);
    pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(2))
        .connectingTo(PgConnectOptions.fromUri(databaseUrl())).using(vertx).build();
    redis = Redis.createClient(vertx, redisUrl);
  }

  @AfterEach
  void dropDatabaseAndKeys() {
    try {
      await(pool.close());
      onAdminDatabase("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      for (String key : keys()) {
        await(redis.send(Request.cmd(Command.DEL).arg(key)));
      }
    } finally {
      redis.close();
      await(vertx.close());
    }
  }

  @Test
  void seedsSaneAccountsIntoPostgres() {
    Seeder.Summary summary = Seeder.run(options(ACCOUNTS, true), System.out::println);

    assertThat(summary.accounts()).isEqualTo(ACCOUNTS);
    assertThat(summary.hotRange()).isEqualTo("acc-000001..acc-000010");
    Map<String, AccountRecord> rows = rows();
    assertThat(rows).hasSize(ACCOUNTS);
    for (int n = 1; n <= ACCOUNTS; n++) {
      AccountRecord record = rows.get(SyntheticPopulation.accountId(n));
      assertThat(record).as("account %s", n).isNotNull();
      assertThat(record.state().creditLimitMinor()).isNotNegative();
      assertThat(record.state().outstandingMinor()).isBetween(0L, record.state().creditLimitMinor());
      assertThat(record.state().heldMinor()).isZero();
      assertThat(record.features()).hasSize(FeatureSchema.SIZE);
      assertThat(record.version()).isEqualTo(1);
    }
    assertThat(rows.values()).extracting(r -> r.state().status()).contains(AccountStatus.ACTIVE);
  }

  @Test
  void hotAccountsHaveRoomForManyHolds() {
    Seeder.run(options(ACCOUNTS, true), System.out::println);

    Map<String, AccountRecord> rows = rows();
    for (int n = 1; n <= 10; n++) {
      AccountRecord hot = rows.get(SyntheticPopulation.accountId(n));
      assertThat(hot.state().status()).isEqualTo(AccountStatus.ACTIVE);
      assertThat(hot.state().creditLimitMinor()).isGreaterThanOrEqualTo(HOT_LIMIT_MINOR);
      assertThat(hot.state().availableMinor()).isEqualTo(hot.state().creditLimitMinor());
    }
  }

  @Test
  void warmsRedisWithDecodableValuesEqualToTheRows() {
    Seeder.run(options(ACCOUNTS, true), System.out::println);

    Map<String, AccountRecord> rows = rows();
    assertThat(keys()).hasSize(ACCOUNTS);
    for (AccountRecord row : rows.values()) {
      Response value = await(redis.send(Request.cmd(Command.GET).arg(RedisWarmer.key(prefix, row.accountId()))));
      AccountRecord cached = AccountCodec.decode(Buffer.buffer(value.toBytes()));
      assertThat(cached).as("L2 value of %s", row.accountId()).isNotNull();
      assertThat(cached.state()).isEqualTo(row.state());
      assertThat(cached.profile()).isEqualTo(row.profile());
      assertThat(cached.features()).containsExactly(row.features());
    }
    long ttl = await(redis.send(Request.cmd(Command.TTL).arg(RedisWarmer.key(prefix, "acc-000001")))).toLong();
    assertThat(ttl).isBetween(1L, 3_600L);
  }

  @Test
  void upsertRerunKeepsTheSameAccountsAndBumpsVersions() {
    Seeder.run(options(ACCOUNTS, true), System.out::println);
    Map<String, AccountRecord> first = rows();

    Seeder.run(options(ACCOUNTS, false), System.out::println);

    Map<String, AccountRecord> second = rows();
    assertThat(second.keySet()).isEqualTo(first.keySet());
    for (AccountRecord row : second.values()) {
      AccountRecord before = first.get(row.accountId());
      assertThat(row.version()).isEqualTo(before.version() + 1);
      assertThat(row.profile()).isEqualTo(before.profile());
      assertThat(row.state().creditLimitMinor()).isEqualTo(before.state().creditLimitMinor());
      assertThat(row.state().outstandingMinor()).isEqualTo(before.state().outstandingMinor());
    }
    AccountRecord cached = AccountCodec.decode(Buffer.buffer(await(redis.send(
        Request.cmd(Command.GET).arg(RedisWarmer.key(prefix, "acc-000007")))).toBytes()));
    assertThat(cached.version()).isEqualTo(2);
  }

  @Test
  void truncateRerunLeavesExactlyTheNewPopulation() {
    Seeder.run(options(ACCOUNTS + 500, true), System.out::println);

    Seeder.run(options(ACCOUNTS, true), System.out::println);

    Map<String, AccountRecord> rows = rows();
    assertThat(rows).hasSize(ACCOUNTS).doesNotContainKey(SyntheticPopulation.accountId(ACCOUNTS + 1));
    assertThat(rows.values()).allSatisfy(row -> assertThat(row.version()).isEqualTo(1));
    assertThat(keys()).hasSize(ACCOUNTS)
        .doesNotContain(RedisWarmer.key(prefix, SyntheticPopulation.accountId(ACCOUNTS + 1)));
  }

  private SeederOptions options(int accounts, boolean truncate) {
    return new SeederOptions(databaseUrl(), Optional.empty(), Optional.of(redisUrl), Optional.empty(), prefix,
        accounts, 0.005, HOT_LIMIT_MINOR, 7L, 750, 2, true, 3_600, truncate, AS_OF,
        "models/scorecard-default.json");
  }

  private Map<String, AccountRecord> rows() {
    Map<String, AccountRecord> rows = new HashMap<>();
    for (Row row : await(pool.query("SELECT " + PgAccountRepository.COLUMNS + " FROM accounts").execute())) {
      AccountRecord record = PgAccountRepository.map(row);
      rows.put(record.accountId(), record);
    }
    return rows;
  }

  private List<String> keys() {
    List<String> keys = new ArrayList<>();
    String cursor = "0";
    do {
      Response page = await(redis.send(Request.cmd(Command.SCAN).arg(cursor).arg("MATCH").arg(prefix + "*")
          .arg("COUNT").arg(1_000)));
      cursor = page.get(0).toString();
      page.get(1).forEach(key -> keys.add(key.toString()));
    } while (!"0".equals(cursor));
    return keys;
  }

  private void onAdminDatabase(String sql) {
    Pool admin = PgBuilder.pool().with(new PoolOptions().setMaxSize(1))
        .connectingTo(PgConnectOptions.fromUri(adminPgUrl)).using(vertx).build();
    await(admin.query(sql).execute().eventually(admin::close));
  }

  private String databaseUrl() {
    URI uri = URI.create(adminPgUrl);
    return uri.getScheme() + "://" + uri.getRawAuthority() + "/" + database;
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
