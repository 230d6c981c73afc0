package com.creditgate.gateway.store.cache;

import com.creditgate.gateway.http.GatewayException;
import com.creditgate.gateway.store.AccountNotFound;
import com.creditgate.gateway.store.AccountRecord;
import com.creditgate.gateway.store.AccountStore;
import com.creditgate.gateway.store.postgres.PgAccountRepository;
import com.creditgate.gateway.store.redis.RedisAccountCache;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caffeine (L1, shared by the process) → Redis (L2, shared by replicas, optional) → Postgres (truth). A miss
 * fills the levels above on the way back; a write goes to Postgres first, then refreshes Redis and tells
 * every replica to drop its L1 entry. A Redis failure is a miss, never a failed read. One instance per
 * verticle; its futures complete on that verticle's context.
 */
public final class TieredAccountStore implements AccountStore {
  private static final Logger LOG = LoggerFactory.getLogger(TieredAccountStore.class);

  private final Context context;
  private final AccountL1Cache l1;
  private final RedisAccountCache l2;
  private final PgAccountRepository repository;

  /** {@code l2} may be {@code null} when no Redis is configured. */
  public TieredAccountStore(Context context, AccountL1Cache l1, RedisAccountCache l2,
      PgAccountRepository repository) {
    this.context = context;
    this.l1 = l1;
    this.l2 = l2;
    this.repository = repository;
  }

  @Override
  public Future<AccountRecord> get(String accountId) {
    CompletableFuture<AccountRecord> value = l1.get(accountId, this::loadBelowL1);
    if (value.isDone() && !value.isCompletedExceptionally()) {
      return found(accountId, value.join());
    }
    return Future.fromCompletionStage(value, context).compose(record -> found(accountId, record));
  }

  /** An unknown account loads as {@code null}: Caffeine then caches nothing and logs nothing. */
  private static Future<AccountRecord> found(String accountId, AccountRecord record) {
    return record != null ? Future.succeededFuture(record) : Future.failedFuture(AccountNotFound.of(accountId));
  }

  @Override
  public Future<AccountRecord> save(AccountRecord record, long expectedVersion) {
    return repository.save(record, expectedVersion).compose(this::publish);
  }

  /** Makes {@code stored} visible at every level; cache failures are logged, never fail the write. */
  public Future<AccountRecord> publish(AccountRecord stored) {
    l1.put(stored);
    if (l2 == null) {
      return Future.succeededFuture(stored);
    }
    return l2.put(stored)
        .compose(v -> l2.publishInvalidation(stored.accountId(), stored.version()))
        .recover(e -> {
          LOG.warn("could not refresh Redis for account {}: {}", stored.accountId(), e.toString());
          return Future.succeededFuture();
        })
        .map(stored);
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

  private CompletableFuture<AccountRecord> loadBelowL1(String accountId) {
    return loadBelowL1Future(accountId)
        .recover(e -> e instanceof GatewayException.NotFound ? Future.succeededFuture(null) : Future.failedFuture(e))
        .toCompletionStage().toCompletableFuture();
  }

  private Future<AccountRecord> loadBelowL1Future(String accountId) {
    if (l2 == null) {
      return repository.get(accountId);
    }
    return l2.get(accountId)
        .recover(e -> {
          LOG.debug("Redis read failed for {}: {}", accountId, e.toString());
          return Future.succeededFuture(null);
        })
        .compose(cached -> cached != null ? Future.succeededFuture(cached) : loadFromPostgres(accountId));
  }

  private Future<AccountRecord> loadFromPostgres(String accountId) {
    return repository.get(accountId).onSuccess(record -> l2.put(record)
        .onFailure(e -> LOG.debug("Redis fill failed for {}: {}", accountId, e.toString())));
  }
}
