package com.creditgate.common.account;

/**
 * What a decision reads of an account's profile. {@link AccountProfile} is one; a compact cached account is
 * another, so the warm limit-check path reads its figures without building a profile per request.
 */
public interface ProfileFacts {
  /** Bureau-like score, {@value AccountProfile#MIN_CREDIT_SCORE}..{@value AccountProfile#MAX_CREDIT_SCORE}. */
  int creditScore();

  /** Declared or estimated monthly income, minor units. */
  long monthlyIncomeMinor();

  /** Financial assets held on the platform, minor units. */
  long assetsMinor();

  /** Customer segment used by policy overlays. */
  String segment();

  /** When the account was opened: seconds since the epoch (as {@link java.time.Instant#getEpochSecond}). */
  long accountOpenedAtEpochSecond();

  /** When the account was opened: nanoseconds within that second (as {@link java.time.Instant#getNano}). */
  int accountOpenedAtNano();
}
