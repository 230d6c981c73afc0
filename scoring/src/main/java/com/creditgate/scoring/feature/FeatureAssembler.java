package com.creditgate.scoring.feature;

import com.creditgate.common.account.AccountProfile;
import com.creditgate.common.account.CreditState;
import com.creditgate.common.money.Money;
import java.time.Duration;
import java.time.Instant;

/**
 * Completes a stored behavioural vector with the features derived from the profile and the credit state at
 * the moment of scoring (score, account age, income, assets, utilization). O(features); allocates one
 * vector copy. Thread-safe (stateless).
 */
public final class FeatureAssembler {
  private FeatureAssembler() {}

  /** A new vector: {@code stored} with the derived features written in. */
  public static float[] assemble(float[] stored, AccountProfile profile, CreditState state, Instant now) {
    float[] features = stored.clone();
    features[Feature.CREDIT_SCORE.ordinal()] = profile.creditScore();
    features[Feature.ACCOUNT_AGE_DAYS.ordinal()] =
        Math.max(0, Duration.between(profile.accountOpenedAt(), now).toDays());
    features[Feature.MONTHLY_INCOME.ordinal()] = (float) profile.monthlyIncomeMinor() / Money.MINOR_PER_MAJOR;
    features[Feature.ASSETS.ordinal()] = (float) profile.assetsMinor() / Money.MINOR_PER_MAJOR;
    features[Feature.UTILIZATION.ordinal()] = utilization(state);
    return features;
  }

  private static float utilization(CreditState state) {
    if (state.creditLimitMinor() == 0) {
      return state.outstandingMinor() + state.heldMinor() > 0 ? 1f : 0f;
    }
    return (float) ((double) (state.outstandingMinor() + state.heldMinor()) / state.creditLimitMinor());
  }
}
