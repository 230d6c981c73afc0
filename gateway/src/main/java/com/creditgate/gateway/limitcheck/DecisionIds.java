package com.creditgate.gateway.limitcheck;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random version-4 UUIDs for decisions from the thread-local generator: unique enough for audit ids and,
 * unlike {@link UUID#randomUUID()}, never waits on the secure random pool.
 */
final class DecisionIds {
  private DecisionIds() {}

  static String next() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }
}
