package com.creditgate.gateway.support;

import com.creditgate.gateway.store.postgres.EmbeddedPostgresServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The real services tests run against: Postgres and Redis at {@code TEST_PG_URL} / {@code TEST_REDIS_URL}
 * (default: the local services on the standard ports). When that Postgres does not answer, a Testcontainers
 * Postgres is started if a Docker engine is present, else the gateway's own embedded Postgres (the embedded
 * default's), so {@code mvn verify} needs only a JDK and Maven; Redis likewise falls back to an embedded
 * {@code redis-server} (see {@link TestRedis}). Each fallback is said on stderr. Every test class gets its own
 * fresh database and Redis key prefix, so test classes and concurrent builds never see each other's data.
 */
public final class TestServices {
  private static final String DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/postgres";
  private static final String DEFAULT_REDIS = "redis://127.0.0.1:6379";
  private static String adminPgUrl;
  private static String redisUrl;

  private TestServices() {}

  /** Redis URL of the test Redis: the configured one, or a throw-away server when that does not answer. */
  public static synchronized String redisUrl() {
    if (redisUrl == null) {
      String configured = env("TEST_REDIS_URL", DEFAULT_REDIS);
      redisUrl = reachable(configured, 6379) ? configured : startRedis(configured);
    }
    return redisUrl;
  }

  /** A pool of ONE connection on {@code url}: every call reuses the connection the previous one returned. */
  public static Pool onePool(Vertx vertx, String url) {
    return PgBuilder.pool().with(new PoolOptions().setMaxSize(1)).connectingTo(PgConnectOptions.fromUri(url))
        .using(vertx).build();
  }

  /**
   * A fresh, empty database on the test Postgres; returns its URL. Its name carries its creation time
   * ({@code cg_test_<epoch seconds>_<random>}): the first call of each test JVM drops the test databases made more
   * than {@link #STALE_DATABASE_SECONDS} ago, so a developer's Postgres does not pile up one database per test
   * class per build (hundreds a day), while a build running beside this one keeps its own.
   */
  public static synchronized String freshDatabase(Vertx vertx) {
    String admin = adminPgUrl();
    long now = System.currentTimeMillis() / 1000;
    String name = "cg_test_" + now + "_"
        + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toLowerCase(Locale.ROOT);
    Pool pool = onePool(vertx, admin);
    if (!staleDatabasesDropped) {
      staleDatabasesDropped = true;
      dropStaleDatabases(pool, now);
    }
    await(pool.query("CREATE DATABASE " + name).execute().eventually(pool::close));
    URI uri = URI.create(admin);
    return uri.getScheme() + "://" + uri.getRawAuthority() + "/" + name;
  }

  /** Test databases older than this are dropped by the next test JVM (6 hours: longer than any build). */
  static final long STALE_DATABASE_SECONDS = 6 * 3_600;
  private static boolean staleDatabasesDropped;

  /** Best effort: a database that cannot be dropped now (e.g. still in use) is left for a later build. */
  static void dropStaleDatabases(Pool pool, long nowSeconds) {
    try {
      List<String> stale = new ArrayList<>();
      await(pool.query("SELECT datname FROM pg_database WHERE datname ~ '^cg_test_[0-9]+_[0-9a-f]+$'").execute())
          .forEach(row -> {
            String name = row.getString(0);
            long created = Long.parseLong(name.substring("cg_test_".length(), name.lastIndexOf('_')));
            if (created < nowSeconds - STALE_DATABASE_SECONDS) {
              stale.add(name);
            }
          });
      for (String name : stale) {
        try {
          await(pool.query("DROP DATABASE IF EXISTS " + name).execute());
        } catch (RuntimeException e) {
          System.err.println("[test] could not drop stale test database " + name + ": " + e.getMessage());
        }
      }
    } catch (RuntimeException e) {
      System.err.println("[test] could not list stale test databases: " + e.getMessage());
    }
  }

  /** A unique Redis key prefix for one test class. */
  public static String freshRedisPrefix() {
    return "cgtest:" + UUID.randomUUID().toString().substring(0, 8) + ":";
  }

  /** A TCP port free right now on the loopback interface. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Blocks the (test) thread until {@code future} completes; never call on an event loop. */
  public static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** URL of the test Postgres's {@code postgres} database, starting the fallback on first use. */
  public static synchronized String adminPgUrl() {
    if (adminPgUrl == null) {
      String configured = env("TEST_PG_URL", DEFAULT_PG);
      adminPgUrl = reachable(configured, 5432) ? configured : dockerAvailable() ? startContainer() : startEmbedded(configured);
    }
    return adminPgUrl;
  }

  @SuppressWarnings("resource")
  private static String startContainer() {
    PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
    container.start();
    return "postgresql://" + container.getUsername() + ":" + container.getPassword() + "@" + container.getHost()
        + ":" + container.getFirstMappedPort() + "/" + container.getDatabaseName();
  }

  /** One embedded Postgres per test JVM, stopped (and its data deleted) when the JVM exits. */
  private static String startEmbedded(String unreachable) {
    System.err.printf("[TestServices] no Postgres at %s and no Docker engine: starting the embedded Postgres%n",
        unreachable);
    EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(System.getProperty("java.io.tmpdir"),
        "creditgate-test"));
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-postgres-stop"));
    System.err.printf("[TestServices] embedded Postgres at %s%n", server.url());
    return server.url();
  }

  /** One Redis per test JVM, killed when the JVM exits. */
  private static String startRedis(String unreachable) {
    System.err.printf("[TestServices] no Redis at %s: starting a throw-away redis-server%n", unreachable);
    RedisProcess redis = RedisProcess.start();
    Runtime.getRuntime().addShutdownHook(new Thread(redis::close, "test-redis-stop"));
    System.err.printf("[TestServices] test Redis at %s%n", redis.url());
    return redis.url();
  }

  private static boolean reachable(String url, int defaultPort) {
    URI uri = URI.create(url.contains(",") ? url.substring(0, url.indexOf(',')) : url);
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? defaultPort : uri.getPort()), 1_000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static String env(String key, String defaultValue) {
    String value = System.getenv(key);
    return value == null || value.isBlank() ? defaultValue : value;
  }
}
