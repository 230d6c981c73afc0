package com.creditgate.gateway.store.embedded;

import com.creditgate.common.account.CreditState;
import com.creditgate.gateway.store.AccountNotFound;
import com.creditgate.gateway.store.AccountRecord;
import com.creditgate.gateway.store.AccountStore;
import io.vertx.core.Future;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The in-process store of the embedded default: a concurrent map, for a first run without Redis or
 * Postgres. Nothing survives a restart. Thread-safe; every operation is O(1) and non-blocking.
 */
public final class EmbeddedAccountStore implements AccountStore {
  private final ConcurrentMap<String, AccountRecord> accounts = new ConcurrentHashMap<>();

  @Override
  public Future<AccountRecord> get(String accountId) {
    AccountRecord record = accounts.get(accountId);
    return record == null ? Future.failedFuture(AccountNotFound.of(accountId)) : Future.succeededFuture(record);
  }

  @Override
  public Future<AccountRecord> save(AccountRecord record, long expectedVersion) {
    AccountRecord[] stored = new AccountRecord[1];
    accounts.compute(record.accountId(), (id, current) -> {
      long currentVersion = current == null ? 0 : current.version();
      if (currentVersion != expectedVersion) {
        return current;
      }
      stored[0] = withMoneyOf(record, current, currentVersion + 1);
      return stored[0];
    });
    return stored[0] == null
        ? Future.failedFuture(AccountNotFound.concurrentUpdate(record.accountId()))
        : Future.succeededFuture(stored[0]);
  }

  @Override
  public Future<Void> ping() {
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }

  /** Number of accounts held. */
  public int size() {
    return accounts.size();
  }

  private static AccountRecord withMoneyOf(AccountRecord record, AccountRecord current, long version) {
    CreditState s = record.state();
    long outstanding = current == null ? s.outstandingMinor() : current.state().outstandingMinor();
    long held = current == null ? s.heldMinor() : current.state().heldMinor();
    CreditState state = new CreditState(s.creditLimitMinor(), outstanding, held, s.status(), s.tier(),
        s.increaseEligible(), s.increaseClosedReasons(), version);
    return new AccountRecord(record.accountId(), record.profile(), state, record.features());
  }
}
