package com.creditgate.scoring.model.gbdt;

import com.creditgate.scoring.feature.Feature;
import com.creditgate.scoring.feature.FeatureSchema;
import java.util.Random;

/**
 * A seeded synthetic borrower population over the 24 schema features, with a ground-truth probability of
 * default that moves with each feature in its SPEC 2.2 direction (plus a few non-linear effects: high
 * utilization, long dormancy) and a share of missing values. Used to train test and default models.
 */
final class SyntheticPopulation {
  /** Share of values set missing ({@code NaN}), per feature, independently. */
  static final double MISSING_SHARE = 0.06;

  private final Random random;

  SyntheticPopulation(long seed) {
    this.random = new Random(seed);
  }

  /** {@code count} feature vectors in schema order, row-major. */
  float[][] rows(int count) {
    float[][] rows = new float[count][];
    for (int i = 0; i < count; i++) {
      rows[i] = row();
    }
    return rows;
  }

  /** A default (1) or not (0) drawn for each row from its ground-truth probability of default. */
  float[] labels(float[][] rows) {
    float[] labels = new float[rows.length];
    for (int i = 0; i < rows.length; i++) {
      labels[i] = random.nextDouble() < truePd(rows[i]) ? 1f : 0f;
    }
    return labels;
  }

  /** Ground truth: a logistic function of the features; missing values contribute nothing. */
  static double truePd(float[] x) {
    double logit = -2.4
        - 0.012 * centred(x, Feature.CREDIT_SCORE, 650)
        - 0.0006 * centred(x, Feature.ACCOUNT_AGE_DAYS, 700)
        - 0.05 * centred(x, Feature.ONTIME_REPAYMENTS_12M, 10)
        - 2.0 * centred(x, Feature.ONTIME_RATIO_12M, 0.9)
        + 0.035 * centred(x, Feature.CURRENT_DPD, 0)
        + 0.012 * centred(x, Feature.MAX_DPD_12M, 5)
        + 0.25 * centred(x, Feature.OVERDUE_COUNT_12M, 0.5)
        + 0.3 * centred(x, Feature.EXTENSIONS_12M, 0.5)
        + 3.0 * Math.max(0, centred(x, Feature.UTILIZATION, 0.7))
        - 0.00015 * centred(x, Feature.MONTHLY_SPEND, 2000)
        - 0.02 * centred(x, Feature.PAYMENT_FREQUENCY_30D, 10)
        - 0.08 * centred(x, Feature.LARGE_PAYMENTS_12M, 2)
        - 0.00002 * centred(x, Feature.ASSETS, 20000)
        - 0.00006 * centred(x, Feature.MONTHLY_INCOME, 8000)
        - 0.8 * centred(x, Feature.INCOME_STABILITY, 0.6)
        + 0.3 * centred(x, Feature.INQUIRIES_30D, 1)
        + 0.1 * centred(x, Feature.INQUIRIES_90D, 3)
        + 1.5 * centred(x, Feature.LOGIN_ANOMALY_SCORE, 0.1)
        + 0.5 * centred(x, Feature.TXN_ANOMALY_FLAGS, 0.2)
        + 1.2 * centred(x, Feature.LINKED_ACCOUNT_RISK, 0.1)
        + 0.4 * centred(x, Feature.DEVICE_CHANGES_AT_REPAYMENT, 0.2)
        + 0.006 * Math.max(0, centred(x, Feature.DAYS_SINCE_LAST_DRAW, 120))
        + 0.25 * centred(x, Feature.QUICK_CYCLES_30D, 0.5)
        - 0.1 * centred(x, Feature.ENGAGEMENT_TASKS, 3);
    return 1.0 / (1.0 + Math.exp(-logit));
  }

  private static double centred(float[] x, Feature feature, double centre) {
    float value = x[feature.ordinal()];
    return Float.isNaN(value) ? 0 : value - centre;
  }

  private float[] row() {
    float[] x = new float[FeatureSchema.SIZE];
    boolean overdue = random.nextDouble() < 0.08;
    x[Feature.CREDIT_SCORE.ordinal()] = (float) clamp(650 + 80 * random.nextGaussian(), 350, 950);
    x[Feature.ACCOUNT_AGE_DAYS.ordinal()] = whole(-700 * Math.log(1 - random.nextDouble()));
    x[Feature.ONTIME_REPAYMENTS_12M.ordinal()] = random.nextInt(25);
    x[Feature.ONTIME_RATIO_12M.ordinal()] = (float) (1 - 0.4 * Math.pow(random.nextDouble(), 4));
    x[Feature.CURRENT_DPD.ordinal()] = overdue ? 1 + random.nextInt(90) : 0;
    x[Feature.MAX_DPD_12M.ordinal()] = x[Feature.CURRENT_DPD.ordinal()] + whole(-8 * Math.log(1 - random.nextDouble()));
    x[Feature.OVERDUE_COUNT_12M.ordinal()] = random.nextInt(overdue ? 7 : 3);
    x[Feature.EXTENSIONS_12M.ordinal()] = random.nextInt(4);
    x[Feature.UTILIZATION.ordinal()] = (float) (random.nextDouble() * 1.1);
    x[Feature.MONTHLY_SPEND.ordinal()] = logNormal(2000, 0.8);
    x[Feature.PAYMENT_FREQUENCY_30D.ordinal()] = random.nextInt(40);
    x[Feature.LARGE_PAYMENTS_12M.ordinal()] = random.nextInt(8);
    x[Feature.ASSETS.ordinal()] = logNormal(20000, 1.2);
    x[Feature.MONTHLY_INCOME.ordinal()] = logNormal(8000, 0.6);
    x[Feature.INCOME_STABILITY.ordinal()] = (float) random.nextDouble();
    x[Feature.INQUIRIES_30D.ordinal()] = random.nextInt(5);
    x[Feature.INQUIRIES_90D.ordinal()] = x[Feature.INQUIRIES_30D.ordinal()] + random.nextInt(6);
    x[Feature.LOGIN_ANOMALY_SCORE.ordinal()] = (float) Math.pow(random.nextDouble(), 3);
    x[Feature.TXN_ANOMALY_FLAGS.ordinal()] = random.nextDouble() < 0.85 ? 0 : 1 + random.nextInt(3);
    x[Feature.LINKED_ACCOUNT_RISK.ordinal()] = (float) Math.pow(random.nextDouble(), 4);
    x[Feature.DEVICE_CHANGES_AT_REPAYMENT.ordinal()] = random.nextDouble() < 0.8 ? 0 : 1 + random.nextInt(3);
    x[Feature.DAYS_SINCE_LAST_DRAW.ordinal()] = random.nextInt(366);
    x[Feature.QUICK_CYCLES_30D.ordinal()] = random.nextDouble() < 0.7 ? 0 : 1 + random.nextInt(5);
    x[Feature.ENGAGEMENT_TASKS.ordinal()] = random.nextInt(11);
    for (int f = 0; f < x.length; f++) {
      if (random.nextDouble() < MISSING_SHARE) {
        x[f] = Float.NaN;
      }
    }
    return x;
  }

  private float logNormal(double median, double sigma) {
    return whole(median * Math.exp(sigma * random.nextGaussian()));
  }

  private static float whole(double value) {
    return (float) Math.floor(value);
  }

  private static double clamp(double value, double min, double max) {
    return Math.min(Math.max(value, min), max);
  }
}
