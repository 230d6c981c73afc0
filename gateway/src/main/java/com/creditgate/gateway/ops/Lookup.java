package com.creditgate.gateway.ops;

/** Where an account read was answered, counted by {@link GatewayMetrics#lookup}. */
public final class Lookup {
  private Lookup() {}

  /** The storage level asked. */
  public enum Level {
    L1("l1"), REDIS("redis"), POSTGRES("postgres");

    final String tag;

    Level(String tag) {
      this.tag = tag;
    }
  }

  /**
   * What that level answered: {@code HIT}, {@code MISS} (absent), {@code COALESCED} (joined a load already
   * in flight, L1 only), {@code ERROR} (failed, or no reply within its breaker's call timeout), {@code LATE} (no
   * reply within the answer deadline: the answer moved on, the reply may still come and fill L1) or
   * {@code SKIPPED} (its breaker is open).
   */
  public enum Result {
    HIT, MISS, COALESCED, ERROR, LATE, SKIPPED;

    String tag() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
