package com.creditgate.gateway.store.cache;

import com.creditgate.gateway.store.AccountRecord;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Policy;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The L1 cache shared by every event loop of one process: Caffeine, bounded by size, with a TTL enforced on
 * read. Concurrent misses for one account coalesce into one load. Thread-safe.
 *
 * <p>Entries are the records themselves (a synchronous cache), keyed by the record's own id instance: an async
 * cache would add a {@code CompletableFuture} and a weight per entry, and a key from the request a second copy of
 * the id, 88 bytes per account together (BENCHMARKS.md, "L1 entry layout"). Loads in flight live in a small map
 * of their own until they complete; a load whose account was invalidated or overwritten by a newer version in the
 * meantime answers its waiters but is not cached.
 *
 * <p>The bound is kept by write age, not by Caffeine's {@code maximumSize}: when an insert takes the cache past
 * {@code maxAccounts}, the entries written longest ago (loaded, put or refreshed) leave, the ones closest to their
 * TTL anyway. A size-bounded Caffeine reorders its access-order queues for the reads it records: pointer writes
 * into nodes that live in the old generation, which dirty their cards, so every young collection scanned most of
 * the L1 again (young pauses 6.2 ms against 2.7 ms without the bound, same load; BENCHMARKS.md, "Young pauses and
 * the L1"). Reads here write nothing: a hit is a map lookup and a TTL check. The price is recency: an account read
 * often but never written leaves when it is the oldest, and comes back on its next miss.
 */
public final class AccountL1Cache {
  /** Most entries one insert evicts; more excess (after a burst of concurrent inserts) goes with the next ones. */
  private static final int EVICT_MAX = 64;

  private final Cache<String, AccountRecord> cache;
  private final Policy.FixedExpiration<String, AccountRecord> byWriteAge;
  private final int maxAccounts;
  private final ConcurrentHashMap<String, Load> loads = new ConcurrentHashMap<>();

  public AccountL1Cache(int maxAccounts, long ttlMillis) {
    this(maxAccounts, ttlMillis, Ticker.systemTicker());
  }

  /**
   * With the clock {@code ticker} for write ages (tests). Caffeine renews the write age of an entry rewritten
   * within a second of its last write only on the next write a second later: the order is exact to a second.
   */
  AccountL1Cache(int maxAccounts, long ttlMillis, Ticker ticker) {
    this.maxAccounts = maxAccounts;
    this.cache = Caffeine.newBuilder()
        .expireAfterWrite(Duration.ofMillis(ttlMillis))
        .executor(Runnable::run)
        .ticker(ticker)
        .build();
    this.byWriteAge = cache.policy().expireAfterWrite().orElseThrow();
  }

  /** The cached record of {@code accountId}, or {@code null}. Allocates nothing. */
  public AccountRecord getIfPresent(String accountId) {
    return cache.getIfPresent(accountId);
  }

  /**
   * The record {@code loader} produces for {@code accountId} ({@code null}: unknown account, not cached), or the
   * result of the load already in flight for it, in which case {@code loader} is not called.
   */
  public CompletableFuture<AccountRecord> load(String accountId,
      Function<String, CompletableFuture<AccountRecord>> loader) {
    Load load = new Load();
    Load running = loads.putIfAbsent(accountId, load);
    if (running != null) {
      return running.result;
    }
    CompletableFuture<AccountRecord> loaded;
    try {
      loaded = loader.apply(accountId);
    } catch (RuntimeException e) {
      loaded = CompletableFuture.failedFuture(e);
    }
    loaded.whenComplete((record, failure) -> {
      if (record != null) {
        store(record, load);
      }
      loads.remove(accountId, load);
      if (failure != null) {
        load.result.completeExceptionally(failure);
      } else {
        load.result.complete(record);
      }
    });
    return load.result;
  }

  /** Stores a value known to be current, unless a newer version is already cached. */
  public void put(AccountRecord record) {
    cache.asMap().compute(record.accountId(), (key, current) -> {
      supersedeLoad(key, record.version());
      return newerOf(current, record);
    });
    evictPastBound();
  }

  /** Drops the entry of {@code accountId} unless it already holds {@code version} or newer. */
  public void invalidateOlderThan(String accountId, long version) {
    cache.asMap().compute(accountId, (key, current) -> {
      supersedeLoad(key, version);
      return current != null && current.version() >= version ? current : null;
    });
  }

  /** Drops every entry, and keeps the loads in flight from caching what they read. */
  public void invalidateAll() {
    loads.values().forEach(load -> load.supersede(Long.MAX_VALUE));
    cache.invalidateAll();
  }

  /** Number of entries (approximate). */
  public long size() {
    return cache.estimatedSize();
  }

  /**
   * Caches what a load read, unless a put or an invalidation asked for a newer version while it ran. Runs in
   * the key's {@code compute}, as those do, so neither can slip between the check and the store.
   */
  private void store(AccountRecord loaded, Load load) {
    cache.asMap().compute(loaded.accountId(), (key, current) ->
        loaded.version() < load.minimumVersion ? current : newerOf(current, loaded));
    evictPastBound();
  }

  /**
   * Past {@code maxAccounts}, removes the entries written longest ago (at most {@link #EVICT_MAX}), each only if it
   * still holds the record seen, so a concurrent refresh is not lost. O(evicted).
   */
  private void evictPastBound() {
    long excess = cache.estimatedSize() - maxAccounts;
    if (excess > 0) {
      byWriteAge.oldest((int) Math.min(excess, EVICT_MAX)).forEach(cache.asMap()::remove);
    }
  }

  private void supersedeLoad(String accountId, long version) {
    Load load = loads.get(accountId);
    if (load != null) {
      load.supersede(version);
    }
  }

  /** The newer of the two, holding {@code current}'s id instance when it replaces {@code current}. */
  private static AccountRecord newerOf(AccountRecord current, AccountRecord fresh) {
    if (current == null) {
      return fresh;
    }
    return current.version() > fresh.version() ? current : fresh.withIdInstance(current.accountId());
  }

  /** A load in flight: its waiters' future, and the least version it may still cache. */
  private static final class Load {
    final CompletableFuture<AccountRecord> result = new CompletableFuture<>();
    // written inside the key's compute (put, invalidation) or by invalidateAll, read inside it (store)
    volatile long minimumVersion = Long.MIN_VALUE;

    void supersede(long version) {
      if (version > minimumVersion) {
        minimumVersion = version;
      }
    }
  }
}
