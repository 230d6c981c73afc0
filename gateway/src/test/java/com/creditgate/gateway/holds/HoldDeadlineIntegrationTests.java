package com.creditgate.gateway.holds;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.gateway.support.Accounts;
import com.creditgate.gateway.support.MutableClock;
import com.creditgate.gateway.support.PgActivity;
import com.creditgate.gateway.support.TcpProxy;
import com.creditgate.gateway.support.TestGateway;
import com.creditgate.gateway.support.TestServices;
import com.creditgate.gateway.support.TestVertx;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A hold that waits for its account's row lock past its deadline applies nothing, even when the lock is released
 * after the client was told 503 and before Postgres's {@code statement_timeout} would cancel it. The statement is
 * made to reach Postgres half-way to the deadline (held in a frozen {@link TcpProxy}), so: it starts well before its
 * cutoff, and only a cutoff read after the lock wait refuses it; and {@code statement_timeout}, counted from its
 * arrival, still has half a deadline to run when the test releases the lock, so the release, not the timeout, ends
 * the wait. The business clock is years ahead: a cutoff taken from it would never pass. And a hold in time costs
 * one round trip to Postgres, with no BEGIN or COMMIT around its statement.
 */
class HoldDeadlineIntegrationTests {
  private static final long DEADLINE_MILLIS = 2_000;
  /** Room for a loaded 2-core machine on top of the deadline. */
  private static final long SLACK_MILLIS = 3_000;
  /** What the proxy adds to every reply of Postgres in the round-trip test. */
  private static final long ROUND_TRIP_MILLIS = 400;
  private TestVertx testVertx;
  private TcpProxy proxy;
  private TestGateway gateway;
  private Pool direct;

  @BeforeEach
  void startGateway() {
    testVertx = TestVertx.create();
    Map<String, String> settings = TestGateway.freshSettings(testVertx.vertx());
    String directPgUrl = settings.get("PG_URL");
    proxy = TcpProxy.toUrl(directPgUrl);
    settings.put("PG_URL", proxy.rewrite(directPgUrl));
    settings.put("MONEY_WRITE_DEADLINE_MILLIS", Long.toString(DEADLINE_MILLIS));
    // one API verticle with one connection: every hold runs on the connection the previous one prepared
    settings.put("VERTICLE_INSTANCES", "1");
    settings.put("PG_POOL_SIZE", "1");
    gateway = TestGateway.start(testVertx.vertx(), settings, new MutableClock(Instant.parse("2031-06-01T10:00:00Z")));
    direct = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(directPgUrl)).using(testVertx.vertx()).build();
  }

  @AfterEach
  void stopGateway() {
    proxy.thaw();
    TestServices.await(direct.close());
    gateway.close();
    proxy.close();
    testVertx.close();
    testVertx.assertNeverBlocked();
  }

  @Test
  void aHoldWithoutAKeyThatGetsTheRowLockPastItsCutoffAppliesNothing() throws InterruptedException {
    HttpResponse<Buffer> answer = holdBehindTheRowLock("late-1", gateway.request(HttpMethod.POST, "/v1/holds"));
    assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(503);
    assertThat(answer.getHeader("Retry-After")).isEqualTo("1");
    assertThat(answer.bodyAsJsonObject().getString("detail")).as("the deadline's 503, never a decline")
        .isEqualTo("postgres: the write did not complete within " + DEADLINE_MILLIS
            + " ms and was rolled back; retry shortly");
    assertThat(heldMinor("late-1")).as("nothing applied after the client was told 503").isZero();
    assertThat(holds("late-1")).isZero();
  }

  @Test
  void aHoldWithAKeyThatMissedItsDeadlineRunsAfreshOnRetryAndThenReplays() throws InterruptedException {
    HttpResponse<Buffer> missed = holdBehindTheRowLock("late-2",
        gateway.request(HttpMethod.POST, "/v1/holds").putHeader("Idempotency-Key", "late-2-order"));
    assertThat(missed.statusCode()).as(missed.bodyAsString()).isEqualTo(503);
    assertThat(heldMinor("late-2")).isZero();

    HttpResponse<Buffer> retried = TestServices.await(gateway.request(HttpMethod.POST, "/v1/holds")
        .putHeader("Idempotency-Key", "late-2-order").sendJsonObject(hold("late-2")));
    HttpResponse<Buffer> replayed = TestServices.await(gateway.request(HttpMethod.POST, "/v1/holds")
        .putHeader("Idempotency-Key", "late-2-order").sendJsonObject(hold("late-2")));
    assertThat(retried.statusCode()).as(retried.bodyAsString()).isEqualTo(201);
    assertThat(replayed.statusCode()).isEqualTo(201);
    assertThat(replayed.getHeader("Idempotent-Replayed")).isEqualTo("true");
    assertThat(replayed.bodyAsJsonObject().getString("holdId")).isEqualTo(retried.bodyAsJsonObject().getString("holdId"));
    assertThat(heldMinor("late-2")).isEqualTo(100);
    assertThat(holds("late-2")).isEqualTo(1);
  }

  @Test
  void aHoldWithoutAKeyTakesOneRoundTripToPostgres() {
    gateway.put("/v1/accounts/one-trip", Accounts.goodProfile());
    // the only connection has the placing statement prepared: from now on a hold needs no Parse round trip
    assertThat(gateway.post("/v1/holds", hold("one-trip")).statusCode()).isEqualTo(201);
    proxy.delayReplies(ROUND_TRIP_MILLIS);
    long startNanos = System.nanoTime();
    HttpResponse<Buffer> placed = gateway.post("/v1/holds", hold("one-trip"));
    long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    proxy.delayReplies(0);
    assertThat(placed.statusCode()).as(placed.bodyAsString()).isEqualTo(201);
    assertThat(placed.bodyAsJsonObject().getString("decision")).isEqualTo("APPROVE");
    // BEGIN, the statement and COMMIT would be three delayed replies
    assertThat(elapsedMillis).as("one delayed reply").isBetween(ROUND_TRIP_MILLIS, 2 * ROUND_TRIP_MILLIS - 1);
    assertThat(heldMinor("one-trip")).isEqualTo(200);
  }

  @Test
  void aHoldIsReadInOneRoundTripWithoutATransaction() {
    gateway.put("/v1/accounts/read-trip", Accounts.goodProfile());
    String holdId = gateway.post("/v1/holds", hold("read-trip")).bodyAsJsonObject().getString("holdId");
    // the only connection has the read prepared: from now on a read needs no Parse round trip
    assertThat(gateway.get("/v1/holds/" + holdId).statusCode()).isEqualTo(200);
    proxy.delayReplies(ROUND_TRIP_MILLIS);
    long startNanos = System.nanoTime();
    HttpResponse<Buffer> read = gateway.get("/v1/holds/" + holdId);
    long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    proxy.delayReplies(0);
    assertThat(read.statusCode()).as(read.bodyAsString()).isEqualTo(200);
    assertThat(read.bodyAsJsonObject().getString("status")).isEqualTo("ACTIVE");
    // BEGIN, the read and COMMIT would be three delayed replies
    assertThat(elapsedMillis).as("one delayed reply").isBetween(ROUND_TRIP_MILLIS, 2 * ROUND_TRIP_MILLIS - 1);
  }

  @Test
  void aHoldReadDoesNotWaitForACaptureInFlight() {
    gateway.put("/v1/accounts/read-locked", Accounts.goodProfile());
    String holdId = gateway.post("/v1/holds", hold("read-locked")).bodyAsJsonObject().getString("holdId");
    SqlConnection capturing = TestServices.await(direct.getConnection());
    try {
      // a capture in flight: its transaction holds the hold's row lock (and has changed the row, uncommitted)
      TestServices.await(capturing.query("BEGIN").execute().compose(v -> capturing.preparedQuery(
          "UPDATE holds SET status = 'CAPTURED', captured_minor = amount_minor WHERE hold_id = $1")
          .execute(Tuple.of(holdId))));
      HttpResponse<Buffer> read = gateway.get("/v1/holds/" + holdId);
      assertThat(read.statusCode()).as("answered, not held to the deadline: " + read.bodyAsString()).isEqualTo(200);
      assertThat(read.bodyAsJsonObject().getString("status")).as("the last committed state").isEqualTo("ACTIVE");
    } finally {
      TestServices.await(capturing.query("ROLLBACK").execute().eventually(capturing::close));
    }
  }

  /**
   * Places a 100 hold through {@code request} on a new account whose row the test locks meanwhile; the statement is
   * held in the frozen proxy until half the deadline. Answers once the lock is released and the statement is over.
   */
  private HttpResponse<Buffer> holdBehindTheRowLock(String accountId, HttpRequest<Buffer> request)
      throws InterruptedException {
    gateway.put("/v1/accounts/" + accountId, Accounts.goodProfile());
    SqlConnection locker = TestServices.await(direct.getConnection());
    try {
      TestServices.await(locker.query("BEGIN").execute().compose(v -> locker.preparedQuery(
          "SELECT 1 FROM accounts WHERE account_id = $1 FOR UPDATE").execute(Tuple.of(accountId))));
      proxy.freeze();
      long startNanos = System.nanoTime();
      AtomicLong chunksHeldAtThaw = new AtomicLong(-1);
      testVertx.vertx().setTimer(DEADLINE_MILLIS / 2, id -> {
        chunksHeldAtThaw.set(proxy.chunksHeld());
        proxy.thaw();
      });
      Future<HttpResponse<Buffer>> hold = request.sendJsonObject(hold(accountId));
      PgActivity.awaitBlockedOnALock(direct);
      HttpResponse<Buffer> answer = TestServices.await(hold);
      long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
      assertThat(chunksHeldAtThaw.get()).as("the statement waited in the frozen proxy").isPositive();
      assertThat(elapsedMillis).as("answered at the deadline").isBetween(DEADLINE_MILLIS - 100,
          DEADLINE_MILLIS + SLACK_MILLIS);
      return answer;
    } finally {
      TestServices.await(locker.query("ROLLBACK").execute().eventually(locker::close));
      PgActivity.awaitNoneRunning(direct, "WITH acc AS");
    }
  }

  private static JsonObject hold(String accountId) {
    return new JsonObject().put("accountId", accountId).put("amount", 100);
  }

  private long heldMinor(String accountId) {
    return TestServices.await(direct.preparedQuery("SELECT held_minor FROM accounts WHERE account_id = $1")
        .execute(Tuple.of(accountId))).iterator().next().getLong("held_minor");
  }

  private long holds(String accountId) {
    return TestServices.await(direct.preparedQuery("SELECT count(*) AS n FROM holds WHERE account_id = $1")
        .execute(Tuple.of(accountId))).iterator().next().getLong("n");
  }
}
