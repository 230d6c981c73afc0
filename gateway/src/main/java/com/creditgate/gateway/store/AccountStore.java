package com.creditgate.gateway.store;

import io.vertx.core.Future;

/**
 * Where accounts live: the tiered Caffeine → Redis → Postgres store.
 * Every method is asynchronous and never blocks the calling event loop.
 */
public interface AccountStore {

  /** The account, or a failed future with {@code GatewayException.NotFound}. Reads may be a little stale. */
  Future<AccountRecord> get(String accountId);

  /**
   * The account with a flag saying whether it was read in degraded mode (see {@link AccountRead}); fails
   * like {@link #get}, or with {@code GatewayException.DependencyUnavailable} when no level could answer.
   */
  default Future<AccountRead> read(String accountId) {
    return get(accountId).map(record -> new AccountRead(record, false));
  }

  /** Whether the backing services answer. */
  Future<Void> ping();

  /** Releases what this store opened. */
  Future<Void> close();
}
