package com.creditgate.scoring.feature;

import com.creditgate.common.account.CreditFacts;
import com.creditgate.common.account.ProfileFacts;
import com.creditgate.common.money.Money;
import java.time.Instant;

/**
 * Completes a stored behavioural vector with the features derived from the profile and the credit state at
 * the moment of scoring (score, account age, income, assets, utilization). O(features); allocates one
 * vector copy. Thread-safe (stateless).
 */
public final class FeatureAssembler {
  private FeatureAssembler() {}

  /** A new vector: {@code stored} with the derived features written in. */
  public static float[] assemble(float[] stored, ProfileFacts profile, CreditFacts state, Instant now) {
    float[] features = stored.clone();
    features[Feature.CREDIT_SCORE.ordinal()] = profile.creditScore();
    features[Feature.ACCOUNT_AGE_DAYS.ordinal()] = Math.max(0, wholeDaysSinceOpened(profile, now));
    features[Feature.MONTHLY_INCOME.ordinal()] = (float) profile.monthlyIncomeMinor() / Money.MINOR_PER_MAJOR;
    features[Feature.ASSETS.ordinal()] = (float) profile.assetsMinor() / Money.MINOR_PER_MAJOR;
    features[Feature.UTILIZATION.ordinal()] = utilization(state);
    return features;
  }

  /**
   * {@code Duration.between(accountOpenedAt, now).toDays()}, from the epoch second and nano the profile holds
   * (no {@code Instant} or {@code Duration} per call): whole seconds between the two, less one when {@code now}'s
   * fraction of a second is below the opening's, then whole days truncated toward zero, as {@code Duration} does.
   */
  static long wholeDaysSinceOpened(ProfileFacts profile, Instant now) {
    long seconds = now.getEpochSecond() - profile.accountOpenedAtEpochSecond();
    if (now.getNano() < profile.accountOpenedAtNano()) {
      seconds--;
    }
    return seconds / 86_400;
  }

  private static float utilization(CreditFacts state) {
    if (state.creditLimitMinor() == 0) {
      return state.outstandingMinor() + state.heldMinor() > 0 ? 1f : 0f;
    }
    return (float) ((double) (state.outstandingMinor() + state.heldMinor()) / state.creditLimitMinor());
  }
}
