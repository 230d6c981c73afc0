package com.creditgate.scoring.bench;

import com.creditgate.scoring.feature.Feature;
import com.creditgate.scoring.feature.FeatureSchema;
import java.util.Random;

/**
 * Seeded feature vectors for benchmarks: each feature uniform over a plausible range, 6% missing, so the
 * trees take varied paths and branch prediction cannot learn one row.
 */
final class BenchmarkRows {
  /** Rows in a set; a power of two so a benchmark cycles through them with a mask. */
  static final int COUNT = 1024;
  private static final double MISSING_SHARE = 0.06;

  private BenchmarkRows() {}

  static float[][] generate(long seed) {
    Random random = new Random(seed);
    float[][] rows = new float[COUNT][FeatureSchema.SIZE];
    for (float[] row : rows) {
      for (Feature feature : Feature.values()) {
        row[feature.ordinal()] = random.nextDouble() < MISSING_SHARE
            ? Float.NaN
            : (float) (random.nextDouble() * upperBound(feature));
      }
    }
    return rows;
  }

  private static double upperBound(Feature feature) {
    return switch (feature) {
      case CREDIT_SCORE -> 950;
      case ACCOUNT_AGE_DAYS -> 3000;
      case ONTIME_REPAYMENTS_12M -> 24;
      case ONTIME_RATIO_12M, UTILIZATION, INCOME_STABILITY, LOGIN_ANOMALY_SCORE, LINKED_ACCOUNT_RISK -> 1;
      case CURRENT_DPD -> 60;
      case MAX_DPD_12M -> 90;
      case MONTHLY_SPEND -> 8000;
      case PAYMENT_FREQUENCY_30D -> 40;
      case ASSETS -> 100_000;
      case MONTHLY_INCOME -> 30_000;
      case DAYS_SINCE_LAST_DRAW -> 365;
      case OVERDUE_COUNT_12M, EXTENSIONS_12M, LARGE_PAYMENTS_12M, INQUIRIES_30D, INQUIRIES_90D,
          TXN_ANOMALY_FLAGS, DEVICE_CHANGES_AT_REPAYMENT, QUICK_CYCLES_30D, ENGAGEMENT_TASKS -> 8;
    };
  }
}
