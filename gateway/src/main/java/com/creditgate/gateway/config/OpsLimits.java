package com.creditgate.gateway.config;

import com.creditgate.common.Check;

/**
 * The limits that protect the gateway and its dependencies (README, "Configuration"). Immutable.
 *
 * @param rateLimitPerSecond tokens added per second to each client's bucket; {@code 0} turns rate limiting off
 * @param rateLimitBurst size of each client's bucket (requests admitted back to back)
 * @param breakerMaxFailures consecutive dependency failures that open a circuit breaker
 * @param breakerResetMillis how long a breaker stays open before a half-open probe
 * @param breakerCallTimeoutMillis how long a dependency call may take before it counts as a failure of the
 *     dependency; the answer stops waiting earlier, at {@code REQUEST_DEADLINE_MILLIS}
 * @param apiKeyCacheMax verified client API keys remembered, so a known key skips its SHA-256
 *     ({@code API_KEY_CACHE_MAX})
 */
public record OpsLimits(long rateLimitPerSecond, long rateLimitBurst, int breakerMaxFailures,
    long breakerResetMillis, long breakerCallTimeoutMillis, int apiKeyCacheMax) {

  public OpsLimits {
    Check.argument(rateLimitPerSecond >= 0, "RATE_LIMIT_PER_SECOND must be >= 0");
    Check.argument(rateLimitBurst >= 1, "RATE_LIMIT_BURST must be >= 1");
    Check.argument(breakerMaxFailures >= 1, "BREAKER_MAX_FAILURES must be >= 1");
    Check.argument(breakerResetMillis >= 10, "BREAKER_RESET_MILLIS must be >= 10");
    Check.argument(breakerCallTimeoutMillis > 0, "BREAKER_CALL_TIMEOUT_MILLIS must be positive");
    Check.argument(apiKeyCacheMax >= 1 && apiKeyCacheMax <= 1_000_000, "API_KEY_CACHE_MAX must be 1..1000000");
  }

  /** Whether per-client rate limiting is on. */
  public boolean rateLimited() {
    return rateLimitPerSecond > 0;
  }
}
