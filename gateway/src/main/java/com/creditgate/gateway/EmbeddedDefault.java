package com.creditgate.gateway;

import com.creditgate.gateway.config.ConfigLoader;
import com.creditgate.gateway.config.GatewayConfig;
import com.creditgate.gateway.seed.Seeder;
import com.creditgate.gateway.seed.SeederOptions;
import com.creditgate.gateway.seed.SyntheticPopulation;
import com.creditgate.gateway.store.postgres.EmbeddedPostgresServer;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default (no {@code PG_URL}): a real Postgres started from the jar, migrated and seeded with
 * {@code EMBEDDED_ACCOUNTS} synthetic accounts by the {@code seed} command's code, so the whole API (money
 * included) runs on the production code path. For trying CreditGate out, not for production: the data is
 * deleted when the process stops. Every method blocks; call them from the main thread only.
 */
final class EmbeddedDefault {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDefault.class);
  private static final String BANNER = "=".repeat(78);

  private EmbeddedDefault() {}

  /** Starts the embedded Postgres; the caller closes it. */
  static EmbeddedPostgresServer startServer(GatewayConfig config) {
    LOG.warn("EMBEDDED MODE: no PG_URL configured; starting an embedded Postgres under {} (not for production)",
        config.embeddedPgDir());
    long started = System.nanoTime();
    EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(config.embeddedPgDir()));
    LOG.warn("embedded Postgres up in {} ms at {} (data in {})", (System.nanoTime() - started) / 1_000_000,
        server.url(), server.dataDir());
    return server;
  }

  /** Migrates {@code server} and seeds {@code EMBEDDED_ACCOUNTS} synthetic accounts with the seed command's code. */
  static void seed(GatewayConfig config, EmbeddedPostgresServer server) {
    if (config.embeddedAccounts() > 0) {
      Seeder.run(SeederOptions.parse(new String[] {"--pg-url", server.url(), "--accounts",
          Integer.toString(config.embeddedAccounts()), "--hot-share", "0", "--model", config.modelResource()},
          Map.of()), LOG::info);
    }
  }

  /** Says loudly, once the gateway listens, what the embedded default is and how to leave it. */
  static void banner(GatewayConfig config, EmbeddedPostgresServer server) {
    LOG.warn(BANNER);
    LOG.warn("EMBEDDED MODE: Postgres keeps its data in {}, deleted when this process stops.",
        server.dataDir());
    LOG.warn("Not for production. Postgres: {}   Redis: {}", server.url(), config.redisUrls().orElse("none (L1 only)"));
    if (config.embeddedAccounts() > 0) {
      LOG.warn("Seeded {} synthetic accounts: {} .. {}", config.embeddedAccounts(), SyntheticPopulation.accountId(1),
          SyntheticPopulation.accountId(config.embeddedAccounts()));
    }
    if (config.demoCredentials()) {
      LOG.warn("Demo client API key: {}   demo admin token: {}", ConfigLoader.DEMO_API_KEY,
          ConfigLoader.DEMO_ADMIN_TOKEN);
    }
    LOG.warn("Set PG_URL (and REDIS_URL) to use your own services.");
    LOG.warn(BANNER);
  }
}
