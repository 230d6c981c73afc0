package com.creditgate.gateway.idempotency;

import com.creditgate.gateway.error.GatewayException;
import com.creditgate.gateway.http.FailureHandler;
import com.creditgate.gateway.store.AccountRecord;
import com.creditgate.gateway.store.cache.TieredAccountStore;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A complete HTTP answer of a state-changing request, as stored for an {@code Idempotency-Key} and replayed.
 *
 * @param replayed whether this answer is a replay of a stored one
 * @param changedAccountId the account whose stored state the command changed, to refresh in the caches after
 *     commit; {@code null} for none (and for replays: the first answer refreshed it)
 * @param changedRecord the account as the command's own statement returned it, published to the caches as is
 *     (no read after the write); {@code null} when only {@code changedAccountId} is known (then it is re-read)
 */
public record HttpAnswer(int status, String contentType, Buffer body, boolean replayed, String changedAccountId,
    AccountRecord changedRecord) {
  private static final Logger LOG = LoggerFactory.getLogger(HttpAnswer.class);

  /** A JSON answer. */
  public static HttpAnswer json(int status, JsonObject body) {
    return json(status, body.toBuffer());
  }

  /** A JSON answer already written ({@code body} is JSON). */
  public static HttpAnswer json(int status, Buffer body) {
    return new HttpAnswer(status, "application/json", body, false, null, null);
  }

  /** This answer, saying that the command changed {@code accountId}. */
  public HttpAnswer changed(String accountId) {
    return new HttpAnswer(status, contentType, body, replayed, accountId, null);
  }

  /** This answer, saying that the command changed the account to {@code stored} (its statement's returned row). */
  public HttpAnswer changed(AccountRecord stored) {
    return new HttpAnswer(status, contentType, body, replayed, stored.accountId(), stored);
  }

  /** The problem+json answer of a client error, so that it is stored and replayed like a success. */
  public static HttpAnswer problem(GatewayException e, String path, Locale locale) {
    return new HttpAnswer(e.status(), FailureHandler.PROBLEM_JSON, FailureHandler.problem(e, path, locale).toBuffer(),
        false, null, null);
  }

  /**
   * Ends the exchange with {@code answer} once the account it changed is refreshed in Redis and every
   * replica's L1 (a failed refresh is logged: Postgres already holds the truth and caches expire).
   */
  public static void sendAfterRefresh(RoutingContext ctx, Future<HttpAnswer> answer, TieredAccountStore store) {
    answer.compose(a -> a.changedAccountId() == null ? Future.succeededFuture(a)
            : (a.changedRecord() != null ? store.publish(a.changedRecord()) : store.refresh(a.changedAccountId()))
                .onFailure(e -> LOG.warn("cache refresh of {} failed: {}", a.changedAccountId(), e.toString()))
                .transform(r -> Future.succeededFuture(a)))
        .onSuccess(a -> a.send(ctx))
        .onFailure(ctx::fail);
  }

  /** Ends the exchange with this answer; a replay says so in {@code Idempotent-Replayed: true}. */
  public void send(RoutingContext ctx) {
    if (replayed) {
      ctx.response().putHeader("Idempotent-Replayed", "true");
    }
    ctx.response().setStatusCode(status).putHeader("Content-Type", contentType).end(body);
  }
}
