package com.creditgate.gateway.store.postgres;

import static com.creditgate.gateway.support.TestServices.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.gateway.support.TestServices;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnection;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which failures of a real pool count as "Postgres unavailable" (a 503 to retry) and which as a bug (a 500). */
class PgFailuresIntegrationTests {
  private Vertx vertx;
  private Pool pool;

  @BeforeEach
  void pool() {
    vertx = Vertx.vertx();
    pool = PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(1).setConnectionTimeout(200).setConnectionTimeoutUnit(TimeUnit.MILLISECONDS))
        .connectingTo(PgConnectOptions.fromUri(TestServices.freshDatabase(vertx))).using(vertx).build();
  }

  @AfterEach
  void close() {
    await(pool.close());
    await(vertx.close());
  }

  @Test
  void aRequestThatWaitedPastThePoolsConnectionTimeoutIsUnavailable() {
    SqlConnection busy = await(pool.getConnection());
    try {
      Throwable failure = failureOf(pool.query("SELECT 1").execute());
      assertThat(failure).isNotNull();
      assertThat(PgFailures.unavailable(failure)).as("pool wait timeout %s", failure).isTrue();
    } finally {
      await(busy.close());
    }
    assertThat(await(pool.query("SELECT 1").execute()).size()).isEqualTo(1);
  }

  @Test
  void aFailingStatementIsNotUnavailable() {
    Throwable syntax = failureOf(pool.query("SELEKT 1").execute());
    Throwable missing = failureOf(pool.query("SELECT * FROM no_such_table").execute());
    assertThat(PgFailures.unavailable(syntax)).as("%s", syntax).isFalse();
    assertThat(PgFailures.unavailable(missing)).as("%s", missing).isFalse();
  }

  private static Throwable failureOf(Future<?> future) {
    try {
      future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      return null;
    } catch (java.util.concurrent.ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
