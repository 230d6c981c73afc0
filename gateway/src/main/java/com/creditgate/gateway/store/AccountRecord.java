package com.creditgate.gateway.store;

import com.creditgate.common.Check;
import com.creditgate.common.account.AccountProfile;
import com.creditgate.common.account.CreditState;
import com.creditgate.scoring.feature.FeatureSchema;

/**
 * One account as stored and cached: profile, credit state and the behavioural feature vector (schema
 * {@link FeatureSchema#VERSION}). Immutable by convention: {@code features} is never written after
 * construction, so one instance may be shared by every event loop through the L1 cache.
 */
public record AccountRecord(String accountId, AccountProfile profile, CreditState state, float[] features) {

  public AccountRecord {
    Check.notNull(accountId, "accountId");
    Check.notNull(profile, "profile");
    Check.notNull(state, "state");
    Check.argument(features.length == FeatureSchema.SIZE, "feature vector has %s features, schema has %s",
        features.length, FeatureSchema.SIZE);
  }

  /** Version of the state, grows with every change. */
  public long version() {
    return state.version();
  }
}
