package com.creditgate.loadtest.simulations;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Client-side response times split by outcome, which Gatling's assertions cannot do (their response-time
 * statistics always mix OK and KO requests of one name). One millisecond buckets up to
 * {@link #BUCKETS_MAX} ms, the last one catching everything slower. Thread-safe, lock-free; one per JVM.
 */
final class ResponseTimes {
  /** What happened to a request; {@code WARMUP} requests are not recorded. */
  enum Outcome { WARMUP, UNLOADED, ACCEPTED, SHED }

  static final int BUCKETS_MAX = 60_000;
  private static final AtomicLongArray[] HISTOGRAMS = new AtomicLongArray[Outcome.values().length];

  static {
    for (int i = 0; i < HISTOGRAMS.length; i++) {
      HISTOGRAMS[i] = new AtomicLongArray(BUCKETS_MAX + 1);
    }
  }

  private ResponseTimes() {}

  static void record(Outcome outcome, int millis) {
    HISTOGRAMS[outcome.ordinal()].incrementAndGet(Math.max(0, Math.min(millis, BUCKETS_MAX)));
  }

  static long count(Outcome outcome) {
    AtomicLongArray histogram = HISTOGRAMS[outcome.ordinal()];
    long count = 0;
    for (int i = 0; i <= BUCKETS_MAX; i++) {
      count += histogram.get(i);
    }
    return count;
  }

  /** The {@code percentile} (0..100) in ms, or {@link Long#MAX_VALUE} when nothing was recorded. */
  static long percentile(Outcome outcome, double percentile) {
    long count = count(outcome);
    if (count == 0) {
      return Long.MAX_VALUE;
    }
    long rank = (long) Math.ceil(count * percentile / 100.0);
    AtomicLongArray histogram = HISTOGRAMS[outcome.ordinal()];
    long seen = 0;
    for (int i = 0; i <= BUCKETS_MAX; i++) {
      seen += histogram.get(i);
      if (seen >= Math.max(1, rank)) {
        return i;
      }
    }
    return BUCKETS_MAX;
  }

  static String summary() {
    StringBuilder out = new StringBuilder("response times by outcome:");
    for (Outcome outcome : new Outcome[] {Outcome.UNLOADED, Outcome.ACCEPTED, Outcome.SHED}) {
      out.append(String.format(Locale.ROOT, " %s count=%d p50=%s p99=%s ms;", outcome, count(outcome),
          text(percentile(outcome, 50)), text(percentile(outcome, 99))));
    }
    return out.toString();
  }

  private static String text(long millis) {
    return millis == Long.MAX_VALUE ? "-" : Long.toString(millis);
  }
}
