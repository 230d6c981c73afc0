package com.creditgate.gateway.store;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One shared instance per distinct short code (region, occupation, segment, tier), so that the accounts held
 * in L1 share their category strings instead of each holding copies: about 45 bytes saved per string per
 * cached account (BENCHMARKS.md, heap per cached account). Bounded: past {@link #MAX_ENTRIES} distinct values
 * (not expected: codes come from small catalogues) a value is returned as it is. Thread-safe.
 */
public final class CanonicalText {
  /** Most distinct values kept. */
  public static final int MAX_ENTRIES = 4_096;
  private static final ConcurrentHashMap<String, String> VALUES = new ConcurrentHashMap<>();

  private CanonicalText() {}

  /** The shared instance equal to {@code value}. */
  public static String of(String value) {
    String shared = VALUES.get(value);
    if (shared != null) {
      return shared;
    }
    if (VALUES.size() >= MAX_ENTRIES) {
      return value;
    }
    shared = VALUES.putIfAbsent(value, value);
    return shared == null ? value : shared;
  }
}
