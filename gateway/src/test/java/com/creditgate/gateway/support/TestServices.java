package com.creditgate.gateway.support;

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
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The real services tests run against: Postgres and Redis at {@code TEST_PG_URL} / {@code TEST_REDIS_URL}
 * (default: the local services on the standard ports). When that Postgres does not answer and a Docker
 * engine is present, a Testcontainers Postgres is started instead. Every test class gets its own fresh
 * database and Redis key prefix, so test classes and concurrent builds never see each other's data.
 */
public final class TestServices {
  private static final String DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/postgres";
  private static final String DEFAULT_REDIS = "redis://127.0.0.1:6379";
  private static String adminPgUrl;

  private TestServices() {}

  /** Redis URL of the test Redis. */
  public static String redisUrl() {
    return env("TEST_REDIS_URL", DEFAULT_REDIS);
  }

  /** A fresh, empty database on the test Postgres; returns its URL. */
  public static synchronized String freshDatabase(Vertx vertx) {
    String admin = adminPgUrl();
    String name = "cg_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
    Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(1))
        .connectingTo(PgConnectOptions.fromUri(admin)).using(vertx).build();
    await(pool.query("CREATE DATABASE " + name).execute().eventually(pool::close));
    URI uri = URI.create(admin);
    return uri.getScheme() + "://" + uri.getRawAuthority() + "/" + name;
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

  private static String adminPgUrl() {
    if (adminPgUrl == null) {
      String configured = env("TEST_PG_URL", DEFAULT_PG);
      adminPgUrl = reachable(configured) || !dockerAvailable() ? configured : startContainer();
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

  private static boolean reachable(String url) {
    URI uri = URI.create(url);
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort()), 1_000);
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
