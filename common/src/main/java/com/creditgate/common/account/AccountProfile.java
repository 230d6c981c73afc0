package com.creditgate.common.account;

import com.creditgate.common.Check;
import java.time.Instant;

/**
 * What the bank knows about the customer from outside the credit product: location, work, income, bureau
 * score. Immutable.
 *
 * @param region administrative code, e.g. {@code "310000"}
 * @param occupation occupation code, e.g. {@code "ENGINEER"}
 * @param monthlyIncomeMinor declared or estimated monthly income, minor units
 * @param creditScore bureau-like score, 350..950
 * @param segment customer segment used by policy overlays
 * @param assetsMinor financial assets held on the platform, minor units
 * @param accountOpenedAt when the account was opened
 */
public record AccountProfile(
    String region,
    String occupation,
    long monthlyIncomeMinor,
    int creditScore,
    String segment,
    long assetsMinor,
    Instant accountOpenedAt) implements ProfileFacts {

  public static final int MIN_CREDIT_SCORE = 350;
  public static final int MAX_CREDIT_SCORE = 950;

  public AccountProfile {
    Check.notNull(region, "region");
    Check.notNull(occupation, "occupation");
    Check.notNull(segment, "segment");
    Check.notNull(accountOpenedAt, "accountOpenedAt");
    Check.argument(monthlyIncomeMinor >= 0, "monthlyIncome must be >= 0");
    Check.argument(assetsMinor >= 0, "assets must be >= 0");
    Check.argument(creditScore >= MIN_CREDIT_SCORE && creditScore <= MAX_CREDIT_SCORE,
        "creditScore must be in [%s, %s]", MIN_CREDIT_SCORE, MAX_CREDIT_SCORE);
  }

  @Override
  public long accountOpenedAtEpochSecond() {
    return accountOpenedAt.getEpochSecond();
  }

  @Override
  public int accountOpenedAtNano() {
    return accountOpenedAt.getNano();
  }
}
