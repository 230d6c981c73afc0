package com.creditgate.gateway.events;

import com.creditgate.gateway.config.TokenHash;
import com.creditgate.gateway.error.GatewayException;
import com.creditgate.gateway.http.JsonBody;
import com.creditgate.gateway.http.Responses;
import com.creditgate.gateway.http.RouteModule;
import com.creditgate.gateway.http.Validation;
import com.creditgate.gateway.idempotency.HttpAnswer;
import com.creditgate.gateway.idempotency.IdempotentCommands;
import com.creditgate.gateway.ledger.AccountLedger;
import com.creditgate.gateway.ledger.LedgerAccess;
import com.creditgate.gateway.ledger.LockedAccount;
import com.creditgate.gateway.store.cache.TieredAccountStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * {@code POST /v1/accounts/{id}/events}. In one transaction: lock the account, look the eventId up (a
 * duplicate replays the first answer and changes nothing; the same eventId with another body is a 409), apply
 * the event, run the review (an OVERDUE freezes at once, an anomaly closes increases at once), write the
 * account, history, outbox and the event. After commit, Redis and every replica's L1 are refreshed.
 */
public final class EventRoutes implements RouteModule {
  private static final String FIND = "SELECT request_sha256, response FROM account_events "
      + "WHERE account_id = $1 AND event_id = $2";
  private static final String INSERT = "INSERT INTO account_events (account_id, event_id, type, amount_minor, "
      + "occurred_at, attributes, request_sha256, response) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";

  private final TieredAccountStore store;
  private final IdempotentCommands commands;
  private final AccountLedger ledger;
  private final Clock clock;

  public EventRoutes(LedgerAccess access, IdempotentCommands commands) {
    this.store = access.store();
    this.ledger = access.ledger();
    this.clock = access.clock();
    this.commands = commands;
  }

  @Override
  public void mount(Router router) {
    router.post("/v1/accounts/:accountId/events").handler(this::post);
  }

  private void post(RoutingContext ctx) {
    String accountId = Validation.pathId("accountId", ctx.pathParam("accountId"));
    AccountEvent event = AccountEvent.parse(JsonBody.of(ctx.body().buffer()));
    String requestHash = TokenHash.sha256Hex(event.eventId() + '|' + event.type() + '|' + event.amountMinor() + '|'
        + event.occurredAt() + '|' + event.attributes().encode());
    Locale locale = Responses.locale(ctx);
    HttpAnswer.sendAfterRefresh(ctx, commands.run(ctx, conn -> ledger.lock(conn, accountId)
        .compose(locked -> conn.preparedQuery(FIND).execute(Tuple.of(accountId, event.eventId()))
            .compose(found -> found.size() == 0
                ? apply(conn, locked, event, requestHash, locale)
                : replay(found.iterator().next().getString("request_sha256"),
                    (JsonObject) found.iterator().next().getValue("response"), requestHash, event)))), store);
  }

  private Future<HttpAnswer> apply(SqlConnection conn, LockedAccount locked, AccountEvent event, String requestHash,
      Locale locale) {
    Instant now = clock.instant();
    EventApplier.Applied applied = EventApplier.apply(locked, event, now, ledger.txnFlagWindowDays());
    return ledger.reviewAndWrite(conn, locked, applied.change(), "EVENT:" + event.type(), now)
        .compose(review -> {
          JsonObject answer = new JsonObject().put("eventId", event.eventId()).put("accountId", locked.record().accountId())
              .put("type", event.type().name()).put("duplicate", false).put("effect", applied.effect())
              .put("review", review.json(locale));
          return conn.preparedQuery(INSERT).execute(Tuple.tuple()
                  .addString(locked.record().accountId()).addString(event.eventId()).addString(event.type().name())
                  .addLong(event.amountMinor()).addOffsetDateTime(event.occurredAt().atOffset(ZoneOffset.UTC))
                  .addValue(event.attributes()).addString(requestHash).addValue(answer))
              .map(v -> HttpAnswer.json(200, answer).changed(locked.record().accountId()));
        });
  }

  private static Future<HttpAnswer> replay(String storedHash, JsonObject storedAnswer, String requestHash,
      AccountEvent event) {
    if (!storedHash.equals(requestHash)) {
      return Future.failedFuture(new GatewayException.Conflict("event-id-conflict",
          "eventId " + event.eventId() + " was already used for a different event"));
    }
    return Future.succeededFuture(HttpAnswer.json(200, storedAnswer.copy().put("duplicate", true)));
  }
}
