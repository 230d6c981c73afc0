package com.creditgate.gateway.http;

import com.creditgate.common.Check;

/**
 * A token bucket: {@code burst} tokens, refilled at {@code perSecond}. Time is an input (nanoseconds from any
 * monotonic source), so the arithmetic is deterministic under test. Thread-safe (synchronized; held for a
 * few arithmetic operations, never across I/O).
 */
final class TokenBucket {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final long perSecond;
  private final long burst;
  private double tokens;
  private long lastNanos;

  TokenBucket(long perSecond, long burst, long nowNanos) {
    Check.argument(perSecond > 0 && burst >= 1, "perSecond > 0 and burst >= 1 required");
    this.perSecond = perSecond;
    this.burst = burst;
    this.tokens = burst;
    this.lastNanos = nowNanos;
  }

  /** Takes one token: {@code 0} when admitted, otherwise the whole seconds (at least 1) until one is due. */
  synchronized long tryAcquire(long nowNanos) {
    long elapsed = Math.max(0, nowNanos - lastNanos);
    lastNanos = nowNanos;
    tokens = Math.min(burst, tokens + (double) elapsed * perSecond / NANOS_PER_SECOND);
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    double secondsToToken = (1 - tokens) / perSecond;
    return Math.max(1, (long) Math.ceil(secondsToToken));
  }
}
