package com.creditgate.gateway.reviews;

import com.creditgate.gateway.runtime.GatewayServices;
import com.creditgate.gateway.runtime.StorageClients;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the notification outbox to the Redis stream {@code <prefix>notifications} (XADD, capped), at least
 * once: a batch is claimed with {@code FOR UPDATE SKIP LOCKED} (safe with many replicas), appended to the
 * stream, and only then marked published in the same transaction. When Redis is down nothing is marked and the
 * batch is retried. Notification consumers deduplicate by the {@code outboxId} field. One per process.
 */
public final class OutboxRelay extends VerticleBase {
  static final long INTERVAL_MILLIS = 500;
  static final int BATCH_MAX = 200;
  static final long STREAM_MAX_LENGTH = 1_000_000;
  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
  private static final String CLAIM = "SELECT id, account_id, kind, payload FROM notification_outbox"
      + " WHERE published_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED";
  private static final String MARK = "UPDATE notification_outbox SET published_at = now() WHERE id = ANY($1)";

  private final GatewayServices services;
  private StorageClients storage;
  private long timerId = -1;
  private boolean relaying;

  public OutboxRelay(GatewayServices services) {
    this.services = services;
  }

  /** The stream notifications are appended to. */
  public static String stream(String keyPrefix) {
    return keyPrefix + "notifications";
  }

  @Override
  public Future<?> start() {
    storage = StorageClients.open(vertx, context, services);
    timerId = vertx.setPeriodic(INTERVAL_MILLIS, id -> relayOnce());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timerId);
    return storage.close();
  }

  private void relayOnce() {
    if (relaying) {
      return;
    }
    relaying = true;
    storage.pool().withTransaction(conn -> conn.preparedQuery(CLAIM).execute(Tuple.of(BATCH_MAX))
            .compose(rows -> deliver(conn, rows)))
        .onFailure(e -> LOG.warn("outbox relay failed, will retry: {}", e.toString()))
        .onComplete(r -> relaying = false);
  }

  private Future<Void> deliver(SqlConnection conn, RowSet<Row> rows) {
    if (rows.size() == 0) {
      return Future.succeededFuture();
    }
    String stream = stream(services.config().redisKeyPrefix());
    List<Future<?>> appends = new ArrayList<>(rows.size());
    List<Long> ids = new ArrayList<>(rows.size());
    for (Row row : rows) {
      ids.add(row.getLong("id"));
      JsonObject payload = (JsonObject) row.getValue("payload");
      appends.add(storage.redis().send(Request.cmd(Command.XADD).arg(stream).arg("MAXLEN").arg("~")
          .arg(STREAM_MAX_LENGTH).arg("*").arg("outboxId").arg(row.getLong("id")).arg("accountId")
          .arg(row.getString("account_id")).arg("kind").arg(row.getString("kind")).arg("payload").arg(payload.encode()))
          .timeout(services.config().requestDeadlineMillis() * 10, TimeUnit.MILLISECONDS));
    }
    return Future.all(appends)
        .compose(v -> conn.preparedQuery(MARK).execute(Tuple.of(ids.toArray(Long[]::new))))
        .mapEmpty();
  }
}
