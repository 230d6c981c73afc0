package com.creditgate.loadtest.simulations;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Choice;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The reusable steps of every persona, each one request with the checks that say what a correct answer is.
 * They read {@code accountId} (and, for checks, {@code amount}, {@code merchantCategory}, {@code channel})
 * from the session, which the simulation's feeders fill. Request bodies follow the gateway's OpenAPI
 * document ({@code gateway/src/main/resources/openapi.json}).
 */
final class Chains {
  private Chains() {}

  /** {@code POST /v1/holds} body; the same for the first request and its idempotent replay. */
  private static final String HOLD_BODY = "{\"accountId\":\"#{accountId}\",\"amount\":#{holdAmount},"
      + "\"ttlSeconds\":#{holdTtlSeconds},\"orderId\":\"#{orderId}\"}";
  /** {@code POST /v1/accounts/{id}/events} REPAYMENT body; the same for the event and its duplicate. */
  private static final String REPAYMENT_BODY = "{\"eventId\":\"#{eventId}\",\"type\":\"REPAYMENT\","
      + "\"amount\":#{repayAmount},\"occurredAt\":\"#{occurredAt}\"}";

  /** A fresh order id, hold Idempotency-Key and repayment event id for this user. */
  static final ChainBuilder NEW_ORDER = exec(session -> session
      .set("orderId", "ord-" + UUID.randomUUID())
      .set("holdKey", "hold-" + UUID.randomUUID())
      .set("eventId", "evt-" + UUID.randomUUID())
      .set("occurredAt", Instant.now().toString()));

  /**
   * The start of every checkout: a fresh order, an account from {@code accounts}, and an amount, merchant
   * category and channel from {@code feeders/checkouts.csv}.
   */
  static ChainBuilder newCheckout(Iterator<Map<String, Object>> accounts) {
    return NEW_ORDER.feed(accounts).feed(csv("feeders/checkouts.csv").random());
  }

  /** {@code POST /v1/limit-checks}: 200 with a decision, named {@code name}. */
  static ChainBuilder limitCheck(String name) {
    return exec(http(name).post("/v1/limit-checks")
        .body(StringBody("{\"accountId\":\"#{accountId}\",\"amount\":#{amount},\"orderId\":\"#{orderId}\","
            + "\"merchantCategory\":\"#{merchantCategory}\",\"channel\":\"#{channel}\"}"))
        .check(status().is(200),
            jmesPath("decision").in("APPROVE", "DECLINE", "REVIEW").saveAs("decision"),
            jmesPath("available").ofLong().gte(0L)));
  }

  /**
   * A limit-check timed per outcome in {@link ResponseTimes}, named {@code name}: 200 with a decision (recorded
   * as {@code whenAccepted}) or, unless {@code whenAccepted} is {@code UNLOADED}, 503 {@code overloaded} with
   * {@code Retry-After} (recorded as {@code SHED}). Nothing is recorded during the {@code WARMUP}.
   */
  static ChainBuilder timedLimitCheck(String name, ResponseTimes.Outcome whenAccepted) {
    Integer[] expected = whenAccepted == ResponseTimes.Outcome.UNLOADED ? new Integer[] {200}
        : new Integer[] {200, 503};
    return exec(http(name).post("/v1/limit-checks")
        .body(StringBody("{\"accountId\":\"#{accountId}\",\"amount\":#{amount},\"orderId\":\"#{orderId}\"}"))
        .check(status().in(expected).saveAs("status"), responseTimeInMillis().saveAs("responseMillis"))
        .checkIf((response, session) -> response.status().code() == 200)
        .then(jmesPath("decision").in("APPROVE", "DECLINE", "REVIEW"))
        .checkIf((response, session) -> response.status().code() == 503)
        .then(header("Retry-After").exists(), jmesPath("code").is("overloaded")))
        .exec(session -> {
          if (session.contains("status") && whenAccepted != ResponseTimes.Outcome.WARMUP) {
            ResponseTimes.record(session.getInt("status") == 200 ? whenAccepted : ResponseTimes.Outcome.SHED,
                session.getInt("responseMillis"));
          }
          return session;
        });
  }

  /**
   * {@code POST /v1/holds} with an Idempotency-Key: 201 (saves {@code holdId}) or 409 {@code hold-declined};
   * both are correct answers. Reads {@code holdAmount} and {@code holdTtlSeconds}.
   */
  static ChainBuilder placeHold(String name) {
    return exec(http(name).post("/v1/holds")
        .header("Idempotency-Key", "#{holdKey}")
        .body(StringBody(HOLD_BODY))
        .check(status().in(201, 409).saveAs("holdStatus"))
        .checkIf((response, session) -> response.status().code() == 201)
        .then(jmesPath("holdId").saveAs("holdId"), jmesPath("available").ofLong().gte(0L))
        .checkIf((response, session) -> response.status().code() == 409)
        .then(jmesPath("code").is("hold-declined")));
  }

  /** The same hold request again: the Idempotency-Key replays the first answer, the same hold. */
  static final ChainBuilder REPLAY_HOLD = doIf(session -> session.contains("holdId")).then(
      exec(http("place hold (idempotent replay)").post("/v1/holds")
          .header("Idempotency-Key", "#{holdKey}")
          .body(StringBody(HOLD_BODY))
          .check(status().is(201), jmesPath("holdId").isEL("#{holdId}"))));

  /** {@code POST /v1/holds/{id}/capture} of {@code captureAmount} (at most the hold's amount). */
  static final ChainBuilder CAPTURE = exec(http("capture hold").post("/v1/holds/#{holdId}/capture")
      .header("Idempotency-Key", "#{holdKey}-capture")
      .body(StringBody("{\"amount\":#{captureAmount}}"))
      .check(status().is(200), jmesPath("status").is("CAPTURED"), jmesPath("available").ofLong().gte(0L)));

  /** {@code DELETE /v1/holds/{id}}. */
  static final ChainBuilder RELEASE = exec(http("release hold").delete("/v1/holds/#{holdId}")
      .check(status().is(200), jmesPath("status").is("RELEASED")));

  /**
   * When a hold was placed: capture it ({@code capturePercent}), release it ({@code releasePercent}), or leave
   * it to expire (the rest).
   */
  static ChainBuilder settleHold(double capturePercent, double releasePercent) {
    return doIf(session -> session.contains("holdId")).then(randomSwitch().on(
        new Choice.WithWeight(capturePercent, CAPTURE),
        new Choice.WithWeight(releasePercent, RELEASE)));
  }

  /** {@code GET /v1/accounts/{id}/credit}, named {@code name}: 200 and a solvent state. */
  static ChainBuilder readCredit(String name) {
    return exec(http(name).get("/v1/accounts/#{accountId}/credit")
        .check(status().is(200), bodyString().transform(CreditInvariant::verdict).is(CreditInvariant.SOLVENT)));
  }

  /** {@code POST /v1/accounts/{id}/events} REPAYMENT with a unique eventId; 5 % are replayed as duplicates. */
  static final ChainBuilder REPAYMENT = exec(session -> session
          .set("repayAmount", 100 * ThreadLocalRandom.current().nextInt(1, 200)))
      .exec(http("repayment event").post("/v1/accounts/#{accountId}/events")
          .body(StringBody(REPAYMENT_BODY))
          .check(status().is(200), jmesPath("duplicate").ofBoolean().is(false),
              jmesPath("effect.repaid").ofLong().lte(session -> session.getLong("repayAmount"))))
      .randomSwitch().on(new Choice.WithWeight(5.0, exec(http("repayment event (duplicate)")
          .post("/v1/accounts/#{accountId}/events")
          .body(StringBody(REPAYMENT_BODY))
          .check(status().is(200), jmesPath("duplicate").ofBoolean().is(true)))));
}
