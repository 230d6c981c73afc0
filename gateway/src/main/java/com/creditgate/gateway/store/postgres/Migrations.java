package com.creditgate.gateway.store.postgres;

import com.creditgate.common.Check;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the versioned schema migrations of {@code db/migration} (listed in order in {@code index.txt}) at
 * start; the index must list them by strictly increasing version ({@code V<number>__name.sql}), so a merge that
 * misorders it fails the start instead of applying out of order. Each runs in its own transaction and is recorded
 * in {@code schema_migrations}; a session advisory lock makes concurrent replicas apply them once.
 */
public final class Migrations {
  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
  private static final long LOCK_KEY = 0x43726564697447L; // "CreditG"
  private static final String DIRECTORY = "db/migration/";
  private static final Pattern NAME = Pattern.compile("V(\\d{1,6})__[A-Za-z0-9_]+\\.sql");

  private Migrations() {}

  /** Applies every pending migration; the class-path reads run on a worker thread. */
  public static Future<Void> apply(Vertx vertx, Pool pool) {
    return vertx.executeBlocking(Migrations::readAll)
        .compose(scripts -> pool.getConnection().compose(conn -> lockAndApply(conn, scripts)
            .eventually(() -> conn.close())));
  }

  private static Future<Void> lockAndApply(SqlConnection conn, List<Script> scripts) {
    return conn.query("SELECT pg_advisory_lock(" + LOCK_KEY + ")").execute()
        .compose(v -> conn.query("CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, "
            + "applied_at timestamptz NOT NULL DEFAULT now())").execute())
        .compose(v -> applyFrom(conn, scripts, 0))
        .eventually(() -> conn.query("SELECT pg_advisory_unlock(" + LOCK_KEY + ")").execute());
  }

  private static Future<Void> applyFrom(SqlConnection conn, List<Script> scripts, int index) {
    if (index == scripts.size()) {
      return Future.succeededFuture();
    }
    Script script = scripts.get(index);
    return conn.preparedQuery("SELECT 1 FROM schema_migrations WHERE version = $1").execute(Tuple.of(script.name()))
        .compose(rows -> rows.size() > 0 ? Future.<Void>succeededFuture() : applyOne(conn, script))
        .compose(v -> applyFrom(conn, scripts, index + 1));
  }

  private static Future<Void> applyOne(SqlConnection conn, Script script) {
    return conn.begin().compose(tx -> conn.query(script.sql()).execute()
        .compose(v -> conn.preparedQuery("INSERT INTO schema_migrations (version) VALUES ($1)")
            .execute(Tuple.of(script.name())))
        .compose(v -> tx.commit())
        .onSuccess(v -> LOG.info("applied migration {}", script.name()))
        .onFailure(e -> tx.rollback()))
        .mapEmpty();
  }

  private static List<Script> readAll() {
    List<Script> scripts = new ArrayList<>();
    for (String name : names(read(DIRECTORY + "index.txt"))) {
      scripts.add(new Script(name, read(DIRECTORY + name)));
    }
    return scripts;
  }

  /** The migration names of {@code index}, one a line; fails unless their versions strictly increase. */
  static List<String> names(String index) {
    List<String> names = new ArrayList<>();
    int previous = 0;
    for (String line : index.split("\n")) {
      String name = line.trim();
      if (!name.isEmpty()) {
        int version = version(name);
        Check.that(version > previous, "migration %s is listed after version %s in index.txt", name, previous);
        previous = version;
        names.add(name);
      }
    }
    return names;
  }

  /** The number of {@code V<number>__name.sql}. */
  private static int version(String name) {
    Matcher matcher = NAME.matcher(name);
    Check.that(matcher.matches(), "migration %s is not named V<number>__<name>.sql", name);
    return Integer.parseInt(matcher.group(1));
  }

  private static String read(String resource) {
    try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing migration resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Script(String name, String sql) {}
}
