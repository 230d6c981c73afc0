package com.creditgate.gateway.store.cache;

import com.creditgate.gateway.store.AccountRecord;
import com.creditgate.gateway.store.redis.RedisAccountCache;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The L2 reads of one verticle, batched: the reads asked for during one turn of its event loop go to Redis as
 * one MGET, under the Redis breaker, with one answer deadline for the batch (one timer, not one per read). A
 * read whose reply misses the deadline fails with {@link AnswerDeadline#MISSED} and its request moves on, but
 * the MGET itself is not abandoned: the records it brings later go to {@code lateFill} (to warm L1), and the
 * breaker counts the late reply as a success. At most {@link #MAX_KEYS} reads per MGET. Thread-safe; the
 * batch is sent from {@code context}.
 */
final class RedisReadBatch {
  /** Keys per MGET: bounds the command and the reply (about 200 bytes a record). */
  static final int MAX_KEYS = 128;

  private final Context context;
  private final RedisAccountCache l2;
  private final DependencyBreaker breaker;
  private final long deadlineMillis;
  private final Consumer<AccountRecord> lateFill;
  private List<String> pendingIds = new ArrayList<>();
  private List<Promise<AccountRecord>> pendingWaiters = new ArrayList<>();
  private boolean sendScheduled;

  RedisReadBatch(Context context, RedisAccountCache l2, DependencyBreaker breaker, long deadlineMillis,
      Consumer<AccountRecord> lateFill) {
    this.context = context;
    this.l2 = l2;
    this.breaker = breaker;
    this.deadlineMillis = deadlineMillis;
    this.lateFill = lateFill;
  }

  /** The cached account, {@code null} when Redis has none; fails when Redis fails, is late or skipped. */
  Future<AccountRecord> get(String accountId) {
    Promise<AccountRecord> waiter = Promise.promise();
    boolean schedule;
    synchronized (this) {
      pendingIds.add(accountId);
      pendingWaiters.add(waiter);
      schedule = !sendScheduled;
      sendScheduled = true;
    }
    if (schedule) {
      // Runs after the requests this turn of the event loop reads in: their lookups all join this batch.
      context.runOnContext(v -> send());
    }
    return waiter.future();
  }

  private void send() {
    List<String> ids;
    List<Promise<AccountRecord>> waiters;
    synchronized (this) {
      sendScheduled = false;
      ids = pendingIds;
      waiters = pendingWaiters;
      pendingIds = new ArrayList<>();
      pendingWaiters = new ArrayList<>();
    }
    for (int from = 0; from < ids.size(); from += MAX_KEYS) {
      int to = Math.min(ids.size(), from + MAX_KEYS);
      send(ids.subList(from, to), waiters.subList(from, to));
    }
  }

  private void send(List<String> ids, List<Promise<AccountRecord>> waiters) {
    long timer = context.owner().setTimer(deadlineMillis,
        id -> waiters.forEach(waiter -> waiter.tryFail(AnswerDeadline.MISSED)));
    breaker.call(() -> l2.getAll(ids)).onComplete(reply -> {
      context.owner().cancelTimer(timer);
      complete(ids, waiters, reply);
    });
  }

  private void complete(List<String> ids, List<Promise<AccountRecord>> waiters,
      AsyncResult<List<AccountRecord>> reply) {
    if (reply.failed()) {
      waiters.forEach(w -> w.tryFail(reply.cause()));
      return;
    }
    Map<String, AccountRecord> byId = new HashMap<>(reply.result().size() * 2);
    for (AccountRecord record : reply.result()) {
      byId.put(record.accountId(), record);
    }
    for (int i = 0; i < ids.size(); i++) {
      AccountRecord record = byId.get(ids.get(i));
      if (!waiters.get(i).tryComplete(record) && record != null) {
        lateFill.accept(record);
      }
    }
  }
}
