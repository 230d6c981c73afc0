package com.creditgate.gateway.store;

import com.creditgate.common.reason.ReasonCode;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One shared list per distinct list of reasons an account's limit may not go up, so that the accounts held in
 * L1 share them instead of each holding a copy (24 bytes each; BENCHMARKS.md, "L1 entry layout"), as
 * {@link CanonicalText} does for category strings. Bounded: past {@link #MAX_ENTRIES} distinct lists (not
 * expected: a few reasons combine in few ways) a list is returned as it is. Thread-safe.
 */
public final class CanonicalReasons {
  /** Most distinct lists kept. */
  public static final int MAX_ENTRIES = 4_096;
  private static final ConcurrentHashMap<List<ReasonCode>, List<ReasonCode>> LISTS = new ConcurrentHashMap<>();

  private CanonicalReasons() {}

  /** The shared instance equal to {@code reasons}, an unmodifiable list. */
  public static List<ReasonCode> of(List<ReasonCode> reasons) {
    if (reasons.isEmpty()) {
      return List.of();
    }
    List<ReasonCode> shared = LISTS.get(reasons);
    if (shared != null) {
      return shared;
    }
    if (LISTS.size() >= MAX_ENTRIES) {
      return reasons;
    }
    shared = LISTS.putIfAbsent(reasons, reasons);
    return shared == null ? reasons : shared;
  }
}
