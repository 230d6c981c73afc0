package com.creditgate.common;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time-ordered ids (decisions, holds): RFC 9562 version-7 UUIDs. The first 48 bits are the decision's unix time in
 * milliseconds, then the version (7), a 12-bit sequence ({@code rand_a}, RFC 9562 section 6.2 method 1), the
 * variant ({@code 10}) and 62 bits from the thread-local generator ({@code rand_b}). Within this JVM every id is
 * greater than the one before (as 128-bit unsigned numbers, so also as strings and as Postgres {@code uuid}):
 * the sequence counts the ids of one millisecond, and when it runs out (more than 4 096 in one millisecond) or
 * the clock steps back, the timestamp field moves on from the last id instead of repeating or going backwards.
 * Ordered ids append to the right edge of a key index (the audit table's, the holds') instead of landing on a random page. No
 * {@link java.security.SecureRandom}, no lock: one compare-and-set and one {@code nextLong}. Thread-safe.
 */
public final class TimeOrderedIds {
  private static final long VERSION_7 = 0x7000L;
  private static final long VARIANT = 0x8000000000000000L;
  private static final long RAND_B = 0x3FFFFFFFFFFFFFFFL;
  /** The last id's 48-bit timestamp and 12-bit sequence, {@code millis << 12 | sequence}. */
  private static final AtomicLong LAST = new AtomicLong();

  private TimeOrderedIds() {}

  /** A new id for something that happened at {@code unixMillis}. */
  public static UUID next(long unixMillis) {
    long first = unixMillis << 12;
    long stamp = LAST.accumulateAndGet(first, (last, now) -> Math.max(last + 1, now));
    long high = ((stamp >>> 12) << 16) | VERSION_7 | (stamp & 0xFFF);
    long low = VARIANT | (ThreadLocalRandom.current().nextLong() & RAND_B);
    return new UUID(high, low);
  }
}
