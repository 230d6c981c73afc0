package com.creditgate.scoring.model.scorecard;

import com.creditgate.scoring.model.ScoreScale;
import java.util.Arrays;
import java.util.List;

/**
 * The scoring form of a scorecard whose points are all whole numbers (figures in BENCHMARKS.md):
 * <ul>
 *   <li>every bin boundary is one entry {@code (feature, bound, step)} adding {@code step} points when
 *       {@code value >= bound}, {@code step} being the points of the bin above less those of the bin below,
 *       so a row is one flat loop of compares with no data-dependent branch;
 *   <li>a missing value fails every compare, including an extra entry with bound {@code -Infinity} per
 *       characteristic whose missing points differ from its first bin's, so the constant starts from the
 *       missing points and that entry steps to the first bin;
 *   <li>whole-number points add exactly in {@code int} in any order, so the sum equals the bin-by-bin
 *       {@code double} sum, and the probability of default is a table lookup of
 *       {@link ScoreScale#pdOf} at each reachable sum instead of a {@code Math.exp} per row.
 * </ul>
 * Immutable and thread-safe; scoring allocates nothing.
 */
final class IntegerPoints {
  /** Most distinct point sums tabulated; a scorecard spanning more is scored bin by bin. */
  static final int MAX_TABLE = 1 << 16;

  private final int[] feature;
  private final float[] bound;
  private final int[] step;
  private final int constant;
  private final int lowest;
  /** {@code pd[points - lowest]}: {@link ScoreScale#pdOf} of every reachable points sum. */
  private final double[] pd;

  private IntegerPoints(int[] feature, float[] bound, int[] step, int constant, int lowest, int highest) {
    this.feature = feature;
    this.bound = bound;
    this.step = step;
    this.constant = constant;
    this.lowest = lowest;
    this.pd = new double[highest - lowest + 1];
    for (int i = 0; i < pd.length; i++) {
      pd[i] = ScoreScale.pdOf(lowest + i);
    }
  }

  /** The compiled form, or {@code null} when a points value is fractional or the sums span too widely. */
  static IntegerPoints of(double basePoints, List<Scorecard.Characteristic> characteristics) {
    if (!isWhole(basePoints)) {
      return null;
    }
    int entries = 0;
    for (Scorecard.Characteristic c : characteristics) {
      if (!isWhole(c.missingPoints()) || !c.bins().stream().allMatch(b -> isWhole(b.points()))) {
        return null;
      }
      entries += c.bins().size();
    }
    int[] feature = new int[entries];
    float[] bound = new float[entries];
    int[] step = new int[entries];
    long constant = (long) basePoints;
    long lowest = constant;
    long highest = constant;
    int n = 0;
    for (Scorecard.Characteristic c : characteristics) {
      long missing = (long) c.missingPoints();
      constant += missing;
      long below = missing;
      long min = missing;
      long max = missing;
      float lower = Float.NEGATIVE_INFINITY;
      for (Scorecard.Bin b : c.bins()) {
        long points = (long) b.points();
        if (points != below) {
          feature[n] = c.feature().ordinal();
          bound[n] = lower;
          step[n] = Math.toIntExact(points - below);
          n++;
        }
        below = points;
        lower = b.upperBound();
        min = Math.min(min, points);
        max = Math.max(max, points);
      }
      lowest += min;
      highest += max;
    }
    if (lowest < Integer.MIN_VALUE / 2 || highest > Integer.MAX_VALUE / 2 || highest - lowest >= MAX_TABLE) {
      return null;
    }
    return new IntegerPoints(Arrays.copyOf(feature, n), Arrays.copyOf(bound, n),
        Arrays.copyOf(step, n), (int) constant, (int) lowest, (int) highest);
  }

  private static boolean isWhole(double points) {
    return points == Math.rint(points) && Math.abs(points) <= Integer.MAX_VALUE / 2;
  }

  /** Base points plus the points of every matched bin. */
  int points(float[] features) {
    int sum = constant;
    for (int i = 0; i < feature.length; i++) {
      sum += features[feature[i]] >= bound[i] ? step[i] : 0;
    }
    return sum;
  }

  /** {@link ScoreScale#pdOf} of {@link #points}. */
  double probabilityOfDefault(float[] features) {
    return pd[points(features) - lowest];
  }
}
