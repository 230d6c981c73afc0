package com.creditgate.gateway.store.postgres;

import com.creditgate.gateway.support.TestGateway;
import com.creditgate.gateway.support.TestServices;
import io.vertx.sqlclient.Pool;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A fresh database brought to the schema an older release left, for migration tests. */
final class OlderSchema {
  private OlderSchema() {}

  /** Applies only the migrations {@code names}, in order, recorded as applied the way {@link Migrations} records them. */
  static void apply(Pool pool, TestGateway.Sql sql, List<String> names) throws IOException {
    TestServices.await(pool.query("CREATE TABLE schema_migrations (version text PRIMARY KEY, "
        + "applied_at timestamptz NOT NULL DEFAULT now())").execute());
    for (String name : names) {
      TestServices.await(pool.query(resource(name)).execute());
      sql.query("INSERT INTO schema_migrations (version) VALUES ($1)", name);
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream("db/migration/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
