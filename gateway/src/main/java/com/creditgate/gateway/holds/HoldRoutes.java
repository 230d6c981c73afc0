package com.creditgate.gateway.holds;

import com.creditgate.common.TimeOrderedIds;
import com.creditgate.gateway.config.MoneySettings;
import com.creditgate.gateway.error.GatewayException;
import com.creditgate.gateway.http.ApiAuth;
import com.creditgate.gateway.http.FlatJsonBody;
import com.creditgate.gateway.http.JsonBody;
import com.creditgate.gateway.http.RouteModule;
import com.creditgate.gateway.http.Validation;
import com.creditgate.gateway.idempotency.HttpAnswer;
import com.creditgate.gateway.idempotency.IdempotentCommands;
import com.creditgate.gateway.ledger.LedgerAccess;
import com.creditgate.gateway.store.AccountRecord;
import com.creditgate.gateway.store.cache.TieredAccountStore;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code POST /v1/holds}, {@code GET /v1/holds/{id}}, {@code POST /v1/holds/{id}/capture},
 * {@code DELETE /v1/holds/{id}}. Money truth is Postgres: each operation is one transaction (placing a hold without
 * an {@code Idempotency-Key}: one autocommit statement, one round trip); after commit the account is published to
 * Redis and every replica's L1, as the placing statement returned it for a new hold and re-read after a capture or
 * release.
 */
public final class HoldRoutes implements RouteModule {
  private final Pool pool;
  private final TieredAccountStore store;
  private final IdempotentCommands commands;
  private final MoneySettings settings;
  private final long deadlineMillis;
  private final Clock clock;
  private static final HexFormat HEX = HexFormat.of();
  private final HoldRepository holds = new HoldRepository();
  /** This verticle's reader of hold bodies: routes are built per verticle, so it stays on one event loop. */
  private final FlatJsonBody holdBody = HoldRequest.reader();

  /** Each hold read (one statement, no transaction) is bounded by the money-write deadline, like the writes. */
  public HoldRoutes(LedgerAccess access, IdempotentCommands commands, MoneySettings settings) {
    this.pool = access.pool();
    this.store = access.store();
    this.deadlineMillis = access.writeDeadlineMillis();
    this.clock = access.clock();
    this.commands = commands;
    this.settings = settings;
  }

  @Override
  public void mount(Router router) {
    router.post("/v1/holds").handler(this::place);
    router.get("/v1/holds/:holdId").handler(this::get);
    router.post("/v1/holds/:holdId/capture").handler(this::capture);
    router.delete("/v1/holds/:holdId").handler(this::release);
  }

  /**
   * Without an {@code Idempotency-Key}, one round trip: the placing statement alone, in autocommit, keeping the
   * deadline itself ({@link HoldRepository#place(Pool, HoldRepository.NewHold, long)}). With a key, the claim, the
   * statement and the record of the answer in one transaction.
   */
  private void place(RoutingContext ctx) {
    HoldRequest request = HoldRequest.parse(holdBody.read(ctx.body().buffer()), settings.holdTtlDefaultSeconds(),
        settings.holdTtlMaxSeconds());
    Instant now = clock.instant();
    HoldRepository.NewHold hold = new HoldRepository.NewHold(holdId(now), request, ctx.get(ApiAuth.CLIENT_ID),
        now.plusSeconds(request.ttlSeconds()));
    finish(ctx, commands.run(ctx,
        conn -> holds.place(conn, hold, deadlineMillis).map(account -> placed(hold, account)),
        () -> holds.place(pool, hold, deadlineMillis).map(account -> placed(hold, account))));
  }

  private static HttpAnswer placed(HoldRepository.NewHold hold, AccountRecord account) {
    HoldRequest request = hold.request();
    return HttpAnswer.json(201, HoldAnswer.placed(hold.holdId(), request.accountId(), request.amountMinor(),
        account.state().availableMinor(), hold.expiresAt(), request.orderId())).changed(account);
  }

  private void get(RoutingContext ctx) {
    String holdId = Validation.pathId("holdId", ctx.pathParam("holdId"));
    holds.find(pool, holdId, ctx.get(ApiAuth.CLIENT_ID))
        .timeout(deadlineMillis, TimeUnit.MILLISECONDS)
        .recover(e -> Future.failedFuture(e instanceof TimeoutException
            ? new GatewayException.DependencyUnavailable("postgres",
                "the read did not complete within " + deadlineMillis + " ms; retry shortly")
            : e))
        .onSuccess(hold -> HttpAnswer.json(200, hold.json()).send(ctx))
        .onFailure(ctx::fail);
  }

  private void capture(RoutingContext ctx) {
    String holdId = Validation.pathId("holdId", ctx.pathParam("holdId"));
    Long requested = captureAmount(ctx.body().buffer());
    Instant now = clock.instant();
    finish(ctx, commands.run(ctx, conn -> holds.lock(conn, holdId, ctx.get(ApiAuth.CLIENT_ID)).compose(hold -> {
      requireActive(hold, now);
      long amount = requested == null ? hold.amountMinor() : requested;
      if (amount > hold.amountMinor()) {
        throw JsonBody.invalid("amount", "must not exceed the hold's amount " + hold.amountMinor());
      }
      return holds.resolve(conn, hold, "CAPTURED", amount, now).map(available -> HttpAnswer.json(200,
          new JsonObject().put("holdId", holdId).put("accountId", hold.accountId()).put("status", "CAPTURED")
              .put("captured", amount).put("released", hold.amountMinor() - amount).put("available", available))
          .changed(hold.accountId()));
    })));
  }

  private void release(RoutingContext ctx) {
    String holdId = Validation.pathId("holdId", ctx.pathParam("holdId"));
    Instant now = clock.instant();
    finish(ctx, commands.run(ctx, conn -> holds.lock(conn, holdId, ctx.get(ApiAuth.CLIENT_ID)).compose(hold -> {
      return switch (hold.status()) {
        case "ACTIVE" -> holds.resolve(conn, hold, "RELEASED", 0, now)
            .map(available -> HttpAnswer.json(200, hold.json().put("status", "RELEASED").put("available", available))
                .changed(hold.accountId()));
        case "RELEASED", "EXPIRED" -> Future.succeededFuture(HttpAnswer.json(200, hold.json()));
        default -> throw new GatewayException.Conflict("hold-captured", "hold " + holdId + " was already captured");
      };
    })));
  }

  /**
   * {@code hld_} and the 32 hex digits of a version-7 UUID ({@link TimeOrderedIds}): ids placed later sort later,
   * so the holds' key index grows at its right edge, and making one needs no {@code SecureRandom}. A hold id is not
   * a secret: a hold answers only the client that placed it (another client gets 404, as for an unknown id).
   */
  static String holdId(Instant now) {
    UUID id = TimeOrderedIds.next(now.toEpochMilli());
    return "hld_" + HEX.toHexDigits(id.getMostSignificantBits()) + HEX.toHexDigits(id.getLeastSignificantBits());
  }

  /** The capture body's {@code amount}: {@code null} (the whole hold) without a body or without the field. */
  static Long captureAmount(Buffer raw) {
    JsonBody body = raw == null || raw.length() == 0 ? null : JsonBody.of(raw);
    return body == null ? null : body.optionalLong("amount", 1, HoldRequest.AMOUNT_MAX_MINOR).orElse(null);
  }

  private static void requireActive(HoldRepository.Hold hold, Instant now) {
    if (!"ACTIVE".equals(hold.status())) {
      throw new GatewayException.Conflict("hold-not-active", "hold " + hold.holdId() + " is " + hold.status());
    }
    if (!hold.expiresAt().isAfter(now)) {
      throw new GatewayException.Conflict("hold-expired", "hold " + hold.holdId() + " expired at " + hold.expiresAt());
    }
  }

  private void finish(RoutingContext ctx, Future<HttpAnswer> answer) {
    HttpAnswer.sendAfterRefresh(ctx, answer, store);
  }
}
