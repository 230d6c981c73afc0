package com.creditgate.scoring.model.gbdt;

import com.creditgate.common.Check;
import com.creditgate.scoring.feature.FeatureSchema;
import com.creditgate.scoring.model.CreditModel;
import com.creditgate.scoring.model.Factor;
import com.creditgate.scoring.model.WorstFactors;
import java.util.List;

/**
 * A {@code binary:logistic} gradient-boosted tree ensemble compiled into flat primitive arrays. Scoring
 * follows XGBoost's rule (left when {@code x < threshold}, a missing value takes the node's default child),
 * sums leaves in {@code float} in tree order as XGBoost does, and allocates nothing. Reasons come from
 * TreeSHAP. Immutable and thread-safe.
 */
public final class GbdtModel implements CreditModel {
  private final String version;
  private final float baseMargin;
  private final Forest forest;
  private final CompleteTrees complete;
  private final double expectedMargin;

  GbdtModel(String version, float baseMargin, Forest forest) {
    this.version = Check.notNull(version, "version");
    this.baseMargin = baseMargin;
    this.forest = Check.notNull(forest, "forest");
    this.complete = new CompleteTrees(forest);
    this.expectedMargin = baseMargin + forest.expectedLeafSum();
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public double probabilityOfDefault(float[] features) {
    return 1.0 / (1.0 + Math.exp(-margin(features)));
  }

  /** Log-odds of default: the base margin plus one leaf per tree, summed in {@code float} like XGBoost. */
  public float margin(float[] features) {
    if (features.length != FeatureSchema.SIZE) {
      // Not Check.argument: its varargs would box on every call of the hot path.
      throw new IllegalArgumentException("expected " + FeatureSchema.SIZE + " features, got " + features.length);
    }
    return complete.leafSum(features, baseMargin);
  }

  /** The margin of an average row: base margin plus each tree's cover-weighted mean leaf. */
  public double expectedMargin() {
    return expectedMargin;
  }

  /**
   * Exact per-feature contributions to the margin (path-dependent TreeSHAP, as XGBoost's
   * {@code pred_contribs}): index {@code f} is feature {@code f} of the schema; they sum to
   * {@code margin(features) - expectedMargin()}. Allocates.
   */
  public double[] contributions(float[] features) {
    Check.argument(features.length == FeatureSchema.SIZE, "expected %s features, got %s",
        FeatureSchema.SIZE, features.length);
    double[] phi = new double[FeatureSchema.SIZE];
    new TreeShap(forest, features, phi).run();
    return phi;
  }

  /**
   * Present features that raised the log-odds of default, worst first, at most {@code max}; a missing feature is
   * never named, whatever its TreeSHAP share (adverse-action reasons name only what the account shows).
   */
  @Override
  public List<Factor> explain(float[] features, int max) {
    Check.argument(max >= 0, "max must not be negative: %s", max);
    double[] phi = contributions(features);
    WorstFactors raised = new WorstFactors(max);
    for (int f = 0; f < phi.length; f++) {
      if (phi[f] > 0 && !Float.isNaN(features[f])) {
        raised.offer(f, phi[f]);
      }
    }
    return raised.factors();
  }

  /** The trees as read, for tests that walk them node by node. */
  Forest forest() {
    return forest;
  }

  /** Number of trees. */
  public int trees() {
    return forest.roots.length;
  }
}
