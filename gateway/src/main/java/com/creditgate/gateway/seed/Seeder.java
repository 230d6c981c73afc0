package com.creditgate.gateway.seed;

import com.creditgate.gateway.risk.RiskEngine;
import com.creditgate.gateway.risk.RiskEngineLoader;
import com.creditgate.gateway.store.AccountRecord;
import com.creditgate.gateway.store.postgres.Migrations;
import com.creditgate.gateway.store.postgres.PgAccountRepository;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.concurrent.TimeUnit;

/**
 * Seeds a gateway's Postgres (and Redis L2) with synthetic accounts. A command-line tool: its own main thread
 * generates batches and blocks on the Vert.x futures that write them, keeping at most {@code --parallelism}
 * batches in flight, so generation overlaps the writes. {@code java -jar creditgate-gateway-all.jar seed}
 * (see {@link SeederOptions#USAGE} and {@code loadtest/README.md}); the embedded default seeds through it too.
 */
public final class Seeder {
  private static final String TRUNCATE = "TRUNCATE accounts, holds, account_events, limit_history,"
      + " notification_outbox, idempotency_keys, decision_audit_segments";
  private static final long STEP_TIMEOUT_SECONDS = 300;
  private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);

  /** What a run did. */
  public record Summary(int accounts, int hotAccounts, String hotRange, double seconds, boolean redisWarmed,
      long redisKeysCleared) {

    double accountsPerSecond() {
      return accounts / Math.max(seconds, 1e-9);
    }

    String line() {
      return String.format(Locale.ROOT, "SEEDED accounts=%d hot=%d (%s) seconds=%.1f accounts/s=%.0f redis=%s"
          + " redisKeysCleared=%d", accounts, hotAccounts, hotRange, seconds, accountsPerSecond(),
          redisWarmed ? "warmed" : "not-warmed", redisKeysCleared);
    }
  }

  private final SeederOptions options;
  private final Consumer<String> progress;

  private Seeder(SeederOptions options, Consumer<String> progress) {
    this.options = options;
    this.progress = progress;
  }

  /**
   * {@code seed [flags]}: parses {@code args} over {@code env}, seeds, prints the summary line; the process
   * exit code (2 for bad flags). Blocks: run it on the main thread, never on a Vert.x thread.
   */
  public static int command(String[] args, Map<String, String> env) {
    if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
      System.out.println(SeederOptions.USAGE);
      return 0;
    }
    SeederOptions options;
    try {
      options = SeederOptions.parse(args, env);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(SeederOptions.USAGE);
      return 2;
    }
    System.out.println(run(options, System.out::println).line());
    return 0;
  }

  /** Seeds as {@code options} say, telling {@code progress} how it goes; blocks: never on a Vert.x thread. */
  public static Summary run(SeederOptions options, Consumer<String> progress) {
    Vertx vertx = Vertx.vertx();
    try {
      return new Seeder(options, progress).seed(vertx);
    } finally {
      await(vertx.close());
    }
  }

  private Summary seed(Vertx vertx) {
    long started = System.nanoTime();
    HotAccounts hot = new HotAccounts(options.hotAccounts(), options.hotLimitMinor());
    RiskEngine engine = RiskEngineLoader.load(options.modelResource());
    Pool pool = pool(vertx);
    Redis client = options.redisUrl().map(url -> redis(vertx, url)).orElse(null);
    RedisConnection redis = client == null ? null : await(client.connect());
    try {
      await(Migrations.apply(vertx, pool));
      long cleared = prepare(pool, redis);
      RedisWarmer warmer = redis == null ? null
          : new RedisWarmer(redis, options.redisKeyPrefix(), options.l2TtlSeconds(), options.warmRedis());
      write(pool, warmer, new SyntheticPopulation(options.seed(), engine, options.asOf()), hot, started);
      double seconds = (System.nanoTime() - started) / 1e9;
      return new Summary(options.accounts(), hot.count(), hot.range(), seconds, options.warmRedis(), cleared);
    } finally {
      if (redis != null) {
        await(redis.close());
        client.close();
      }
      await(pool.close());
    }
  }

  /** Truncate mode: empties the account tables and the L2 values; the number of keys removed. */
  private long prepare(Pool pool, RedisConnection redis) {
    if (!options.truncate()) {
      return 0;
    }
    await(pool.query(TRUNCATE).execute());
    long cleared = redis == null ? 0 : await(new RedisWarmer(redis, options.redisKeyPrefix(), 1, false).clear());
    progress.accept(String.format(Locale.ROOT, "truncated the account tables; removed %d Redis keys %sacct:*",
        cleared, options.redisKeyPrefix()));
    return cleared;
  }

  private void write(Pool pool, RedisWarmer warmer, SyntheticPopulation population, HotAccounts hot,
      long started) {
    ArrayDeque<Future<Void>> inflight = new ArrayDeque<>();
    long lastReport = started;
    int n = 1;
    while (n <= options.accounts()) {
      AccountBatch batch = new AccountBatch(Math.min(options.batchSize(), options.accounts() - n + 1));
      for (; !batch.isFull(); n++) {
        AccountRecord record = population.next(n);
        batch.add(hot.isHot(n) ? hot.heat(record) : record);
      }
      if (inflight.size() == options.inflightBatchesMax()) {
        await(inflight.removeFirst());
      }
      inflight.addLast(writeBatch(pool, warmer, batch));
      if (System.nanoTime() - lastReport >= PROGRESS_EVERY_NANOS) {
        lastReport = System.nanoTime();
        progress(n - 1, started);
      }
    }
    while (!inflight.isEmpty()) {
      await(inflight.removeFirst());
    }
  }

  private static Future<Void> writeBatch(Pool pool, RedisWarmer warmer, AccountBatch batch) {
    return pool.preparedQuery(AccountBatch.UPSERT).execute(batch.tuple()).compose(rows -> {
      if (rows.size() != batch.size()) {
        return Future.failedFuture(new IllegalStateException(
            "wrote " + rows.size() + " accounts of a batch of " + batch.size()));
      }
      if (warmer == null) {
        return Future.succeededFuture();
      }
      List<AccountRecord> stored = new ArrayList<>(rows.size());
      for (Row row : rows) {
        stored.add(PgAccountRepository.map(row));
      }
      return warmer.write(stored);
    });
  }

  private void progress(int done, long started) {
    double seconds = (System.nanoTime() - started) / 1e9;
    progress.accept(String.format(Locale.ROOT, "generated %d/%d (%.0f%%) in %.1f s, %.0f accounts/s", done,
        options.accounts(), 100.0 * done / options.accounts(), seconds, done / seconds));
  }

  private Pool pool(Vertx vertx) {
    PgConnectOptions connect = PgConnectOptions.fromUri(options.pgUrl());
    options.pgPassword().ifPresent(connect::setPassword);
    return PgBuilder.pool().with(new PoolOptions().setMaxSize(options.inflightBatchesMax()))
        .connectingTo(connect).using(vertx).build();
  }

  private Redis redis(Vertx vertx, String url) {
    RedisOptions redisOptions = new RedisOptions().setConnectionString(url).setMaxWaitingHandlers(
        2 * SeederOptions.BATCH_SIZE_MAX);
    options.redisPassword().ifPresent(redisOptions::setPassword);
    return Redis.createClient(vertx, redisOptions);
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("seeding failed: " + e.getCause().getMessage(), e.getCause());
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("seeding step took longer than " + STEP_TIMEOUT_SECONDS + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
