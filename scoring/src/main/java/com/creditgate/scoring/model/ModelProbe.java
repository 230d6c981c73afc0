package com.creditgate.scoring.model;

import com.creditgate.scoring.feature.Feature;
import com.creditgate.scoring.feature.FeatureSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Probe scorings run before a model may be published or activated: a model whose PD is not a finite probability
 * for some account (e.g. leaves that overflow, so PD is NaN) must never decide. The probes are the all-missing
 * vector, all zeros, and a fixed pseudo-random population over each feature's plausible range, with missing
 * values mixed in. Thread-safe (stateless); allocates, so run it off the event loop.
 */
public final class ModelProbe {
  /** Pseudo-random probe rows; fixed seed, so a model passes or fails the same way everywhere. */
  static final int RANDOM_PROBES = 512;
  private static final long SEED = 0x13L;

  private ModelProbe() {}

  /** Throws {@link IllegalArgumentException} naming the first probe whose PD is not a number in [0, 1]. */
  public static void requireSound(CreditModel model) {
    List<float[]> probes = probes();
    for (int i = 0; i < probes.size(); i++) {
      double pd = model.probabilityOfDefault(probes.get(i));
      if (!(pd >= 0 && pd <= 1)) {
        throw new IllegalArgumentException("model " + model.version() + " answers PD " + pd + " for probe " + i
            + " (" + describe(probes.get(i)) + "); a model must answer a finite probability for every account");
      }
    }
  }

  static List<float[]> probes() {
    List<float[]> probes = new ArrayList<>(RANDOM_PROBES + 2);
    probes.add(FeatureSchema.missingVector());
    probes.add(new float[FeatureSchema.SIZE]);
    Random random = new Random(SEED);
    for (int i = 0; i < RANDOM_PROBES; i++) {
      float[] row = new float[FeatureSchema.SIZE];
      for (Feature feature : Feature.values()) {
        row[feature.ordinal()] = random.nextInt(8) == 0 ? Float.NaN : sample(feature, random);
      }
      probes.add(row);
    }
    return probes;
  }

  /** A value in the feature's plausible range (SPEC 2.2 units: days, counts, ratios, yuan, a 350-950 score). */
  private static float sample(Feature feature, Random random) {
    return switch (feature) {
      case CREDIT_SCORE -> 350 + random.nextInt(601);
      case ONTIME_RATIO_12M, UTILIZATION, LOGIN_ANOMALY_SCORE, LINKED_ACCOUNT_RISK -> random.nextFloat() * 1.2f;
      case MONTHLY_SPEND, ASSETS, MONTHLY_INCOME -> (float) Math.pow(10, random.nextDouble() * 7);
      case ACCOUNT_AGE_DAYS, DAYS_SINCE_LAST_DRAW -> random.nextInt(5_000);
      case CURRENT_DPD, MAX_DPD_12M -> random.nextInt(4) == 0 ? random.nextInt(400) : 0;
      default -> random.nextInt(40);
    };
  }

  private static String describe(float[] row) {
    StringBuilder text = new StringBuilder();
    for (Feature feature : Feature.values()) {
      if (!Float.isNaN(row[feature.ordinal()])) {
        text.append(text.length() == 0 ? "" : ", ").append(feature.jsonName()).append('=').append(row[feature.ordinal()]);
      }
    }
    return text.length() == 0 ? "every feature missing" : text.toString();
  }
}
