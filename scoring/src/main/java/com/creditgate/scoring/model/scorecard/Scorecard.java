package com.creditgate.scoring.model.scorecard;

import com.creditgate.common.Check;
import com.creditgate.scoring.feature.Feature;
import com.creditgate.scoring.model.CreditModel;
import com.creditgate.scoring.model.Factor;
import com.creditgate.scoring.model.ScoreScale;
import com.creditgate.scoring.model.WorstFactors;
import java.util.List;

/**
 * A points scorecard compiled into flat primitive arrays: each characteristic bins one feature by upper
 * bounds ({@code value < upperBound}), the points of the matched bins add to the base points, and the sum
 * maps to a probability of default through {@link ScoreScale}. A scorecard of whole-number points is
 * scored through {@link IntegerPoints}, with the same result. Immutable and thread-safe; scoring
 * allocates nothing.
 */
public final class Scorecard implements CreditModel {
  private final String version;
  private final double basePoints;
  private final int[] featureIndex;
  /** Bins of characteristic {@code c} are {@code [binStart[c], binStart[c + 1])}. */
  private final int[] binStart;
  private final float[] upperBound;
  private final double[] points;
  private final double[] missingPoints;
  private final double[] bestPoints;
  /** The branch-free form, or {@code null} when some points are fractional. */
  private final IntegerPoints integerPoints;

  Scorecard(String version, double basePoints, List<Characteristic> characteristics) {
    Check.argument(!characteristics.isEmpty(), "a scorecard needs at least one characteristic");
    this.version = Check.notNull(version, "version");
    this.basePoints = basePoints;
    int count = characteristics.size();
    this.featureIndex = new int[count];
    this.binStart = new int[count + 1];
    this.missingPoints = new double[count];
    this.bestPoints = new double[count];
    int totalBins = characteristics.stream().mapToInt(c -> c.bins().size()).sum();
    this.upperBound = new float[totalBins];
    this.points = new double[totalBins];
    int bin = 0;
    for (int c = 0; c < count; c++) {
      Characteristic characteristic = characteristics.get(c);
      featureIndex[c] = characteristic.feature().ordinal();
      binStart[c] = bin;
      missingPoints[c] = characteristic.missingPoints();
      double best = characteristic.missingPoints();
      for (Bin b : characteristic.bins()) {
        upperBound[bin] = b.upperBound();
        points[bin] = b.points();
        best = Math.max(best, b.points());
        bin++;
      }
      bestPoints[c] = best;
    }
    binStart[count] = bin;
    integerPoints = IntegerPoints.of(basePoints, characteristics);
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public double probabilityOfDefault(float[] features) {
    return integerPoints != null ? integerPoints.probabilityOfDefault(features) : ScoreScale.pdOf(points(features));
  }

  /** Base points plus the points of every matched bin. */
  public double points(float[] features) {
    return integerPoints != null ? integerPoints.points(features) : binByBin(features);
  }

  /** The points added bin by bin in {@code double}, as the scorecard defines them. */
  double binByBin(float[] features) {
    double sum = basePoints;
    for (int c = 0; c < featureIndex.length; c++) {
      sum += pointsOf(c, features[featureIndex[c]]);
    }
    return sum;
  }

  /**
   * Present features whose points fell short of their best bin, worst first: a missing feature is never named
   * (adverse-action reasons name only what the account actually shows).
   */
  @Override
  public List<Factor> explain(float[] features, int max) {
    WorstFactors lost = new WorstFactors(max);
    for (int c = 0; c < featureIndex.length; c++) {
      float value = features[featureIndex[c]];
      double gap = bestPoints[c] - pointsOf(c, value);
      if (gap > 0 && !Float.isNaN(value)) {
        lost.offer(featureIndex[c], gap);
      }
    }
    return lost.factors();
  }

  private double pointsOf(int characteristic, float value) {
    if (Float.isNaN(value)) {
      return missingPoints[characteristic];
    }
    int last = binStart[characteristic + 1] - 1;
    for (int b = binStart[characteristic]; b < last; b++) {
      if (value < upperBound[b]) {
        return points[b];
      }
    }
    return points[last];
  }

  /** One feature's bins, ordered by upper bound; the last bin takes everything above. */
  record Characteristic(Feature feature, double missingPoints, List<Bin> bins) {
    Characteristic {
      Check.argument(!bins.isEmpty(), "characteristic %s has no bins", feature);
      for (int i = 1; i < bins.size(); i++) {
        Check.argument(bins.get(i - 1).upperBound() < bins.get(i).upperBound(),
            "bins of %s must have increasing upper bounds", feature);
      }
      bins = List.copyOf(bins);
    }
  }

  /** Values below {@code upperBound} (and above the previous bin's) score {@code points}. */
  record Bin(float upperBound, double points) {}
}
