package com.creditgate.gateway.store;

import com.creditgate.common.Check;
import com.creditgate.common.account.AccountProfile;
import com.creditgate.common.account.AccountStatus;
import com.creditgate.common.account.CreditFacts;
import com.creditgate.common.account.CreditState;
import com.creditgate.common.account.ProfileFacts;
import com.creditgate.common.reason.ReasonCode;
import com.creditgate.scoring.feature.FeatureSchema;
import java.time.Instant;
import java.util.List;

/**
 * One account as stored and cached: profile, credit state and the behavioural feature vector (schema
 * {@link FeatureSchema#VERSION}), held flat in one object plus the vector, because the L1 cache holds one per
 * account: 104 bytes instead of 168 for a record, a profile, its {@code Instant} and a state (BENCHMARKS.md,
 * "L1 entry layout"). The warm limit-check reads it as {@link ProfileFacts} and {@link CreditFacts};
 * {@link #profile()} and {@link #state()} build the value objects for the paths that need them. Immutable by
 * convention: {@code features} is never written after construction, so one instance may be shared by every
 * event loop through the L1 cache.
 */
public final class AccountRecord implements ProfileFacts, CreditFacts {
  private static final AccountStatus[] STATUSES = AccountStatus.values();

  private final String accountId;
  private final String region;
  private final String occupation;
  private final String segment;
  private final String tier;
  private final List<ReasonCode> increaseClosedReasons;
  private final float[] features;
  private final long monthlyIncomeMinor;
  private final long assetsMinor;
  private final long accountOpenedAtEpochSecond;
  private final long creditLimitMinor;
  private final long outstandingMinor;
  private final long heldMinor;
  private final long version;
  private final int accountOpenedAtNano;
  // 350..950 and an ordinal of three: a short and a byte keep the object at 104 bytes instead of 112
  private final short creditScore;
  private final byte status;

  /**
   * {@code features} is taken as it is (not copied); the profile's and state's values are copied, the list of
   * reasons as its shared instance ({@link CanonicalReasons}).
   */
  public AccountRecord(String accountId, AccountProfile profile, CreditState state, float[] features) {
    Check.notNull(accountId, "accountId");
    Check.notNull(profile, "profile");
    Check.notNull(state, "state");
    Check.argument(features.length == FeatureSchema.SIZE, "feature vector has %s features, schema has %s",
        features.length, FeatureSchema.SIZE);
    this.accountId = accountId;
    this.region = profile.region();
    this.occupation = profile.occupation();
    this.segment = profile.segment();
    this.tier = state.tier();
    this.increaseClosedReasons = CanonicalReasons.of(state.increaseClosedReasons());
    this.features = features;
    this.monthlyIncomeMinor = profile.monthlyIncomeMinor();
    this.assetsMinor = profile.assetsMinor();
    this.accountOpenedAtEpochSecond = profile.accountOpenedAtEpochSecond();
    this.accountOpenedAtNano = profile.accountOpenedAtNano();
    this.creditScore = (short) profile.creditScore();
    this.creditLimitMinor = state.creditLimitMinor();
    this.outstandingMinor = state.outstandingMinor();
    this.heldMinor = state.heldMinor();
    this.status = (byte) state.status().ordinal();
    this.version = state.version();
  }

  private AccountRecord(AccountRecord other, String accountId) {
    this.accountId = accountId;
    this.region = other.region;
    this.occupation = other.occupation;
    this.segment = other.segment;
    this.tier = other.tier;
    this.increaseClosedReasons = other.increaseClosedReasons;
    this.features = other.features;
    this.monthlyIncomeMinor = other.monthlyIncomeMinor;
    this.assetsMinor = other.assetsMinor;
    this.accountOpenedAtEpochSecond = other.accountOpenedAtEpochSecond;
    this.accountOpenedAtNano = other.accountOpenedAtNano;
    this.creditScore = other.creditScore;
    this.creditLimitMinor = other.creditLimitMinor;
    this.outstandingMinor = other.outstandingMinor;
    this.heldMinor = other.heldMinor;
    this.status = other.status;
    this.version = other.version;
  }

  /**
   * This record holding {@code sameId} (an equal string) as its id, so that a cache keyed by that instance does
   * not hold a second copy of the id; {@code this} when it already does.
   */
  public AccountRecord withIdInstance(String sameId) {
    Check.argument(accountId.equals(sameId), "%s is not the id of account %s", sameId, accountId);
    return accountId == sameId ? this : new AccountRecord(this, sameId);
  }

  public String accountId() {
    return accountId;
  }

  /** The behavioural vector; never written (the derived features go into a copy, see FeatureAssembler). */
  public float[] features() {
    return features;
  }

  /** The profile as a value object (built on each call). */
  public AccountProfile profile() {
    return new AccountProfile(region, occupation, monthlyIncomeMinor, creditScore, segment, assetsMinor,
        Instant.ofEpochSecond(accountOpenedAtEpochSecond, accountOpenedAtNano));
  }

  /** The credit state as a value object (built on each call). */
  public CreditState state() {
    return new CreditState(creditLimitMinor, outstandingMinor, heldMinor, status(), tier,
        increaseClosedReasons.isEmpty(), increaseClosedReasons, version);
  }

  /** Version of the state, grows with every change. */
  public long version() {
    return version;
  }

  @Override
  public int creditScore() {
    return creditScore;
  }

  @Override
  public long monthlyIncomeMinor() {
    return monthlyIncomeMinor;
  }

  @Override
  public long assetsMinor() {
    return assetsMinor;
  }

  @Override
  public String segment() {
    return segment;
  }

  @Override
  public long accountOpenedAtEpochSecond() {
    return accountOpenedAtEpochSecond;
  }

  @Override
  public int accountOpenedAtNano() {
    return accountOpenedAtNano;
  }

  @Override
  public long creditLimitMinor() {
    return creditLimitMinor;
  }

  @Override
  public long outstandingMinor() {
    return outstandingMinor;
  }

  @Override
  public long heldMinor() {
    return heldMinor;
  }

  @Override
  public AccountStatus status() {
    return STATUSES[status];
  }

  @Override
  public String tier() {
    return tier;
  }

  @Override
  public String toString() {
    return "AccountRecord[accountId=" + accountId + ", profile=" + profile() + ", state=" + state() + "]";
  }
}
