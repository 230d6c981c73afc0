package com.creditgate.gateway.ledger;

import com.creditgate.gateway.store.cache.TieredAccountStore;
import io.vertx.sqlclient.Pool;
import java.time.Clock;

/**
 * What a feature needs to change an account's money or limit: the verticle's Postgres pool, the ledger step,
 * the tiered store refreshed after each write, the clock, and the deadline of each money write
 * ({@code MONEY_WRITE_DEADLINE_MILLIS}). One per API verticle; immutable.
 */
public record LedgerAccess(Pool pool, AccountLedger ledger, TieredAccountStore store, Clock clock,
    long writeDeadlineMillis) {}
