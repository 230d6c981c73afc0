package com.creditgate.gateway.store.cache;

import com.creditgate.gateway.error.GatewayException;
import com.creditgate.gateway.ops.GatewayMetrics;
import com.creditgate.gateway.ops.Lookup;
import com.creditgate.gateway.store.AccountNotFound;
import com.creditgate.gateway.store.AccountRead;
import com.creditgate.gateway.store.AccountRecord;
import com.creditgate.gateway.store.AccountStore;
import com.creditgate.gateway.store.postgres.PgAccountRepository;
import com.creditgate.gateway.store.redis.RedisAccountCache;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caffeine (L1, shared by the process) → Redis (L2, shared by replicas, optional) → Postgres (truth). A miss
 * fills the levels above on the way back; once a write has committed in Postgres (the ledger's transactions),
 * {@link #publish} or {@link #refresh} puts the account in Redis and tells every replica to drop its L1 entry.
 * Redis and Postgres calls run under a {@link DependencyBreaker} each (call timeout, open after repeated
 * failures, half-open probe); an answer waits for each level at most {@code deadlineMillis}
 * ({@link AnswerDeadline}). A Redis failure, late reply or open breaker is a miss, never a failed read; a
 * Postgres failure or late reply on an L1/L2 miss is {@link GatewayException.DependencyUnavailable}. A reply
 * that comes after its answer moved on still fills L1. Redis reads are batched per event-loop turn
 * ({@link RedisReadBatch}). One instance per verticle; its futures complete on that verticle's context.
 */
public final class TieredAccountStore implements AccountStore {
  private static final Logger LOG = LoggerFactory.getLogger(TieredAccountStore.class);

  private final Context context;
  private final AccountL1Cache l1;
  private final RedisAccountCache l2;
  private final PgAccountRepository repository;
  private final DependencyBreaker redisBreaker;
  private final DependencyBreaker pgBreaker;
  private final GatewayMetrics metrics;
  private final long deadlineMillis;
  private final RedisReadBatch redisReads;
  private boolean loaderCalled;

  /**
   * {@code l2} and {@code redisBreaker} are {@code null} when no Redis is configured; {@code deadlineMillis} is
   * how long an answer waits for each level ({@code REQUEST_DEADLINE_MILLIS}).
   */
  public TieredAccountStore(Context context, AccountL1Cache l1, RedisAccountCache l2,
      PgAccountRepository repository, DependencyBreaker redisBreaker, DependencyBreaker pgBreaker,
      GatewayMetrics metrics, long deadlineMillis) {
    this.context = context;
    this.l1 = l1;
    this.l2 = l2;
    this.repository = repository;
    this.redisBreaker = redisBreaker;
    this.pgBreaker = pgBreaker;
    this.metrics = metrics;
    this.deadlineMillis = deadlineMillis;
    this.redisReads = l2 == null ? null : new RedisReadBatch(context, l2, redisBreaker, deadlineMillis, l1::put);
  }

  @Override
  public Future<AccountRecord> get(String accountId) {
    AccountRecord cached = l1.getIfPresent(accountId);
    if (cached != null) {
      metrics.lookup(Lookup.Level.L1, Lookup.Result.HIT);
      return Future.succeededFuture(cached);
    }
    loaderCalled = false;
    CompletableFuture<AccountRecord> value = l1.load(accountId, this::loadBelowL1);
    boolean done = value.isDone() && !value.isCompletedExceptionally();
    if (!loaderCalled) {
      metrics.lookup(Lookup.Level.L1, done ? Lookup.Result.HIT : Lookup.Result.COALESCED);
    }
    if (done) {
      return found(accountId, value.join());
    }
    return Future.fromCompletionStage(value, context).recover(e -> Future.failedFuture(unwrap(e)))
        .compose(record -> found(accountId, record));
  }

  /** An unknown account loads as {@code null}: the L1 then caches nothing. */
  private static Future<AccountRecord> found(String accountId, AccountRecord record) {
    return record != null ? Future.succeededFuture(record) : Future.failedFuture(AccountNotFound.of(accountId));
  }

  @Override
  public Future<AccountRead> read(String accountId) {
    return get(accountId).map(record -> new AccountRead(record, !dependenciesHealthy()));
  }

  /**
   * Makes {@code stored} visible at every level; cache failures are logged, never fail the write. Completes
   * once Redis has it, or at the deadline while the refresh goes on.
   */
  public Future<AccountRecord> publish(AccountRecord stored) {
    l1.put(stored);
    if (l2 == null) {
      return Future.succeededFuture(stored);
    }
    Future<Void> refreshed = redisBreaker.call(() -> l2.putAndAnnounce(stored))
        .onFailure(e -> {
          // An open breaker already said Redis is failing (breaker metrics, readiness): one line per write
          // then would flood the log during an outage.
          if (DependencyBreaker.skipped(e)) {
            LOG.debug("Redis refresh of account {} skipped: {}", stored.accountId(), e.toString());
          } else {
            LOG.warn("could not refresh Redis for account {}: {}", stored.accountId(), e.toString());
          }
        });
    // The answer waits for the refresh only until the deadline; a slow refresh still completes (or is logged).
    return AnswerDeadline.within(context, refreshed, deadlineMillis).otherwiseEmpty().map(stored);
  }

  /** Reads {@code accountId} from Postgres (after a money write) and publishes it at every level. */
  public Future<AccountRecord> refresh(String accountId) {
    return repository.get(accountId).compose(this::publish);
  }

  @Override
  public Future<Void> ping() {
    Future<Void> pg = repository.ping();
    return l2 == null ? pg : Future.all(pg, l2.ping()).mapEmpty();
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }

  /** Both breakers closed and no recent failure. */
  private boolean dependenciesHealthy() {
    return pgBreaker.healthy() && (redisBreaker == null || redisBreaker.healthy());
  }

  private CompletableFuture<AccountRecord> loadBelowL1(String accountId) {
    loaderCalled = true;
    metrics.lookup(Lookup.Level.L1, Lookup.Result.MISS);
    return loadBelowL1Future(accountId)
        .recover(e -> e instanceof GatewayException.NotFound ? Future.succeededFuture(null) : Future.failedFuture(e))
        .toCompletionStage().toCompletableFuture();
  }

  private Future<AccountRecord> loadBelowL1Future(String accountId) {
    if (l2 == null) {
      return loadFromPostgres(accountId);
    }
    return redisReads.get(accountId).transform(reply -> {
      if (reply.failed()) {
        metrics.lookup(Lookup.Level.REDIS, failureResult(reply.cause()));
        LOG.debug("Redis read failed for {}: {}", accountId, reply.cause().toString());
        return loadFromPostgres(accountId);
      }
      AccountRecord cached = reply.result();
      metrics.lookup(Lookup.Level.REDIS, cached != null ? Lookup.Result.HIT : Lookup.Result.MISS);
      return cached != null ? Future.succeededFuture(cached) : loadFromPostgres(accountId).onSuccess(this::fillRedis);
    });
  }

  private Future<AccountRecord> loadFromPostgres(String accountId) {
    Future<AccountRecord> reply = pgBreaker.call(() -> repository.get(accountId));
    return AnswerDeadline.within(context, reply, deadlineMillis)
        .onSuccess(record -> metrics.lookup(Lookup.Level.POSTGRES, Lookup.Result.HIT))
        .recover(e -> {
          if (e instanceof GatewayException.NotFound) {
            metrics.lookup(Lookup.Level.POSTGRES, Lookup.Result.MISS);
            return Future.failedFuture(e);
          }
          metrics.lookup(Lookup.Level.POSTGRES, failureResult(e));
          if (AnswerDeadline.missed(e)) {
            reply.onSuccess(l1::put);
          }
          return Future.failedFuture(new GatewayException.DependencyUnavailable("postgres",
              DependencyBreaker.skipped(e) ? "circuit open" : "read failed: " + e.getMessage()));
        });
  }

  /** Skipped (breaker open), late (the answer stopped waiting; the reply may still come) or an error. */
  private static Lookup.Result failureResult(Throwable failure) {
    if (DependencyBreaker.skipped(failure)) {
      return Lookup.Result.SKIPPED;
    }
    return AnswerDeadline.missed(failure) ? Lookup.Result.LATE : Lookup.Result.ERROR;
  }

  /** A load's failure can reach the waiters wrapped by a completion stage; they should see the typed one. */
  private static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
  }

  private void fillRedis(AccountRecord record) {
    redisBreaker.call(() -> l2.put(record))
        .onFailure(e -> LOG.debug("Redis fill failed for {}: {}", record.accountId(), e.toString()));
  }
}
