package com.creditgate.gateway.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.gateway.support.Accounts;
import com.creditgate.gateway.support.PgActivity;
import com.creditgate.gateway.support.TcpProxy;
import com.creditgate.gateway.support.TestGateway;
import com.creditgate.gateway.support.TestServices;
import com.creditgate.gateway.support.TestVertx;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Postgres stalled or cut under money writes, through a {@link TcpProxy} in front of the shared server (which
 * is never touched): a frozen Postgres answers 503 + Retry-After within MONEY_WRITE_DEADLINE_MILLIS and leaves
 * nothing applied; a connection reset mid-write is a 503, not a 500.
 */
class PostgresStallIntegrationTests {
  private static final long DEADLINE_MILLIS = 3_000;
  /** Room for a loaded 2-core machine on top of the deadline. */
  private static final long SLACK_MILLIS = 3_000;
  /** How the gateway's hold-placing statement starts, to find it in {@code pg_stat_activity}. */
  private static final String HOLD_STATEMENT_PREFIX = "WITH acc AS";
  private TestVertx testVertx;
  private TcpProxy proxy;
  private String directPgUrl;
  private TestGateway gateway;

  @BeforeEach
  void startGateway() {
    testVertx = TestVertx.create();
    Map<String, String> settings = TestGateway.freshSettings(testVertx.vertx());
    directPgUrl = settings.get("PG_URL");
    proxy = TcpProxy.toUrl(directPgUrl);
    settings.put("PG_URL", proxy.rewrite(directPgUrl));
    settings.put("MONEY_WRITE_DEADLINE_MILLIS", Long.toString(DEADLINE_MILLIS));
    gateway = TestGateway.start(testVertx.vertx(), settings, Clock.systemUTC());
  }

  @AfterEach
  void stopGateway() {
    proxy.thaw();
    gateway.close();
    proxy.close();
    testVertx.close();
    testVertx.assertNeverBlocked();
  }

  private static JsonObject repayment(String eventId) {
    return new JsonObject().put("eventId", eventId).put("type", "REPAYMENT").put("amount", 100)
        .put("occurredAt", "2026-11-22T09:00:00Z");
  }

  @Test
  void moneyWritesAnswer503WithinTheDeadlineWhilePostgresIsFrozenAndNothingIsApplied() {
    gateway.put("/v1/accounts/stall-1", Accounts.goodProfile());
    proxy.freeze();
    long startNanos = System.nanoTime();
    Future<HttpResponse<Buffer>> hold = gateway.request(HttpMethod.POST, "/v1/holds")
        .sendJsonObject(new JsonObject().put("accountId", "stall-1").put("amount", 100));
    Future<HttpResponse<Buffer>> event = gateway.request(HttpMethod.POST, "/v1/accounts/stall-1/events")
        .sendJsonObject(repayment("stall-e1"));
    Future<HttpResponse<Buffer>> profile = gateway.request(HttpMethod.PUT, "/v1/accounts/stall-1")
        .sendJsonObject(Accounts.goodProfile().put("monthlyIncome", 9_000_000));
    long thawTimer = testVertx.vertx().setTimer(DEADLINE_MILLIS + SLACK_MILLIS + 1_000, id -> proxy.thaw());
    TestServices.await(Future.join(hold, event, profile));
    long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    testVertx.vertx().cancelTimer(thawTimer);
    for (HttpResponse<Buffer> answer : List.of(hold.result(), event.result(), profile.result())) {
      assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(503);
      assertThat(answer.getHeader("Retry-After")).isEqualTo("1");
      assertThat(answer.bodyAsJsonObject().getString("code")).isEqualTo("dependency-unavailable");
    }
    assertThat(elapsedMillis).as("answered within the deadline").isLessThan(DEADLINE_MILLIS + SLACK_MILLIS);
    System.out.printf("FAULT-FIGURE postgres frozen: hold, event and profile write answered 503 after %d ms (deadline %d ms)%n",
        elapsedMillis, DEADLINE_MILLIS);

    proxy.thaw();
    HttpResponse<Buffer> retried = gateway.post("/v1/holds", new JsonObject().put("accountId", "stall-1")
        .put("amount", 100));
    assertThat(retried.statusCode()).as(retried.bodyAsString()).isEqualTo(201);
    TestGateway.Sql direct = new TestGateway.Sql(testVertx.vertx(), directPgUrl);
    assertThat(direct.query("SELECT count(*) AS n FROM holds WHERE account_id = 'stall-1'").iterator().next()
        .getLong("n")).as("only the retried hold exists").isEqualTo(1);
    assertThat(direct.query("SELECT held_minor FROM accounts WHERE account_id = 'stall-1'").iterator().next()
        .getLong("held_minor")).isEqualTo(100);
    assertThat(direct.query("SELECT count(*) AS n FROM account_events WHERE event_id = 'stall-e1'").iterator()
        .next().getLong("n")).as("the frozen event was rolled back").isZero();
    assertThat(direct.query("SELECT monthly_income_minor AS income FROM accounts"
        + " WHERE account_id = 'stall-1'").iterator().next().getLong("income")).as("the frozen profile write")
        .isEqualTo(2_000_000);
  }

  @Test
  void aConnectionResetMidWriteIs503AndAppliesNothing() throws InterruptedException {
    gateway.put("/v1/accounts/reset-1", Accounts.goodProfile());
    Pool direct = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(directPgUrl)).using(testVertx.vertx()).build();
    SqlConnection locker = TestServices.await(direct.getConnection());
    try {
      TestServices.await(locker.query("BEGIN").execute()
          .compose(v -> locker.query("SELECT 1 FROM accounts WHERE account_id = 'reset-1' FOR UPDATE").execute()));
      Future<HttpResponse<Buffer>> hold = gateway.request(HttpMethod.POST, "/v1/holds")
          .sendJsonObject(new JsonObject().put("accountId", "reset-1").put("amount", 100));
      PgActivity.awaitBlockedOnALock(direct);
      proxy.reset();
      HttpResponse<Buffer> answer = TestServices.await(hold);
      assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(503);
      assertThat(answer.getHeader("Retry-After")).isEqualTo("1");
      assertThat(answer.bodyAsJsonObject().getString("detail")).as("classified, not timed out")
          .doesNotContain("did not complete within");
    } finally {
      TestServices.await(locker.query("ROLLBACK").execute().eventually(locker::close));
    }
    // the gateway's statement, released by the ROLLBACK, may still run on the server (a backend waiting for a lock
    // does not notice that its client is gone): only once it is over does the data say what it did
    PgActivity.awaitNoneRunning(direct, HOLD_STATEMENT_PREFIX);
    Row after = TestServices.await(direct.query("SELECT held_minor, (SELECT count(*) FROM holds"
        + " WHERE account_id = 'reset-1') AS holds FROM accounts WHERE account_id = 'reset-1'").execute()
        .eventually(direct::close)).iterator().next();
    assertThat(after.getLong("held_minor")).as("nothing applied after the client was told 503").isZero();
    assertThat(after.getLong("holds")).isZero();
  }
}
