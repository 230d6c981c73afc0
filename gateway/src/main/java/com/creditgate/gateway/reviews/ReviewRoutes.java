package com.creditgate.gateway.reviews;

import com.creditgate.common.reason.ReasonCode;
import com.creditgate.gateway.error.GatewayException;
import com.creditgate.gateway.http.Responses;
import com.creditgate.gateway.http.RouteModule;
import com.creditgate.gateway.http.Validation;
import com.creditgate.gateway.idempotency.HttpAnswer;
import com.creditgate.gateway.idempotency.IdempotentCommands;
import com.creditgate.gateway.ledger.AccountChange;
import com.creditgate.gateway.ledger.AccountLedger;
import com.creditgate.gateway.ledger.LedgerAccess;
import com.creditgate.gateway.store.AccountNotFound;
import com.creditgate.gateway.store.cache.TieredAccountStore;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /v1/accounts/{id}/reviews} (run a review now: the new state and what changed) and
 * {@code GET /v1/accounts/{id}/limit-history?limit=&before=} (every change with its reasons, newest first,
 * keyset-paginated by the opaque {@code nextBefore} cursor).
 */
public final class ReviewRoutes implements RouteModule {
  static final int PAGE_DEFAULT = 20;
  static final int PAGE_MAX = 200;
  private static final String HISTORY = "SELECT id, changed_at, trigger, old_limit_minor, new_limit_minor, old_status,"
      + " new_status, old_increase_eligible, new_increase_eligible, tier, reasons, increase_closed_reasons,"
      + " fired_rules, model_version, policy_version FROM limit_history"
      + " WHERE account_id = $1 AND id < $2 ORDER BY id DESC LIMIT $3";
  private static final String EXISTS = "SELECT 1 FROM accounts WHERE account_id = $1";

  private final Pool pool;
  private final TieredAccountStore store;
  private final IdempotentCommands commands;
  private final AccountLedger ledger;
  private final Clock clock;

  public ReviewRoutes(LedgerAccess access, IdempotentCommands commands) {
    this.pool = access.pool();
    this.store = access.store();
    this.ledger = access.ledger();
    this.clock = access.clock();
    this.commands = commands;
  }

  @Override
  public void mount(Router router) {
    router.post("/v1/accounts/:accountId/reviews").handler(this::review);
    router.get("/v1/accounts/:accountId/limit-history").handler(this::history);
  }

  private void review(RoutingContext ctx) {
    String accountId = Validation.pathId("accountId", ctx.pathParam("accountId"));
    Locale locale = Responses.locale(ctx);
    HttpAnswer.sendAfterRefresh(ctx, commands.run(ctx, conn -> ledger.lock(conn, accountId)
        .compose(locked -> ledger.reviewAndWrite(conn, locked, AccountChange.none(locked), "ON_DEMAND", clock.instant()))
        .map(result -> HttpAnswer.json(200, result.json(locale)).changed(accountId))), store);
  }

  private void history(RoutingContext ctx) {
    String accountId = Validation.pathId("accountId", ctx.pathParam("accountId"));
    int limit = (int) queryLong(ctx, "limit", 1, PAGE_MAX, PAGE_DEFAULT);
    long before = queryLong(ctx, "before", 1, Long.MAX_VALUE, Long.MAX_VALUE);
    Locale locale = Responses.locale(ctx);
    pool.preparedQuery(EXISTS).execute(Tuple.of(accountId))
        .compose(found -> {
          if (found.size() == 0) {
            throw AccountNotFound.of(accountId);
          }
          return pool.preparedQuery(HISTORY).execute(Tuple.of(accountId, before, limit));
        })
        .map(rows -> {
          JsonArray items = new JsonArray();
          long last = 0;
          for (Row row : rows) {
            items.add(item(row, locale));
            last = row.getLong("id");
          }
          JsonObject page = new JsonObject().put("accountId", accountId).put("items", items);
          return rows.size() == limit ? page.put("nextBefore", last) : page.putNull("nextBefore");
        })
        .onSuccess(page -> Responses.json(ctx, 200, page))
        .onFailure(ctx::fail);
  }

  private static JsonObject item(Row row, Locale locale) {
    return new JsonObject()
        .put("id", row.getLong("id"))
        .put("changedAt", row.getOffsetDateTime("changed_at").toInstant().toString())
        .put("trigger", row.getString("trigger"))
        .put("oldLimit", row.getLong("old_limit_minor")).put("newLimit", row.getLong("new_limit_minor"))
        .put("oldStatus", row.getString("old_status")).put("newStatus", row.getString("new_status"))
        .put("oldIncreaseEligible", row.getBoolean("old_increase_eligible"))
        .put("newIncreaseEligible", row.getBoolean("new_increase_eligible"))
        .put("tier", row.getString("tier"))
        .put("reasons", Responses.reasons(codes(row.getArrayOfStrings("reasons")), locale))
        .put("increaseClosedReasons", Responses.reasons(codes(row.getArrayOfStrings("increase_closed_reasons")), locale))
        .put("firedRules", new JsonArray(List.of(row.getArrayOfStrings("fired_rules"))))
        .put("modelVersion", row.getString("model_version"))
        .put("policyVersion", row.getString("policy_version"));
  }

  private static List<ReasonCode> codes(String[] names) {
    List<ReasonCode> codes = new ArrayList<>(names.length);
    for (String name : names) {
      codes.add(ReasonCode.valueOf(name));
    }
    return codes;
  }

  private static long queryLong(RoutingContext ctx, String name, long min, long max, long defaultValue) {
    String value = ctx.queryParams().get(name);
    if (value == null) {
      return defaultValue;
    }
    try {
      long parsed = Long.parseLong(value);
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new GatewayException.InvalidRequest("/" + name, name + " must be an integer between " + min + " and " + max);
  }
}
