package com.creditgate.gateway.config;

import com.creditgate.common.Check;
import java.util.Map;
import java.util.Optional;

/**
 * Every configuration value of the gateway, parsed once at start (see {@link ConfigLoader}) and immutable
 * afterwards. Each limit has a documented default (README, "Configuration").
 *
 * @param pgUrl Postgres connection URI; empty means the embedded default: {@code Main} starts an embedded
 *     Postgres and continues with {@link #withPgUrl}
 * @param redisUrls Redis URI, or comma-separated node URIs in cluster mode; empty means no Redis
 * @param apiKeyHashes sha256 hex of each client API key, to the client id
 * @param adminTokenHash sha256 hex of the admin token
 * @param demoCredentials whether the documented demo key and admin token are accepted
 * @param embeddedAccounts synthetic accounts seeded into the embedded Postgres
 * @param embeddedPgDir directory under which the embedded Postgres makes its (temporary) data directory
 * @param ops rate limits and circuit-breaker settings
 * @param tracing OpenTelemetry tracing, off by default
 * @param faults deadlines and bounds that keep answers flowing under faults
 */
public record GatewayConfig(
    String httpHost,
    int httpPort,
    int verticleInstances,
    Optional<String> pgUrl,
    Optional<String> pgPassword,
    int pgPoolSize,
    Optional<String> redisUrls,
    RedisMode redisMode,
    Optional<String> redisPassword,
    String redisKeyPrefix,
    Map<String, String> apiKeyHashes,
    String adminTokenHash,
    boolean demoCredentials,
    int l1MaxAccounts,
    long l1TtlMillis,
    long l2TtlSeconds,
    long requestDeadlineMillis,
    int bodyLimitBytes,
    int inflightMaxPerVerticle,
    int embeddedAccounts,
    String embeddedPgDir,
    String modelResource,
    OpsLimits ops,
    MoneySettings money,
    long shutdownGraceMillis,
    String instanceId,
    TracingSettings tracing,
    FaultLimits faults) {

  /** Redis deployment shape. */
  public enum RedisMode { STANDALONE, CLUSTER }

  public GatewayConfig {
    Check.argument(httpPort >= 0 && httpPort <= 65535, "HTTP_PORT out of range: %s", httpPort);
    Check.argument(verticleInstances >= 1 && verticleInstances <= 256, "VERTICLE_INSTANCES must be 1..256");
    Check.argument(pgPoolSize >= 1 && pgPoolSize <= 512, "PG_POOL_SIZE must be 1..512");
    Check.argument(l1MaxAccounts >= 0, "L1_MAX_ACCOUNTS must be >= 0");
    Check.argument(l1TtlMillis > 0, "L1_TTL_MILLIS must be positive");
    Check.argument(l2TtlSeconds > 0, "L2_TTL_SECONDS must be positive");
    Check.argument(requestDeadlineMillis > 0, "REQUEST_DEADLINE_MILLIS must be positive");
    Check.argument(bodyLimitBytes >= 256 && bodyLimitBytes <= 16 * 1024 * 1024, "BODY_LIMIT_BYTES must be 256..16Mi");
    Check.argument(inflightMaxPerVerticle >= 1, "INFLIGHT_MAX_PER_VERTICLE must be >= 1");
    Check.argument(embeddedAccounts >= 0, "EMBEDDED_ACCOUNTS must be >= 0");
    Check.argument(!embeddedPgDir.isBlank(), "EMBEDDED_PG_DIR must not be blank");
    Check.argument(pgUrl.isPresent() || demoCredentials, "PG_URL is required once API keys and the admin token"
        + " are configured: the embedded Postgres is for trying CreditGate out and deletes its data on exit");
    Check.notNull(ops, "ops");
    Check.argument(ops.breakerCallTimeoutMillis() >= requestDeadlineMillis,
        "BREAKER_CALL_TIMEOUT_MILLIS must be >= REQUEST_DEADLINE_MILLIS: a reply the answer waited for counts");
    Check.notNull(money, "money");
    Check.notNull(tracing, "tracing");
    Check.notNull(faults, "faults");
    Check.argument(shutdownGraceMillis >= 0, "SHUTDOWN_GRACE_MILLIS must be >= 0");
    apiKeyHashes = Map.copyOf(apiKeyHashes);
  }

  /** True when no Postgres is configured: the embedded default starts one and seeds a synthetic population. */
  public boolean embedded() {
    return pgUrl.isEmpty();
  }

  /** This configuration on the Postgres at {@code url} (the embedded one, once it runs). */
  public GatewayConfig withPgUrl(String url) {
    return new GatewayConfig(httpHost, httpPort, verticleInstances, Optional.of(url), pgPassword, pgPoolSize,
        redisUrls, redisMode, redisPassword, redisKeyPrefix, apiKeyHashes, adminTokenHash, demoCredentials,
        l1MaxAccounts, l1TtlMillis, l2TtlSeconds, requestDeadlineMillis, bodyLimitBytes, inflightMaxPerVerticle,
        embeddedAccounts, embeddedPgDir, modelResource, ops, money, shutdownGraceMillis, instanceId, tracing,
        faults);
  }
}
