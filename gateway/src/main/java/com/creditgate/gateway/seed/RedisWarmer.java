package com.creditgate.gateway.seed;

import com.creditgate.gateway.store.AccountRecord;
import com.creditgate.gateway.store.redis.AccountCodec;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the gateway's L2 values ({@code <prefix>acct:<id>}, packed by {@link AccountCodec}, with a TTL) on
 * one standalone Redis connection, one pipeline per batch. When not warming it deletes the seeded ids' values
 * instead, so the gateway never serves a value older than the rows just written. Thread-safe as the
 * connection is.
 */
final class RedisWarmer {
  private static final int SCAN_COUNT = 1_000;

  private final RedisConnection connection;
  private final String keyPrefix;
  private final long ttlSeconds;
  private final boolean warm;

  RedisWarmer(RedisConnection connection, String keyPrefix, long ttlSeconds, boolean warm) {
    this.connection = connection;
    this.keyPrefix = keyPrefix;
    this.ttlSeconds = ttlSeconds;
    this.warm = warm;
  }

  static String key(String keyPrefix, String accountId) {
    return keyPrefix + "acct:" + accountId;
  }

  /** Writes (or deletes) the values of {@code records} in one pipeline. */
  Future<Void> write(List<AccountRecord> records) {
    List<Request> requests = new ArrayList<>(records.size());
    for (AccountRecord record : records) {
      String key = key(keyPrefix, record.accountId());
      requests.add(warm
          ? Request.cmd(Command.SET).arg(key).arg(AccountCodec.encode(record)).arg("EX").arg(ttlSeconds)
          : Request.cmd(Command.DEL).arg(key));
    }
    return connection.batch(requests).mapEmpty();
  }

  /** Removes every {@code <prefix>acct:*} key, one SCAN page at a time; the number removed. */
  Future<Long> clear() {
    return clearFrom("0", 0);
  }

  private Future<Long> clearFrom(String cursor, long removed) {
    return connection.send(Request.cmd(Command.SCAN).arg(cursor).arg("MATCH").arg(keyPrefix + "acct:*")
            .arg("COUNT").arg(SCAN_COUNT))
        .compose(page -> {
          String next = page.get(0).toString();
          Response keys = page.get(1);
          Future<Long> unlinked = keys.size() == 0 ? Future.succeededFuture(0L) : unlink(keys);
          return unlinked.compose(n -> "0".equals(next) ? Future.succeededFuture(removed + n)
              : clearFrom(next, removed + n));
        });
  }

  private Future<Long> unlink(Response keys) {
    Request unlink = Request.cmd(Command.UNLINK);
    for (Response key : keys) {
      unlink.arg(key.toString());
    }
    return connection.send(unlink).map(Response::toLong);
  }
}
