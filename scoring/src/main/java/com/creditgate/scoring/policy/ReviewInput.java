package com.creditgate.scoring.policy;

import com.creditgate.common.Check;
import com.creditgate.common.account.AccountProfile;
import com.creditgate.common.account.CreditState;
import com.creditgate.scoring.feature.Feature;
import com.creditgate.scoring.feature.FeatureSchema;
import java.time.Instant;

/**
 * Everything a limit review reads: the account, its features, the model output, the review instant.
 *
 * @param features feature vector in schema order ({@code NaN} = missing); not modified
 * @param pd the champion model's probability of default for {@code features}
 * @param previousScore the score at the account's previous review, or {@link #NO_PREVIOUS_SCORE}
 * @param segmentExposureMinor total limit granted in the account's segment, or {@link #UNKNOWN_EXPOSURE}
 * @param history the line's earned limit and last increase; cuts and increases are taken from it
 */
public record ReviewInput(
    AccountProfile profile,
    CreditState state,
    float[] features,
    double pd,
    int previousScore,
    long segmentExposureMinor,
    Instant now,
    LineHistory history) {

  public static final int NO_PREVIOUS_SCORE = 0;
  public static final long UNKNOWN_EXPOSURE = -1;

  public ReviewInput {
    Check.notNull(profile, "profile");
    Check.notNull(state, "state");
    Check.notNull(now, "now");
    Check.notNull(history, "history");
    Check.argument(features.length == FeatureSchema.SIZE, "features must have %s entries", FeatureSchema.SIZE);
    Check.argument(pd >= 0 && pd <= 1, "pd must be in [0, 1], was %s", pd);
  }

  /** An input whose line history is known only by its state ({@link LineHistory#of}). */
  public ReviewInput(AccountProfile profile, CreditState state, float[] features, double pd, int previousScore,
      long segmentExposureMinor, Instant now) {
    this(profile, state, features, pd, previousScore, segmentExposureMinor, now, LineHistory.of(state));
  }

  /** An input with no previous score, unknown segment exposure and a history known only by its state. */
  public static ReviewInput of(AccountProfile profile, CreditState state, float[] features, double pd, Instant now) {
    return new ReviewInput(profile, state, features, pd, NO_PREVIOUS_SCORE, UNKNOWN_EXPOSURE, now);
  }

  /** Value of {@code feature}, or {@code 0} when missing: missing behaviour counts as none. */
  float feature(Feature feature) {
    float value = features[feature.ordinal()];
    return Float.isNaN(value) ? 0f : value;
  }
}
