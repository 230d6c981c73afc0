package com.creditgate.gateway.store.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.common.account.AccountProfile;
import com.creditgate.common.account.AccountStatus;
import com.creditgate.common.account.CreditState;
import com.creditgate.gateway.store.AccountRecord;
import com.creditgate.scoring.feature.FeatureSchema;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The L1 holds the records themselves, one id instance each, with its own map of loads in flight: concurrent
 * misses coalesce, and a load that a newer put or an invalidation overtook answers its waiters without caching
 * what it read.
 */
class AccountL1CacheTests {
  private final AccountL1Cache l1 = new AccountL1Cache(1_000, 3_600_000);

  @Test
  void concurrentMissesForOneAccountLoadItOnce() {
    CompletableFuture<AccountRecord> read = new CompletableFuture<>();
    AtomicInteger loads = new AtomicInteger();

    CompletableFuture<AccountRecord> first = l1.load("acc-1", id -> {
      loads.incrementAndGet();
      return read;
    });
    CompletableFuture<AccountRecord> second = l1.load("acc-1", id -> {
      loads.incrementAndGet();
      return read;
    });
    read.complete(record(id("acc-1"), 3));

    assertThat(loads).hasValue(1);
    assertThat(first.join()).isSameAs(second.join());
    assertThat(l1.getIfPresent("acc-1")).isSameAs(first.join());
  }

  @Test
  void aLoadOvertakenByAnInvalidationAnswersButCachesNothing() {
    CompletableFuture<AccountRecord> read = new CompletableFuture<>();
    CompletableFuture<AccountRecord> waiter = l1.load("acc-1", id -> read);

    l1.invalidateOlderThan("acc-1", 4);
    read.complete(record(id("acc-1"), 3));

    assertThat(waiter.join().version()).isEqualTo(3);
    assertThat(l1.getIfPresent("acc-1")).isNull();
  }

  @Test
  void aLoadThatAlreadyReadTheInvalidatedVersionIsCached() {
    CompletableFuture<AccountRecord> read = new CompletableFuture<>();
    l1.load("acc-1", id -> read);

    l1.invalidateOlderThan("acc-1", 4);
    read.complete(record(id("acc-1"), 4));

    assertThat(l1.getIfPresent("acc-1").version()).isEqualTo(4);
  }

  @Test
  void aLoadOvertakenByANewerPutLeavesThePutInPlace() {
    CompletableFuture<AccountRecord> read = new CompletableFuture<>();
    l1.load("acc-1", id -> read);

    l1.put(record(id("acc-1"), 5));
    read.complete(record(id("acc-1"), 4));

    assertThat(l1.getIfPresent("acc-1").version()).isEqualTo(5);
  }

  @Test
  void aFailedOrEmptyLoadCachesNothingAndTheNextMissLoadsAgain() {
    RuntimeException down = new IllegalStateException("postgres down");
    CompletableFuture<AccountRecord> failed = l1.load("acc-1", id -> CompletableFuture.failedFuture(down));
    CompletableFuture<AccountRecord> unknown = l1.load("acc-2", id -> CompletableFuture.completedFuture(null));

    assertThat(failed).isCompletedExceptionally();
    assertThat(unknown.join()).isNull();
    assertThat(l1.getIfPresent("acc-1")).isNull();
    assertThat(l1.getIfPresent("acc-2")).isNull();
    assertThat(l1.load("acc-1", id -> CompletableFuture.completedFuture(record(id, 1))).join().version())
        .isEqualTo(1);
  }

  @Test
  void aNewerVersionReplacingAnEntryKeepsTheEntrysIdInstance() {
    String cachedId = id("acc-1");
    l1.put(record(cachedId, 1));

    l1.put(record(id("acc-1"), 2));

    AccountRecord cached = l1.getIfPresent("acc-1");
    assertThat(cached.version()).isEqualTo(2);
    assertThat(cached.accountId()).isSameAs(cachedId);
  }

  @Test
  void anOlderPutDoesNotReplaceANewerEntry() {
    l1.put(record(id("acc-1"), 5));

    l1.put(record(id("acc-1"), 4));

    assertThat(l1.getIfPresent("acc-1").version()).isEqualTo(5);
  }

  @Test
  void pastTheBoundTheAccountsWrittenLongestAgoLeaveAndAWriteRenewsOne() {
    AtomicLong nanos = new AtomicLong();
    AccountL1Cache small = new AccountL1Cache(3, 3_600_000, nanos::get);
    small.put(record(id("acc-1"), 1));
    small.put(record(id("acc-2"), 1));
    small.put(record(id("acc-3"), 1));
    nanos.addAndGet(TimeUnit.SECONDS.toNanos(2));
    small.put(record(id("acc-1"), 2)); // renews acc-1: acc-2 is now the oldest write
    for (int read = 0; read < 10; read++) {
      assertThat(small.getIfPresent("acc-2")).isNotNull(); // reads do not renew
    }

    small.put(record(id("acc-4"), 1));
    assertThat(small.getIfPresent("acc-2")).isNull();
    small.load("acc-5", id -> CompletableFuture.completedFuture(record(id, 1))).join();

    assertThat(small.getIfPresent("acc-3")).isNull();
    assertThat(small.size()).isEqualTo(3);
    assertThat(List.of("acc-1", "acc-4", "acc-5")).allSatisfy(id -> assertThat(small.getIfPresent(id)).isNotNull());
    assertThat(small.getIfPresent("acc-1").version()).isEqualTo(2);
  }

  @Test
  void manyAccountsFromManyThreadsStayWithinTheBound() throws Exception {
    AccountL1Cache bounded = new AccountL1Cache(500, 3_600_000);
    Thread[] writers = new Thread[4];
    for (int w = 0; w < writers.length; w++) {
      int first = w * 10_000;
      writers[w] = new Thread(() -> {
        for (int i = 0; i < 5_000; i++) {
          bounded.put(record(id("acc-" + (first + i)), 1));
        }
      });
      writers[w].start();
    }
    for (Thread writer : writers) {
      writer.join();
    }
    bounded.put(record(id("acc-last"), 1));

    assertThat(bounded.size()).isLessThanOrEqualTo(500);
    assertThat(bounded.getIfPresent("acc-last")).isNotNull();
  }

  /** An equal id that is a distinct instance, as two reads (Redis, Postgres, a request) produce them. */
  private static String id(String value) {
    return new String(value);
  }

  private static AccountRecord record(String accountId, long version) {
    AccountProfile profile = new AccountProfile("310000", "ENGINEER", 1_200_000, 700, "MASS", 5_000_000,
        Instant.parse("2024-01-02T03:04:05Z"));
    CreditState state = new CreditState(2_000_000, 300_000, 0, AccountStatus.ACTIVE, "B", true, List.of(), version);
    return new AccountRecord(accountId, profile, state, FeatureSchema.missingVector());
  }
}
