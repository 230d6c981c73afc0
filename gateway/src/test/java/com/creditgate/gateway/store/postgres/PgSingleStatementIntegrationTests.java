package com.creditgate.gateway.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.creditgate.gateway.error.GatewayException;
import com.creditgate.gateway.support.TestServices;
import com.creditgate.gateway.support.TestVertx;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link PgSingleStatement} against the real server, on a pool of ONE connection: the statement gets its cutoff on
 * the real wall clock; Postgres's answers, errors included, come at once; no answer within the deadline is the 503
 * of a missed deadline, and the connection comes back once the statement is over; a connection that comes after
 * the deadline gets no statement. (A connection lost mid-statement:
 * PostgresStallIntegrationTests; a cutoff read after the row lock: HoldDeadlineIntegrationTests.)
 */
class PgSingleStatementIntegrationTests {
  private TestVertx testVertx;
  private Pool pool;

  @BeforeEach
  void openPool() {
    testVertx = TestVertx.create();
    String url = TestServices.freshDatabase(testVertx.vertx());
    pool = TestServices.onePool(testVertx.vertx(), url);
  }

  @AfterEach
  void closePool() {
    TestServices.await(pool.close());
    testVertx.close();
    testVertx.assertNeverBlocked();
  }

  @Test
  void theSkewMarginIsAQuarterOfTheDeadlineAtMost250Millis() {
    assertThat(PgSingleStatement.skewMarginMillis(2_000)).isEqualTo(250);
    assertThat(PgSingleStatement.skewMarginMillis(1_000)).isEqualTo(250);
    assertThat(PgSingleStatement.skewMarginMillis(400)).isEqualTo(100);
    assertThat(PgSingleStatement.skewMarginMillis(10)).isEqualTo(2);
  }

  @Test
  void theStatementGetsTheWallClockPlusTheDeadlineLessTheMarginAsItsCutoff() {
    long beforeMillis = System.currentTimeMillis();
    Row row = TestServices.await(PgSingleStatement.execute(pool, 2_000,
        "SELECT $1::timestamptz AS cutoff, clock_timestamp() < $1 AS in_time", Tuple::of)).iterator().next();
    long afterMillis = System.currentTimeMillis();
    long cutoffMillis = row.getOffsetDateTime("cutoff").toInstant().toEpochMilli();
    assertThat(cutoffMillis).isBetween(beforeMillis + 1_750, afterMillis + 1_750);
    assertThat(row.getBoolean("in_time")).isTrue();
  }

  @Test
  void anErrorFromPostgresIsPassedOnAtOnceNotHeldToTheDeadline() {
    long startNanos = System.nanoTime();
    Future<RowSet<Row>> failing = PgSingleStatement.execute(pool, 5_000,
        "SELECT 1 / 0 AS n, $1::timestamptz AS cutoff", Tuple::of);
    assertThatThrownBy(() -> TestServices.await(failing)).hasMessageContaining("division by zero");
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos)).isLessThan(2_500);
  }

  @Test
  void aConnectionThatComesAfterTheDeadlineGetsNoStatement() {
    TestServices.await(pool.query("CREATE TABLE t (id int PRIMARY KEY)").execute());
    Future<RowSet<Row>> sleeper = pool.query("SELECT pg_sleep(0.8)").execute();
    // waits for the only connection, which the sleeper gives back past this write's deadline; no cutoff of its own
    Future<RowSet<Row>> late = PgSingleStatement.execute(pool, 300,
        "INSERT INTO t (id) SELECT 1 WHERE $1::timestamptz IS NOT NULL", Tuple::of);
    assertThatThrownBy(() -> TestServices.await(late))
        .hasRootCauseInstanceOf(GatewayException.DependencyUnavailable.class);
    TestServices.await(sleeper);
    // the pool hands its connection to waiters in order: the late write had its turn before this count
    assertThat(TestServices.await(pool.query("SELECT count(*) AS n FROM t").execute()).iterator().next()
        .getLong("n")).isZero();
  }

  @Test
  void noAnswerWithinTheDeadlineIsTheMissedDeadline503AndTheConnectionComesBack() {
    long startNanos = System.nanoTime();
    Future<RowSet<Row>> slow = PgSingleStatement.execute(pool, 300,
        "SELECT pg_sleep(0.8), $1::timestamptz AS cutoff", Tuple::of);
    assertThatThrownBy(() -> TestServices.await(slow))
        .hasRootCauseInstanceOf(GatewayException.DependencyUnavailable.class)
        .hasRootCauseMessage("postgres: the write did not complete within 300 ms and was rolled back; retry shortly");
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos)).isLessThan(800);
    // the only connection: back in the pool once the sleep is over
    OffsetDateTime cutoff = TestServices.await(PgSingleStatement.execute(pool, 5_000,
        "SELECT $1::timestamptz AS cutoff", Tuple::of)).iterator().next().getOffsetDateTime("cutoff");
    assertThat(cutoff).isNotNull();
  }
}
