package com.creditgate.gateway.store.postgres;

import com.creditgate.gateway.support.TestGateway;
import com.creditgate.gateway.support.TestServices;
import com.creditgate.gateway.support.TestVertx;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A fresh database for migration tests, brought to the schema an older release left ({@link #apply}), then to
 * today's ({@link #migrate}): its own Vert.x, a one-connection pool and a {@link TestGateway.Sql} on it. Close it.
 */
final class OlderSchema implements AutoCloseable {
  private final Vertx vertx;
  private final Pool pool;
  private final TestGateway.Sql sql;

  private OlderSchema(Vertx vertx, String url) {
    this.vertx = vertx;
    this.pool = TestServices.onePool(vertx, url);
    this.sql = new TestGateway.Sql(vertx, url);
  }

  /** A fresh database with no schema. */
  static OlderSchema open() {
    Vertx vertx = TestVertx.loopLimited();
    return new OlderSchema(vertx, TestServices.freshDatabase(vertx));
  }

  Pool pool() {
    return pool;
  }

  TestGateway.Sql sql() {
    return sql;
  }

  /** Applies only the migrations {@code names}, in order, recorded as applied the way {@link Migrations} records them. */
  void apply(List<String> names) throws IOException {
    TestServices.await(pool.query("CREATE TABLE schema_migrations (version text PRIMARY KEY, "
        + "applied_at timestamptz NOT NULL DEFAULT now())").execute());
    for (String name : names) {
      TestServices.await(pool.query(resource(name)).execute());
      sql.query("INSERT INTO schema_migrations (version) VALUES ($1)", name);
    }
  }

  /** Applies every pending migration, as the gateway does at start. */
  void migrate() {
    TestServices.await(Migrations.apply(vertx, pool));
  }

  @Override
  public void close() {
    TestServices.await(pool.close());
    TestServices.await(vertx.close());
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream("db/migration/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
