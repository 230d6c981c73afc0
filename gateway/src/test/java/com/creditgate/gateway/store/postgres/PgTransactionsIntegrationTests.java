package com.creditgate.gateway.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.creditgate.gateway.error.GatewayException;
import com.creditgate.gateway.support.TestServices;
import com.creditgate.gateway.support.TestVertx;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link PgTransactions} against the real server, on a pool of ONE connection so every call reuses the connection
 * the previous one returned: the body's statements are inside the transaction (rolled back with it, whether the body
 * fails, throws or outlives its deadline), and no call leaves the connection inside a transaction.
 */
class PgTransactionsIntegrationTests {
  private TestVertx testVertx;
  private Pool pool;

  @BeforeEach
  void openPool() {
    testVertx = TestVertx.create();
    String url = TestServices.freshDatabase(testVertx.vertx());
    pool = TestServices.onePool(testVertx.vertx(), url);
    TestServices.await(pool.query("CREATE TABLE t (id int PRIMARY KEY)").execute());
  }

  @AfterEach
  void closePool() {
    TestServices.await(pool.close());
    testVertx.close();
    testVertx.assertNeverBlocked();
  }

  private static Future<Void> insert(SqlConnection conn, int id) {
    return conn.preparedQuery("INSERT INTO t (id) VALUES ($1)").execute(Tuple.of(id)).mapEmpty();
  }

  private long rows() {
    return TestServices.await(pool.query("SELECT count(*) AS n FROM t").execute()).iterator().next().getLong("n");
  }

  @Test
  void aBodyThatFailsAfterItsFirstStatementLeavesNothing() {
    Future<Void> failing = PgTransactions.withDeadline(pool, 5_000,
        conn -> insert(conn, 1).compose(v -> conn.query("SELECT 1 / 0").execute()).mapEmpty());
    assertThatThrownBy(() -> TestServices.await(failing)).hasMessageContaining("division by zero");
    assertThat(rows()).isZero();
  }

  @Test
  void theFirstStatementRunsInTheTransactionThatBeginOpened() {
    // in a statement of its own (autocommit) the two are the same instant; after BEGIN, the transaction's is earlier
    Row row = TestServices.await(PgTransactions.withDeadline(pool, 5_000,
        conn -> conn.query("SELECT transaction_timestamp() < statement_timestamp() AS begun_earlier").execute()
            .map(rows -> rows.iterator().next())));
    assertThat(row.getBoolean("begun_earlier")).isTrue();
  }

  @Test
  void aBodyPastTheDeadlineIsRolledBackAndTheConnectionIsReusable() {
    Future<Void> slow = PgTransactions.withDeadline(pool, 300,
        conn -> insert(conn, 2).compose(v -> conn.query("SELECT pg_sleep(1)").execute()).mapEmpty());
    assertThatThrownBy(() -> TestServices.await(slow)).hasRootCauseInstanceOf(GatewayException.DependencyUnavailable.class)
        .hasStackTraceContaining("rolled back");
    // the same (only) connection afterwards: outside any transaction, so an autocommit insert is committed
    TestServices.await(pool.query("INSERT INTO t (id) VALUES (3)").execute());
    assertThat(TestServices.await(pool.query("SELECT array_agg(id) AS ids FROM t").execute()).iterator().next()
        .getArrayOfIntegers("ids")).containsExactly(3);
  }

  @Test
  void aBodyThatThrowsAfterItsFirstStatementIsRolledBackAndGivesTheConnectionBack() {
    Future<Void> throwing = PgTransactions.withDeadline(pool, 5_000, conn -> {
      insert(conn, 6);
      throw new IllegalStateException("a bug in a command");
    });
    assertThatThrownBy(() -> TestServices.await(throwing)).hasRootCauseMessage("a bug in a command");
    // the one connection came back, outside any transaction: this call gets it and commits
    TestServices.await(PgTransactions.withDeadline(pool, 5_000, conn -> insert(conn, 7)));
    assertThat(TestServices.await(pool.query("SELECT array_agg(id) AS ids FROM t").execute()).iterator().next()
        .getArrayOfIntegers("ids")).containsExactly(7);
  }

  @Test
  void aBodyThatGoesOnAfterItsDeadlineCannotWriteOutsideTheTransaction() throws InterruptedException {
    // the body's first statement outlives the deadline; its continuation then tries to write
    Future<Void> late = PgTransactions.withDeadline(pool, 300,
        conn -> conn.query("SELECT pg_sleep(0.8)").execute().compose(v -> insert(conn, 8)).mapEmpty());
    assertThatThrownBy(() -> TestServices.await(late)).hasRootCauseInstanceOf(GatewayException.DependencyUnavailable.class);
    Thread.sleep(1_500); // the sleep ends, the continuation runs, the rollback completes
    assertThat(rows()).as("nothing written after the client was told 503").isZero();
  }

  @Test
  void aCommittedBodyIsVisibleAndReturnsItsResult() {
    Integer result = TestServices.await(PgTransactions.withDeadline(pool, 5_000,
        conn -> insert(conn, 4).compose(v -> insert(conn, 5)).map(7)));
    assertThat(result).isEqualTo(7);
    assertThat(rows()).isEqualTo(2);
  }
}
