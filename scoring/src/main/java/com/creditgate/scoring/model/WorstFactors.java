package com.creditgate.scoring.model;

import com.creditgate.common.Check;
import com.creditgate.scoring.feature.Feature;
import java.util.List;

/**
 * The at most {@code max} largest impacts offered, largest first, ties in the order offered: exactly what a stable
 * sort of every factor by impact, descending, then its first {@code max} gives, without a {@link Factor} per
 * candidate, a list to sort, or a copy. A model's {@code explain} runs on every decision; it offers each candidate
 * and allocates only the few factors it returns. Not thread-safe: one per call.
 */
public final class WorstFactors {
  private final int[] features;
  private final double[] impacts;
  private int size;

  /** Keeps at most {@code max} factors. */
  public WorstFactors(int max) {
    Check.argument(max >= 0, "max must not be negative: %s", max);
    this.features = new int[max];
    this.impacts = new double[max];
  }

  /** Offers feature {@code featureIndex} with {@code impact}; kept when it is among the largest so far. */
  public void offer(int featureIndex, double impact) {
    int at = size;
    while (at > 0 && impacts[at - 1] < impact) { // strictly: an equal impact offered earlier stays ahead
      at--;
    }
    if (at == features.length) {
      return;
    }
    int last = Math.min(size, features.length - 1);
    System.arraycopy(features, at, features, at + 1, last - at);
    System.arraycopy(impacts, at, impacts, at + 1, last - at);
    features[at] = featureIndex;
    impacts[at] = impact;
    size = Math.min(size + 1, features.length);
  }

  /** The kept factors, largest impact first. */
  public List<Factor> factors() {
    Factor[] kept = new Factor[size];
    for (int i = 0; i < size; i++) {
      kept[i] = new Factor(Feature.at(features[i]), impacts[i]);
    }
    return List.of(kept);
  }
}
