package com.creditgate.gateway.store.cache;

import com.creditgate.gateway.store.AccountRecord;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The L1 cache shared by every event loop of one process: Caffeine, bounded by size, with a TTL enforced on
 * read. Concurrent misses for one account coalesce into one load. Thread-safe.
 */
public final class AccountL1Cache {
  private final AsyncCache<String, AccountRecord> cache;

  public AccountL1Cache(int maxAccounts, long ttlMillis) {
    this.cache = Caffeine.newBuilder()
        .maximumSize(maxAccounts)
        .expireAfterWrite(Duration.ofMillis(ttlMillis))
        .executor(Runnable::run)
        .buildAsync();
  }

  /** The cached value, or the one {@code loader} produces; one load at a time per account. */
  public CompletableFuture<AccountRecord> get(String accountId,
      Function<String, CompletableFuture<AccountRecord>> loader) {
    return cache.get(accountId, (key, executor) -> loader.apply(key));
  }

  /** Stores a value known to be current, unless a newer version is already cached. */
  public void put(AccountRecord record) {
    cache.asMap().merge(record.accountId(), CompletableFuture.completedFuture(record),
        (current, fresh) -> isNewer(current, record.version()) ? current : fresh);
  }

  /** Drops the entry of {@code accountId} unless it already holds {@code version} or newer. */
  public void invalidateOlderThan(String accountId, long version) {
    cache.asMap().computeIfPresent(accountId, (key, current) -> isNewer(current, version - 1) ? current : null);
  }

  /** Drops every entry. */
  public void invalidateAll() {
    cache.synchronous().invalidateAll();
  }

  /** Number of entries (approximate). */
  public long size() {
    return cache.synchronous().estimatedSize();
  }

  private static boolean isNewer(CompletableFuture<AccountRecord> current, long version) {
    return current.isDone() && !current.isCompletedExceptionally() && current.join().version() > version;
  }
}
