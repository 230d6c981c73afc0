package com.creditgate.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The test support's own housekeeping: test databases past their age are dropped, newer ones are kept. */
class TestServicesTests {
  @Test
  void testDatabasesOlderThanTheLimitAreDroppedAndNewerOnesKept() {
    Vertx vertx = Vertx.vertx();
    Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(1))
        .connectingTo(PgConnectOptions.fromUri(TestServices.adminPgUrl())).using(vertx).build();
    try {
      long now = System.currentTimeMillis() / 1000;
      String stale = "cg_test_" + (now - TestServices.STALE_DATABASE_SECONDS - 60) + "_0badc0de";
      String recent = "cg_test_" + (now - 60) + "_0000beef";
      TestServices.await(pool.query("CREATE DATABASE " + stale).execute());
      TestServices.await(pool.query("CREATE DATABASE " + recent).execute());

      TestServices.dropStaleDatabases(pool, now);

      List<String> left = StreamSupport.stream(TestServices.await(pool.query(
          "SELECT datname FROM pg_database WHERE datname IN ('" + stale + "', '" + recent + "')").execute())
          .spliterator(), false).map(row -> row.getString(0)).toList();
      assertThat(left).containsExactly(recent);
      TestServices.await(pool.query("DROP DATABASE " + recent).execute());
    } finally {
      TestServices.await(pool.close());
      TestServices.await(vertx.close());
    }
  }
}
