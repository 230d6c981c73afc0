package com.creditgate.gateway.idempotency;

import com.creditgate.gateway.config.TokenHash;
import com.creditgate.gateway.error.GatewayException;
import com.creditgate.gateway.http.ApiAuth;
import com.creditgate.gateway.http.Responses;
import com.creditgate.gateway.store.postgres.PgSingleStatement;
import com.creditgate.gateway.store.postgres.PgTransactions;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Runs a state-changing command in one Postgres transaction and, when the request carries an
 * {@code Idempotency-Key}, records its answer in the same transaction: the same key with the same request
 * replays the first answer and changes nothing; with another request it is a 422. A concurrent duplicate
 * waits on the key's row lock and then replays. Each command has a deadline (a stalled Postgres is a 503, the
 * transaction rolled back). Client errors (4xx) are recorded and replayed too; other
 * failures roll everything back, so a retry runs the command afresh. Thread-safe as the pool is.
 */
public final class IdempotentCommands {
  /** Header carrying the key. */
  public static final String HEADER = "Idempotency-Key";
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,128}");

  private static final String CLAIM = "INSERT INTO idempotency_keys "
      + "(client_id, idempotency_key, request_sha256, status_code, content_type, body) "
      + "VALUES ($1, $2, $3, 0, '', '') ON CONFLICT DO NOTHING RETURNING 1";
  private static final String STORED = "SELECT request_sha256, status_code, content_type, body FROM idempotency_keys "
      + "WHERE client_id = $1 AND idempotency_key = $2";
  private static final String RECORD = "UPDATE idempotency_keys SET status_code = $3, content_type = $4, body = $5 "
      + "WHERE client_id = $1 AND idempotency_key = $2";

  private final Pool pool;
  private final long deadlineMillis;

  /** Commands on {@code pool}, each bounded by {@code deadlineMillis} ({@link PgTransactions}). */
  public IdempotentCommands(Pool pool, long deadlineMillis) {
    this.pool = pool;
    this.deadlineMillis = deadlineMillis;
  }

  /** Runs {@code command} for {@code ctx} in a transaction, honouring its {@code Idempotency-Key}. */
  public Future<HttpAnswer> run(RoutingContext ctx, Function<SqlConnection, Future<HttpAnswer>> command) {
    return run(ctx, command, () -> PgTransactions.withDeadline(pool, deadlineMillis, command));
  }

  /**
   * As {@link #run(RoutingContext, Function)}, but a request without an {@code Idempotency-Key} runs {@code alone}
   * instead of a transaction: the same command as one autocommit statement that keeps the deadline itself
   * ({@link PgSingleStatement}), one round trip instead of BEGIN, the command and COMMIT. With a key the claim, the
   * command and the record of its answer must commit together, so {@code command} runs in a transaction as before.
   */
  public Future<HttpAnswer> run(RoutingContext ctx, Function<SqlConnection, Future<HttpAnswer>> command,
      Supplier<Future<HttpAnswer>> alone) {
    String key = ctx.request().getHeader(HEADER);
    if (key == null) {
      return alone.get();
    }
    if (!KEY.matcher(key).matches()) {
      return Future.failedFuture(new GatewayException.InvalidRequest(null,
          HEADER + " must be 1 to 128 visible ASCII characters"));
    }
    String clientId = ctx.get(ApiAuth.CLIENT_ID);
    String requestHash = requestHash(ctx);
    return PgTransactions.withDeadline(pool, deadlineMillis, conn -> conn.preparedQuery(CLAIM)
        .execute(Tuple.of(clientId, key, requestHash))
        .compose(claimed -> claimed.size() == 1
            ? runAndRecord(ctx, conn, command, Tuple.of(clientId, key))
            : replay(conn, Tuple.of(clientId, key), requestHash)));
  }

  private static Future<HttpAnswer> runAndRecord(RoutingContext ctx, SqlConnection conn,
      Function<SqlConnection, Future<HttpAnswer>> command, Tuple id) {
    return command.apply(conn)
        .recover(e -> e instanceof GatewayException g && g.status() < 500
            ? Future.succeededFuture(HttpAnswer.problem(g, ctx.request().path(), Responses.locale(ctx)))
            : Future.failedFuture(e))
        .compose(answer -> conn.preparedQuery(RECORD).execute(Tuple.of(id.getString(0), id.getString(1),
                answer.status(), answer.contentType(), answer.body().toString()))
            .map(answer));
  }

  private static Future<HttpAnswer> replay(SqlConnection conn, Tuple id, String requestHash) {
    return conn.preparedQuery(STORED).execute(id).map(rows -> {
      Row row = rows.iterator().next();
      if (!row.getString("request_sha256").equals(requestHash)) {
        throw new GatewayException.Unprocessable("idempotency-key-reused",
            HEADER + " was already used with a different request");
      }
      return new HttpAnswer(row.getInteger("status_code"), row.getString("content_type"),
          Buffer.buffer(row.getString("body")), true, null, null);
    });
  }

  private static String requestHash(RoutingContext ctx) {
    Buffer body = ctx.body() == null || ctx.body().buffer() == null ? Buffer.buffer() : ctx.body().buffer();
    return TokenHash.sha256Hex(ctx.request().method().name() + " " + ctx.request().path() + "\n" + body);
  }
}
